/** The shape every engine adapter has, so the child runner can build, open and query any of them. */
import type { BenchQuery, DatasetName, EngineName } from '../types';

/** What a build needs to know. */
export interface BuildInput {
  dataset: DatasetName;
  /** The engine's own (empty) directory: everything it persists goes here. */
  dir: string;
  /** The dataset's Wirewatch archive, to read the rows from (fts5, minisearch). */
  archive: string;
  /** Files to import (wirewatch). */
  importPaths: string[];
}

/** What a build measured; the child adds sizes, peak memory and the rest. */
export interface BuildResult {
  /** Seconds of the build proper. */
  buildS: number;
  /** Seconds of a separate persist step (0 when the build already wrote everything). */
  persistS: number;
  /** Seconds reading rows from the archive before the build (not part of buildS). */
  readRowsS: number;
  /** Seconds to rebuild the index alone (Wirewatch). */
  reindexS?: number;
  documents: number;
  sizes: Record<string, number>;
  notes: string[];
}

/** An engine's answer: how many documents match in all, and the ids of the first page. */
export interface QueryAnswer {
  total: number;
  ids: number[];
  /** performance.now() when the hits were in, for an answer that comes in two parts (the UI's: page, then summary). */
  hitsAt?: number;
}

/** An opened engine. */
export interface OpenedEngine {
  /** Facts about this open worth printing (e.g. what the open time includes). */
  notes?: string[];
  query(q: BenchQuery): Promise<QueryAnswer>;
  /**
   * Waits for work the engine starts at open and finishes in the background (Wirewatch's
   * summary thread loading its catalog). Called after open to first result is measured and
   * before the warm-up queries, so that the latencies are those of the engine once up.
   */
  settled?(): Promise<void>;
  close(): Promise<void>;
}

/** One engine: how to build it, open it, and what to say about its semantics. */
export interface EngineAdapter {
  name: EngineName;
  build(input: BuildInput): Promise<BuildResult>;
  open(dir: string): Promise<OpenedEngine>;
  /** How this engine's answers differ from the query's intent, printed with its figures. */
  notes: string[];
}

/** Results per query page, as a search UI asks. */
export const PAGE = 20;
