/**
 * Multilingual patterns for the page chrome that surrounds an article in scraped page text.
 * They are tested on one line at a time (already trimmed); most are only trusted on short
 * lines, since a long line that merely mentions "copyright" is more likely prose.
 */

/**
 * Builds a regular expression in which `\b` is a Unicode word boundary and `\W` a Unicode
 * non-letter (JavaScript's own only know ASCII letters, so they misfire next to Cyrillic, Hangul
 * or Han).
 */
export function ure(source: string, flags: string): RegExp {
  // A boundary followed by a word, a group or an escape opens a word; any other closes one.
  // (One-sided lookarounds compile far faster than a two-sided boundary.)
  const converted = source
    .replace(/\\b(?=[\p{L}\p{N}(\\[])/gu, '(?<![\\p{L}\\p{N}])')
    .replace(/\\b/g, '(?![\\p{L}\\p{N}])')
    .replace(/\\W/g, '[^\\p{L}\\p{N}]');
  return new RegExp(converted, flags.includes('u') ? flags : flags + 'u');
}

/** Copyright and rights notices: the article is over when one of these appears. */
export const RIGHTS_NOTICE = ure(
  [
    String.raw`all rights? reserved`,
    String.raw`^copyright\b`,
    String.raw`\bcopyright\s*(?:©|\(c\)|ⓒ)`,
    String.raw`(?:©|ⓒ|\(c\))\s*(?:copyright\s*)?(?:\d{4}|[^\n]{0,80}\b(?:19|20)\d{2}\b)`,
    String.raw`rights to this material`,
    String.raw`placed by the copyright holder`,
    String.raw`все права (?:защищены|принадлежат)`,
    String.raw`права на (?:этот |данный )?материал`,
    String.raw`(?:любое|полное или частичное) (?:воспроизведение|использование|копирование)[^\n]{0,60}(?:запрещ|воспрещ|без (?:письменного )?разрешения)`,
    String.raw`перепечатка[^\n]{0,60}запрещ`,
    String.raw`alle rechte vorbehalten`,
    String.raw`tous droits réservés`,
    String.raw`todos los derechos reservados`,
    String.raw`todos os direitos reservados`,
    String.raw`tutti i diritti riservati`,
    String.raw`všechna práva vyhrazena`,
    String.raw`wszelkie prawa zastrzeżone`,
    String.raw`alle rettigheder forbeholdes`,
    String.raw`무단\s*전재`,
    String.raw`재배포\s*금지`,
    String.raw`版权所有`,
    String.raw`無断(?:転載|複製)`,
    String.raw`不得转载`,
  ].join('|'),
  'iu',
);

/** Advertising slots and sponsor labels, as a whole line. */
export const AD_LABEL =
  ure(String.raw`^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|promoted|paid content|partner content|реклама|на правах рекламы|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reklama|광고|广告|広告|continue reading(?: the main story)?(?: below)?|story continues below(?: advertisement)?|article continues below)\W*$`, 'iu');

/** Share / social buttons. */
export const SHARE_BUTTON =
  ure(String.raw`^(?:share(?: this| on| via| with| this (?:story|article|page|with))?(?: [\p{L}+]+){0,3}|tweet|e-?mail|print|copy(?: link)?(?: url)?.{0,12}|copy this link|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|flipboard|messenger|instagram|youtube|tiktok|snapchat|rss|viber|line|weibo|wechat|vk|vkontakte|ok|одноклассники|вконтакте|google\+|поделиться|teilen|partager|compartir|compartilhar|condividi|sdílet|udostępnij|공유|分享|シェア|follow (?:us|@?[\p{L}\d_]+)(?: on [\p{L} ]+)?|get short url|short url|permalink|like|to se mi líbí|líbí se mi|gefällt mir|j'aime|me gusta|curtir|mi piace|нравится|мне нравится|share (?:the )?(?:article|story)|sdílet článek|artikel teilen|partager (?:l'article|cet article)|compartir (?:artículo|noticia)|compartilhe|поделиться (?:статьей|новостью))\W*$`, 'iu');

/** Subscription, newsletter, log-in and account prompts (short lines only). */
export const ACCOUNT_PROMPT =
  ure(String.raw`\b(?:subscri(?:be|ption)|newsletters?|sign ?up|sign ?in|log ?in|log ?out|register|inbox|recaptcha|unlimited access|create (?:an |your )?account|forgot (?:your )?password)\b|подпис(?:ка|аться|ывайтесь)|рассылк|войти|регистрац|авториз|abonn|anmelden|registrieren|suscr[ií]b|assine|inscreva|newsletter|iscriviti|přihl[aá]s|odebírat|구독|로그인|订阅|登录|購読|ログイン`, 'iu');

/** Comment-section prompts and counters (short lines only). */
export const COMMENT_PROMPT =
  ure(String.raw`^(?:\d+\s*)?(?:comments?|view (?:the )?(?:discussion|comments?)(?: thread)?|join the (?:discussion|conversation)|leave a (?:comment|reply)|add (?:a )?comment|post a comment|show comments|discussion|have your say|комментари[йиея]|обсуждение|добавить комментарий|оставить комментарий|kommentare?|commentaires?|comentarios?|comentários?|commenti|komentáře|komentarze|댓글|评论|コメント)\b.{0,60}$|do you want to leave a comment|^(?:leave|post|add|write|send|envi[aá]|deja|escribe|escreva|deixe|hinterlassen|laissez|оставьте|напишите)\s+(?:a |an |your |tu |un |uma |seu |einen |un |свой )?(?:comment|comentario|comentário|kommentar|commentaire|комментарий)|(?:found|spotted|noticed) (?:a|an) (?:error|typo|mistake)|report (?:an|a) (?:error|typo|correction)|zaznamenali chybu|нашли ошибку|заметили ошибку|fehler gefunden|signaler une erreur|want to comment|to comment,? (?:please )?(?:log|sign) in`, 'iu');

/** Cookie, privacy and terms notices (short lines only). */
export const LEGAL_NOTICE =
  ure(String.raw`\bcookies?\b|privacy (?:policy|notice|options|settings)|terms (?:of|and) (?:use|service|conditions)|terms & conditions|personal data|\bgdpr\b|ad ?choices|политик[аи] конфиденциальности|пользовательск(?:ое|ого) соглашени|персональных данных|datenschutz|impressum|confidentialité|mentions légales|privacidad|privacidade|aviso legal|informativa sulla privacy|ochrana osobních údajů|개인정보|隐私|プライバシー`, 'iu');

/**
 * Labels that introduce lists of other stories ("Related", "Most read", "Read more: ..."),
 * or a teaser line that starts with one of them ("Also on rt.com ...", "READ MORE: ...").
 */
export const RELATED_LABEL =
  ure(String.raw`^(?:related(?: (?:stories|articles|news|topics|content|coverage|links|posts|videos?))?|read (?:more|next|also)|more (?:stories|news|from|in|on|to explore|like this|about|articles|top stories|coverage)\b.{0,60}|more:|also on\b.{0,120}|also read|see (?:also|more|all)|most (?:popular|read|viewed|shared|commented|emailed)|popular(?: now| stories| articles)?|trending(?: now| stories| news| topics)?|top stories|latest(?: news| stories| headlines)?|recommended(?: for you| stories)?|you (?:may|might) (?:also )?(?:like|be interested(?: in)?|have missed)|don'?t miss|editor'?s picks|(?:other|more) (?:news|articles|stories)|más sobre|mais sobre|plus sur|mehr über|подробнее о|in (?:brief|other news)|what to read next|topics|tags|filed under|sources?:|references:|источники:|quellen:|fuentes:|fontes:|sources :|читайте (?:также|еще|ещё)|смотрите также|см\. также|по теме|материалы по теме|ещ[её] по теме|новости по теме|другие новости|похожие (?:новости|статьи|материалы)|самое (?:читаемое|популярное)|популярное|(?:вам )?(?:также )?может быть интересно|теги|рубрики|lesen sie (?:auch|mehr)|mehr zum thema|das könnte sie auch interessieren|(?:à )?lire (?:aussi|également)|voir aussi|sur le même sujet|leia (?:também|mais)|veja (?:também|mais)|saiba mais|leer más|lee también|ver también|te puede interesar|noticias relacionadas|leggi anche|potrebbe interessarti|čtěte také|související|przeczytaj (?:też|także)|관련\s*기사|많이 본|相关(?:新闻|阅读|文章)|推荐阅读|関連(?:記事|ニュース))(?![\p{L}\p{N}]).{0,150}$`, 'iu');

/** Media player and gallery chrome. */
export const MEDIA_CHROME =
  ure(String.raw`^(?:media playback is (?:unsupported|not supported).*|this is a modal window.*|media caption.*|video(?:s)?|watch(?: live| now| video)?|play(?: video)?|photos?|gallery|enlarge(?: this)? image|view (?:all|gallery)(?: \(\d+\))?|image \d+ (?:of|\/) ?\d*|\d+ ?\/ ?\d+|\d+ of \d+|full ?screen|autoplay|skip ad|buy (?:photo|this photo|reprint)|wait \d+ seconds? to continue\.?|voltar|ver novamente|copiar link|copy link|back to gallery|caption|close|next|previous|prev|loading(?: content)?(?:\s*\.\.\.|…)?|toggle (?:caption|navigation)|expand|collapse|skip (?:to|navigation).*|back to top|scroll to top|listen(?: to (?:this )?(?:article|story))?|\d+ min(?:ute)? read|read(?:ing)? time.{0,20}|fullscreen|zoom|открыть (?:галерею|фото)|смотрите (?:видео|фото)|фотогалерея|видео|фото)\W*$`, 'iu');

/** A label that introduces an image credit (not a caption); it is removed from the credit. */
export const IMAGE_CREDIT_LABEL = ure(
  String.raw`^(?:(?:image|picture|photo|photograph|illustration|video) (?:source|credits?|copyright)(?:\s*[:.…]+\s*|\s+|$)|(?:credits?|источник (?:фото|изображения|иллюстрации)|фото(?:графия)? предоставлен[аоы]?|bildquelle|bildnachweis|source de l'image|crédits? (?:photo|image)|fonte da imagem|crédito da (?:foto|imagem)|fuente de la imagen|crédito de (?:la )?(?:foto|imagen)|zdroj (?:foto|obrázku)|źródło zdjęcia)(?:\s*[:.…]+\s*|$))`,
  'iu',
);

/** A photo caption or credit: a credit label at the start, or a photographer/agency credit at the end. */
export const CAPTION_START =
  ure(String.raw`^(?:image|picture|photo|photograph|illustration|фото|фотография|иллюстрация|foto|bild|imagen|immagine|사진|图片|写真)(?: (?:source|credit|copyright|caption))?\s*[:：]|^(?:image|picture|photo) (?:copyright|caption|source|credit)\b|^credits?(?:\s*[:.…]|\s*$)|^(?:источник (?:фото|изображения))|^\[?(?:file(?: photo)?|фото|photo)\s*:|^(?:©|ⓒ)\s*\p{L}`, 'iu');

export const CAPTION_END =
  ure(String.raw`(?:(?:©|ⓒ)\s*[\p{L}][^\n]{0,60}|\bphotograph:\s*[^\n]{0,60}|\bphoto:\s*[^\n]{0,60}|\bфото:\s*[^\n]{0,60}|\bfoto:\s*[^\n]{0,60}|getty images?[^\n]{0,20}|\bvia getty\b[^\n]{0,20}|shutterstock[^\n]{0,20}|\[(?:file|photo|фото)[^\]]{0,60}\]|(?:\/|\|)\s*(?:ap|afp|reuters|epa|bloomberg|tass|ria novosti|xinhua|getty images|associated press|the new york times|anadolu|sipa|dpa)(?:\s+(?:photo|file|images?|via [\p{L} ]+))?\)?|\((?:ap|afp|reuters|epa|getty images|file|photo|ap photo[^)]*)\)|\bap (?:photo|file)(?:\/[\p{L} .]+)?\)?)\s*$`, 'iu');

/** Byline openers in several languages ("By John Smith", "Текст: ...", "Von ..."). */
export const BYLINE_LEAD =
  ure(String.raw`^(?:(?:analysis|opinion|commentary|story|words|text|reporting|written|photos?|interview) )?(?:by:?|von|par|por|di|door|av|af|autor(?:ka)?:?|author:?|автор:?|текст:?|авторы:?|text:|napsal[a]?:?)\s+`, 'iu');

/** "By John Smith": a byline opener followed by a capitalised name (case matters for the name). */
export function startsWithByline(text: string): RegExpExecArray | null {
  const m = BYLINE_LEAD.exec(text);
  return m && /^[\p{Lu}\p{Lo}]/u.test(text.slice(m[0].length)) ? m : null;
}

/** Credit-roll lines at the end of a story ("Reporting by ...", "Edited by: ..."). */
export const CREDIT_ROLL =
  ure(String.raw`^(?:(?:additional )?reporting|researched|edited|written|compiled|produced|translated|fact-checked|reviewed|graphics?|illustrations?|photos?|video|writing|editing)(?: and [\p{L}-]+)? by\b|^(?:contributing|contributors?|редактор|корреспондент|редакция)\s*:`, 'iu');

/** Month names (and usual abbreviations) in the languages the workbench sees most. */
const MONTHS = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|январ[ьяе]|феврал[ьяе]|марта?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв|фев|апр|авг|сент?|окт|нояб?|дек|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince)`;

/** One word of a date line that is not content: a month or weekday name, am/pm, a time zone, "ago". */
export const DATE_WORD = ure(
  String.raw`^(?:${MONTHS}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|пн|вт|ср|чт|пт|сб|вс|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta|feira|pondělí|úterý|středa|čtvrtek|pátek|sobota|neděle|am|pm|a|p|m|gmt|utc|bst|cet|cest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|hkt|jst|kst|et|pt|ago|назад|г|года?|год|janv|févr|avr|juil|sept|déc|de|del|às|um|à|le|el|the|of|on|at|в|o|ve|v|年|月|日|년|월|일|시|분)$`,
  'iu',
);

/** A calendar date or a clock time somewhere in the line. */
export const DATE_OR_TIME = ure(
  [
    String.raw`\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b`,
    String.raw`\b\d{1,2}:\d{2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\.? ${MONTHS}\b`,
    String.raw`\b${MONTHS} \d{1,2}\b`,
    String.raw`\b${MONTHS},? (?:19|20)\d{2}\b`,
    String.raw`\d{4}\s*년\s*\d{1,2}\s*월`,
    String.raw`\d{4}\s*年\s*\d{1,2}\s*月`,
    String.raw`\d{1,2}\s*月\s*\d{1,2}\s*日`,
    String.raw`\b\d+\s*(?:s|sec|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|months?|years?)\s+ago\b`,
    String.raw`\b(?:yesterday|today|just now)\b`,
    String.raw`\b\d+\s*(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|недел[иью])\s+назад`,
    String.raw`\b(?:před|pred)\s+(?:\d+\s+)?(?:minut|minutou|minutami|hodin|hodinou|hodinami|dn[yíe]m?|dnem)\b`,
    String.raw`\bvor\s+(?:\d+|einer|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?)\b`,
    String.raw`\bil y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?)\b`,
    String.raw`\bhace\s+\d+\s+(?:segundos?|minutos?|horas?|días?)\b`,
    String.raw`\bhá\s+\d+\s+(?:segundos?|minutos?|horas?|dias?)\b`,
    String.raw`\b\d+\s+(?:secondi|minuti|ore|giorni)\s+fa\b`,
    String.raw`\b\d+\s+(?:minut[y]?|godzin[y]?|dni)\s+temu\b`,
    String.raw`\d+\s*(?:분|시간|일)\s*전`,
    String.raw`\d+\s*(?:分钟|小时|天)前`,
    String.raw`\d+\s*(?:分|時間|日)前`,
  ].join('|'),
  'iu',
);

/** Lines that are only a number, a counter, a time or a date-like run of digits and separators. */
export const NUMERIC_ONLY = ure(String.raw`^[\d\s.,:;/+\-–—%()#№|·xX×]*\d[\d\s.,:;/+\-–—%()#№|·xX×]*[kKmMкКтыс.]*$`, 'u');

/** "Updated ..." / "Published ..." / "Last modified ..." stamps. */
export const DATE_STAMP_LABEL =
  ure(String.raw`^(?:updated|published|posted|last (?:updated|modified)|first published|created|modified|date|опубликовано|обновлено|дата публикации|veröffentlicht|aktualisiert|publié|mis à jour|publicado|atualizado|actualizado|pubblicato|aggiornato|publikováno|aktualizováno|기사입력|수정|发布|更新|公開|更新日)\b`, 'iu');

/** Markup or code that leaked into the text (noscript tags, tracking pixels, inline scripts). */
export const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:amp|nbsp|quot|lt|gt);|\b(?:function\s*\(|var\s+\w+\s*=|(?:document|window)\.[a-z])|[{}]\s*$/i;
