/** What the app's thread and the embedded database's thread say to each other (pglite.worker.ts). */

/** How the thread opens PGlite: a folder, or in memory from a data-dir tarball (tests). */
export interface EngineOptions {
  dataDir: string | null;
  loadDataDir: Uint8Array<ArrayBuffer> | null;
  /** Added to PGlite's start parameters (`-c name=value`). */
  startParams: string[];
}

export type Request =
  | { id: number; kind: 'query'; sql: string; params: unknown[]; tx: number | null }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; tx: number; commit: boolean }
  | { id: number; kind: 'dump'; compression: 'none' | 'gzip' | 'auto' }
  | { id: number; kind: 'close' };

/** An error as it crosses threads: its message and its plain fields (code, constraint, detail…). */
export interface WireError {
  name: string;
  message: string;
  props: Record<string, unknown>;
}

/** The answer to request `id`; id 0 says the database is open (or could not be opened). */
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

export interface QueryAnswer {
  rows: unknown[];
  affectedRows: number | null;
}
