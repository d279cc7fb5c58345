/**
 * Where malformed JSON goes wrong. Node's JSON.parse does not always say (V8 quotes a snippet
 * instead of a position), so this walks the text once with an explicit stack — linear, and no
 * recursion to overflow on deep nesting.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * The offset of the first character that makes `text` invalid JSON (text.length when it ends
 * too early), or -1 when it is valid.
 *
 * @example
 *   jsonErrorOffset('{"a": }') // 6
 */
export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  // What may come next: a value, an object key (or '}' right after '{'), ':', ',' or a close.
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after' = 'value';
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
  };
  const readString = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };

  for (;;) {
    skipSpace();
    if (i >= n) return stack.length === 0 && expect === 'after' ? -1 : n;
    const ch = text[i]!;
    switch (expect) {
      case 'value':
      case 'firstValue':
        if (ch === ']' && expect === 'firstValue') {
          stack.pop();
          i++;
          expect = 'after';
        } else if (ch === '{') {
          stack.push('{');
          i++;
          expect = 'firstKey';
        } else if (ch === '[') {
          stack.push('[');
          i++;
          expect = 'firstValue';
        } else if (ch === '"') {
          if (!readString()) return Math.min(i, n);
          expect = 'after';
        } else {
          for (const re of [NUMBER, LITERAL]) {
            re.lastIndex = i;
            if (re.test(text)) {
              i = re.lastIndex;
              expect = 'after';
              break;
            }
          }
          if (expect !== 'after') return i;
        }
        break;
      case 'key':
      case 'firstKey':
        if (ch === '}' && expect === 'firstKey') {
          stack.pop();
          i++;
          expect = 'after';
        } else if (ch === '"') {
          if (!readString()) return Math.min(i, n);
          expect = 'colon';
        } else return i;
        break;
      case 'colon':
        if (ch !== ':') return i;
        i++;
        expect = 'value';
        break;
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return i; // something after the whole value
        if (ch === ',') expect = top === '{' ? 'key' : 'value';
        else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) stack.pop();
        else return i;
        i++;
        break;
      }
    }
  }
}
