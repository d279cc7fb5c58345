import { useRef, useState, type DragEvent } from 'react';
import type { ColumnMapping, ExportPreview, ImportOutcome, UploadedFile } from '../../../shared/types';
import { EncodingSelect } from '../components/EncodingSelect';
import { MappingForm } from '../components/MappingForm';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../../shared/limits';
import { call, CallError, door } from '../api';
import { ErrorLine } from '../components/ErrorLine';

interface Props {
  /** Called after every file, so the archive views can refresh. */
  onImported(): void;
}

interface Progress {
  filesDone: number;
  filesTotal: number;
  articlesDone: number;
  current: string;
  /** Articles per second so far. */
  rate: number;
  secondsLeft: number | null;
  running: boolean;
}

/**
 * Import: the native dialog in the desktop app; a file picker, a folder picker and a drop
 * zone in browser mode. Progress shows files and articles done, the rate and the time left;
 * the import can be stopped between files; each file's outcome is listed.
 */
export function ImportPanel({ onImported }: Props) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [source, setSource] = useState('');
  const [encoding, setEncoding] = useState('');
  const cancelled = useRef(false);
  const jobId = useRef<number | null>(null);
  const options = () => ({ source: source.trim() || undefined, encoding: encoding || undefined });
  const [asking, setAsking] = useState<{ file: string; preview: ExportPreview; answer(m: ColumnMapping | null): void } | null>(null);

  /** For an export whose columns the guess is unsure of, asks the analyst; null means skip the file. */
  async function confirmColumns(upload: UploadedFile): Promise<ColumnMapping | undefined | null> {
    if (!/\.(csv|tsv|tab|json|ndjson|jsonl)$/i.test(upload.name)) return undefined;
    const { preview } = await call('import.preview', { file: upload });
    if (!preview?.ask) return undefined;
    return new Promise((resolve) =>
      setAsking({
        file: upload.name,
        preview,
        answer: (m) => {
          setAsking(null);
          resolve(m);
        },
      }),
    );
  }

  /** Browser mode: files go up one at a time; progress and the rate are counted here. */
  async function importBrowserFiles(files: File[]) {
    if (files.length === 0) return;
    cancelled.current = false;
    setError(null);
    setOutcomes([]);
    const started = Date.now();
    let articles = 0;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const name = f.webkitRelativePath || f.name;
      if (cancelled.current) {
        setOutcomes((o) => [...o, ...files.slice(i).map((x): ImportOutcome => ({ file: x.webkitRelativePath || x.name, status: 'cancelled' }))]);
        break;
      }
      const seconds = (Date.now() - started) / 1000;
      setProgress({
        filesDone: i, filesTotal: files.length, articlesDone: articles, current: name, running: true,
        rate: seconds > 0 ? Math.round(articles / seconds) : 0,
        secondsLeft: i > 0 ? Math.round((seconds / i) * (files.length - i)) : null,
      });
      if (f.size > MAX_FILE_BYTES) {
        // Refused here, before the bytes are read into the page and sent.
        setOutcomes((o) => [...o, { file: name, status: 'error', error: tooLargeMessage(f.size) }]);
        continue;
      }
      try {
        const upload: UploadedFile = { name, base64: await toBase64(f), lastModified: f.lastModified, inFolder: name.includes('/') };
        const mapping = await confirmColumns(upload);
        if (mapping === null) {
          setOutcomes((o) => [...o, { file: name, status: 'skipped', reason: 'skipped by you when asked for its columns' }]);
          continue;
        }
        const report = await call('import.uploads', { files: [upload], ...options(), mapping });
        articles += report.articles;
        setOutcomes((o) => [...o, ...report.outcomes]);
      } catch (e) {
        setOutcomes((o) => [...o, { file: name, status: 'error', error: (e as Error).message }]);
      }
      onImported();
    }
    const seconds = (Date.now() - started) / 1000;
    setProgress((p) => p && {
      ...p, running: false, current: '', articlesDone: articles, secondsLeft: 0,
      filesDone: cancelled.current ? p.filesDone : files.length, rate: seconds > 0 ? Math.round(articles / seconds) : 0,
    });
  }

  /** Desktop app: the workbench runs the job on its own thread; progress is read from it. */
  async function importWithDialog() {
    try {
      const { paths } = await call('dialog.pickFiles', {});
      if (paths.length === 0) return;
      setError(null);
      setOutcomes([]);
      let job = await call('import.start', { paths, ...options() });
      jobId.current = job.jobId;
      for (;;) {
        setProgress({ ...job, current: job.current ?? '', running: job.state === 'running' });
        setOutcomes(job.report.outcomes);
        if (job.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 250));
        job = await call('import.progress', { jobId: job.jobId });
        onImported();
      }
      jobId.current = null;
      onImported();
      if (job.error) setError(job.error);
    } catch (e) {
      setError(e instanceof CallError ? e.message : String(e));
    }
  }

  function stop() {
    cancelled.current = true;
    if (jobId.current !== null) void call('import.cancel', { jobId: jobId.current });
  }

  async function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    await importBrowserFiles(await droppedFiles(e.dataTransfer));
  }

  const running = progress?.running ?? false;
  return (
    <section className="import" aria-label="Import">
      <h2>Import</h2>
      <label className="source">
        Outlet
        <input
          type="text"
          aria-label="Outlet these files come from (optional)"
          placeholder="optional, e.g. Interfax"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </label>
      {door === 'electron' ? (
        <button type="button" onClick={() => void importWithDialog()} disabled={running}>
          Import files…
        </button>
      ) : (
        <div className="pickers">
          <label className="button">
            Choose files
            <input
              type="file"
              multiple
              aria-label="Choose files to import"
              disabled={running}
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                e.currentTarget.value = '';
                void importBrowserFiles(files);
              }}
            />
          </label>
          <label className="button">
            Choose a folder
            <input
              type="file"
              aria-label="Choose a folder to import"
              disabled={running}
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                e.currentTarget.value = '';
                void importBrowserFiles(files);
              }}
            />
          </label>
        </div>
      )}
      <label className="encoding">
        Encoding
        <EncodingSelect label="Encoding of the files" value={encoding} onChange={setEncoding} detect />
      </label>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        role="region"
        aria-label="Drop files here to import"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        Drop files or folders here
      </div>
      {progress && (
        <div className="progress">
          <progress aria-label="Import progress" max={progress.filesTotal} value={progress.filesDone} />
          <span aria-live="polite">
            {running
              ? `Importing ${progress.filesDone + 1} of ${progress.filesTotal}: ${progress.current}`
              : `Done: ${progress.filesDone} of ${progress.filesTotal} files`}
            {` · ${progress.articlesDone} ${progress.articlesDone === 1 ? 'article' : 'articles'}`}
            {progress.rate > 0 && ` · ${progress.rate}/s`}
            {running && progress.secondsLeft !== null && ` · about ${formatSeconds(progress.secondsLeft)} left`}
          </span>
          {running && (
            <button type="button" onClick={stop}>
              Stop import
            </button>
          )}
        </div>
      )}
      {asking && <MappingForm file={asking.file} preview={asking.preview} onDone={asking.answer} />}
      <ErrorLine message={error} />
      {outcomes.length > 0 && (
        <ul className="outcomes" aria-label="Import results">
          {outcomes.map((o, i) => (
            <li key={i} className={o.status}>
              <span className="status">{statusLabel(o)}</span> <span className="file">{o.file}</span>
              {o.status === 'error' && <span className="reason">: {o.error}</span>}
              {o.status === 'skipped' && <span className="reason">: {o.reason}</span>}
              {o.status === 'duplicate' && <span className="reason"> — already in the archive: {o.title}</span>}
              {o.status === 'imported' && (
                <span className="reason">
                  {' — '}
                  {o.articles > 1 ? `${o.articles} articles (${o.format})` : o.title}
                  {o.duplicates > 0 && `, ${o.duplicates} already in the archive`}
                  {o.copies > 0 && `, ${o.copies} copies of known stories`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function statusLabel(o: ImportOutcome): string {
  return { imported: 'Imported', duplicate: 'Duplicate', error: 'Error', skipped: 'Skipped', cancelled: 'Cancelled' }[o.status];
}

function formatSeconds(s: number): string {
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Files from a drop, walking into dropped folders. */
async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...dt.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      // Keep the folder path (entry.fullPath is "/folder/name.txt") so the workbench knows it came from a folder.
      out.push(entry.fullPath.lastIndexOf('/') > 0 ? new File([file], entry.fullPath.slice(1), { lastModified: file.lastModified }) : file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const child of batch) if (!child.name.startsWith('.')) await walk(child);
      }
    }
  };
  for (const e of entries) await walk(e);
  return out;
}
