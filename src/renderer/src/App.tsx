import { useState } from 'react';
import { ImportLog } from './views/ImportLog';
import { ImportPanel } from './views/ImportPanel';
import { Reader } from './views/Reader';
import { SearchPanel } from './views/SearchPanel';

/** The workbench window: import and search on the left, the reader on the right. */
export function App() {
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <div className="app">
      <header>
        <h1>Wirewatch</h1>
      </header>
      <main>
        <div className="side">
          <ImportPanel onImported={() => setVersion((v) => v + 1)} />
          <ImportLog version={version} />
          <SearchPanel version={version} selectedId={openId} onOpen={setOpenId} />
        </div>
        <div className="content">
          {openId === null ? <p className="placeholder">Open an article to read it here.</p> : <Reader id={openId} onOpen={setOpenId} onChanged={() => setVersion((v) => v + 1)} />}
        </div>
      </main>
    </div>
  );
}
