/**
 * The embedded database's own thread (README, "The embedded database in a worker thread"): PGlite
 * runs here, and the app's thread only sends it statements (`pglite.thread.ts`). What the
 * thread receives and answers is `Request` and `Reply` below.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { EngineOptions, Reply, Request, WireError } from './pglite.protocol.ts';

// A date (no time) is read as its 'YYYY-MM-DD' text: a JS Date would put it at midnight in some
// time zone and shift it (the same on the server's driver, database.ts).
const DATE_OID = 1082;

const port = parentPort!;
const options = workerData as EngineOptions;

/** What a rollback throws inside PGlite's transaction callback, so that PGlite rolls back. */
const ROLLBACK = Symbol('rollback');

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
  done: Promise<unknown>;
}

const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

function wireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), props: {} };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) props[key] = value;
  return { name: error.name, message: error.message, props };
}

const opening = PGlite.create({
  ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
  extensions: { pg_trgm, unaccent },
  startParams: [...PGlite.defaultStartParams, ...options.startParams],
  parsers: { [DATE_OID]: (value: string) => value },
});

async function begin(pglite: PGlite): Promise<number> {
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  let started!: (tx: Transaction) => void;
  const begun = new Promise<Transaction>((resolve) => (started = resolve));
  const done = pglite.transaction(async (tx) => {
    started(tx);
    if (!(await decided)) throw ROLLBACK;
  });
  // A BEGIN that fails rejects `done` before the callback runs.
  const tx = await Promise.race([begun, done.then(() => null)]);
  if (!tx) throw new Error('the transaction did not begin');
  done.catch(() => {});
  const id = nextTransaction++;
  transactions.set(id, { tx, finish, done });
  return id;
}

async function end(id: number, commit: boolean): Promise<null> {
  const open = transactions.get(id);
  if (!open) throw new Error(`no open transaction ${id}`);
  transactions.delete(id);
  open.finish(commit);
  try {
    await open.done;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return null;
}

async function answer(pglite: PGlite, request: Request): Promise<unknown> {
  switch (request.kind) {
    case 'query': {
      const target = request.tx === null ? pglite : transactions.get(request.tx)?.tx;
      if (!target) throw new Error(`no open transaction ${request.tx}`);
      const result = await target.query(request.sql, request.params, { rowMode: 'object' });
      return { rows: result.rows, affectedRows: result.affectedRows ?? null };
    }
    case 'begin':
      return begin(pglite);
    case 'end':
      return end(request.tx, request.commit);
    case 'dump': {
      const blob = await pglite.dumpDataDir(request.compression);
      return new Uint8Array(await blob.arrayBuffer());
    }
    case 'close':
      await pglite.close();
      return null;
  }
}

opening.then(
  (pglite) => {
    port.on('message', (request: Request) => {
      answer(pglite, request).then(
        (value) => port.postMessage({ id: request.id, ok: true, value } satisfies Reply),
        (error: unknown) =>
          port.postMessage({ id: request.id, ok: false, error: wireError(error) } satisfies Reply),
      );
    });
    port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies Reply);
  },
  (error: unknown) => port.postMessage({ id: 0, ok: false, error: wireError(error) } satisfies Reply),
);
