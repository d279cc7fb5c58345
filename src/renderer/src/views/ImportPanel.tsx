import { useRef, useState, type DragEvent } from 'react';
import type { ImportOutcome, UploadedFile } from '../../../shared/types';
import { call, CallError, door } from '../api';

interface Props {
  /** Called after every file, so the archive views can refresh. */
  onImported(): void;
}

interface Progress {
  done: number;
  total: number;
  current: string;
}

/**
 * Import: the native dialog in the desktop app; a file picker, a folder picker and a drop
 * zone in browser mode. Files go one at a time, so progress is shown and the batch can be
 * stopped between files; each file's outcome is listed.
 */
export function ImportPanel({ onImported }: Props) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [source, setSource] = useState('');
  const cancelled = useRef(false);

  async function importEach<T>(items: T[], name: (t: T) => string, run: (t: T) => Promise<ImportOutcome[]>) {
    cancelled.current = false;
    setError(null);
    setOutcomes([]);
    for (let i = 0; i < items.length; i++) {
      if (cancelled.current) break;
      setProgress({ done: i, total: items.length, current: name(items[i]!) });
      try {
        const result = await run(items[i]!);
        setOutcomes((o) => [...o, ...result]);
      } catch (e) {
        setOutcomes((o) => [...o, { file: name(items[i]!), status: 'error', error: (e as Error).message }]);
      }
      onImported();
    }
    setProgress((p) => (p ? { ...p, done: cancelled.current ? p.done : items.length, current: '' } : null));
  }

  async function importBrowserFiles(files: File[]) {
    if (files.length === 0) return;
    await importEach(
      files,
      (f) => f.webkitRelativePath || f.name,
      async (f) => {
        const upload: UploadedFile = {
          name: f.webkitRelativePath || f.name,
          base64: await toBase64(f),
          lastModified: f.lastModified,
          inFolder: (f.webkitRelativePath || f.name).includes('/'),
        };
        return (await call('import.uploads', { files: [upload], source: source.trim() || undefined })).outcomes;
      },
    );
  }

  async function importWithDialog() {
    try {
      const { paths } = await call('dialog.pickFiles', {});
      await importEach(
        paths,
        (p) => p,
        async (p) => (await call('import.paths', { paths: [p], source: source.trim() || undefined })).outcomes,
      );
    } catch (e) {
      setError(e instanceof CallError ? e.message : String(e));
    }
  }

  async function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    await importBrowserFiles(await droppedFiles(e.dataTransfer));
  }

  const running = progress !== null && progress.done < progress.total && progress.current !== '';
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
          <progress aria-label="Import progress" max={progress.total} value={progress.done} />
          <span aria-live="polite">
            {running ? `Importing ${progress.done + 1} of ${progress.total}: ${progress.current}` : `Done: ${progress.done} of ${progress.total} files`}
          </span>
          {running && (
            <button type="button" onClick={() => (cancelled.current = true)}>
              Stop import
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {outcomes.length > 0 && (
        <ul className="outcomes" aria-label="Import results">
          {outcomes.map((o, i) => (
            <li key={i} className={o.status}>
              <span className="status">{statusLabel(o)}</span> <span className="file">{o.file}</span>
              {o.status === 'error' && <span className="reason">: {o.error}</span>}
              {o.status === 'skipped' && <span className="reason">: {o.reason}</span>}
              {(o.status === 'imported' || o.status === 'duplicate') && <span className="reason"> — {o.title}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function statusLabel(o: ImportOutcome): string {
  return { imported: 'Imported', duplicate: 'Duplicate', error: 'Error', skipped: 'Skipped' }[o.status];
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
