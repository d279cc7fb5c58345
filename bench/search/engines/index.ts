/** The engine adapters by name, loaded on demand so a child process holds only its own engine's modules. */
import type { EngineName } from '../types';
import type { EngineAdapter } from './types';

/** The adapter of one engine. */
export async function loadEngine(name: EngineName): Promise<EngineAdapter> {
  switch (name) {
    case 'wirewatch':
      return (await import('./wirewatch')).wirewatch;
    case 'wirewatch-first':
      return (await import('./wirewatch')).wirewatchFirst;
    case 'wirewatch-page':
      return (await import('./wirewatch')).wirewatchPage;
    case 'fts5':
      return (await import('./fts5')).fts5;
    case 'fts5-porter':
      return (await import('./fts5')).fts5Porter;
    case 'minisearch':
      return (await import('./minisearch')).minisearch;
  }
}
