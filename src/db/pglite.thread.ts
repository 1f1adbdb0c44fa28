import { Worker } from 'node:worker_threads';
import type { PGlite as PGliteLike, PGliteQueryResults, PGliteTransaction } from 'kysely';
import type { EngineOptions, QueryAnswer, Reply, Request, WireError } from './pglite.protocol.ts';

/** Request kinds without their id, as `#call` takes them. */
type Call = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/**
 * The worker: the bundle's `pglite.worker.mjs` beside this module when the sources run bundled
 * (`npm start`, `puente`); `pglite.worker.ts` through tsx when they run as TypeScript (tests, the
 * bench), in which case the worker registers tsx itself: Node 20 does not pass `--import tsx` on
 * to a worker thread.
 */
function startWorker(options: EngineOptions): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./pglite.worker.mjs', import.meta.url), { workerData: options });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./pglite.worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((api) => { api.register(); return import(${worker}); });`, {
    eval: true,
    workerData: options,
  });
}

function errorFrom(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  return Object.assign(error, wire.props);
}

/**
 * PGlite in a worker thread (README, "The embedded database in a worker thread"), with the
 * interface Kysely's PGlite dialect uses: `query`, `transaction`, `close`. Each call is one
 * message each way; the thread keeps the process alive only while a call is under way, as
 * PGlite in the app's thread did.
 */
export class PGliteThread implements PGliteLike {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #next = 1;
  #closed = false;
  ready = false;
  readonly waitReady: Promise<void>;

  private constructor(options: EngineOptions) {
    this.#worker = startWorker(options);
    this.#worker.unref();
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#pending.set(0, {
        resolve: () => {
          this.ready = true;
          resolve();
        },
        reject,
      });
    });
    this.#worker.ref();
    this.#worker.on('message', (reply: Reply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#stop(error));
    this.#worker.on('exit', (code) =>
      this.#stop(new Error(`the embedded database's thread stopped (exit code ${code})`)),
    );
  }

  /** Starts the thread and waits until the database is open. */
  static async open(options: EngineOptions): Promise<PGliteThread> {
    const thread = new PGliteThread(options);
    try {
      await thread.waitReady;
    } catch (error) {
      await thread.#worker.terminate();
      throw error;
    }
    return thread;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(errorFrom(reply.error));
  }

  #stop(error: Error): void {
    this.#closed = true;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #call<T>(request: Call): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...request, id } as Request);
    });
  }

  async #query<T>(
    sql: string,
    params: unknown[] | undefined,
    tx: number | null,
  ): Promise<PGliteQueryResults<T>> {
    const answer = await this.#call<QueryAnswer>({ kind: 'query', sql, params: params ?? [], tx });
    return {
      rows: answer.rows as T[],
      ...(answer.affectedRows === null ? {} : { affectedRows: answer.affectedRows }),
      fields: [],
    };
  }

  query<T>(sql: string, params?: unknown[]): Promise<PGliteQueryResults<T>> {
    return this.#query<T>(sql, params, null);
  }

  /**
   * PGlite's own transaction, held open in the thread: the statements of `callback` run in it and
   * no other statement runs until it ends; it commits when `callback` resolves, else rolls back.
   */
  async transaction<T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
    let id: number;
    try {
      id = await this.#call<number>({ kind: 'begin' });
    } catch (error) {
      // Kysely's dialect waits for the callback to start before it runs anything: a BEGIN that
      // fails (the database closing under a request) reaches it through the callback's
      // statements, which then fail the same way, rather than leaving it waiting for ever.
      await callback({
        query: () => Promise.reject(error),
        rollback: () => Promise.resolve(),
      }).catch(() => {});
      throw error;
    }
    let rolledBack = false;
    const tx: PGliteTransaction = {
      query: <R>(sql: string, params?: unknown[]) => this.#query<R>(sql, params, id),
      rollback: async () => {
        rolledBack = true;
        await this.#call({ kind: 'end', tx: id, commit: false });
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      if (!rolledBack) await this.#call({ kind: 'end', tx: id, commit: false }).catch(() => {});
      throw error;
    }
    if (!rolledBack) await this.#call({ kind: 'end', tx: id, commit: true });
    return result;
  }

  /** The data folder as a tarball (PGlite's `dumpDataDir`). */
  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'none'): Promise<Blob> {
    const bytes = await this.#call<Uint8Array<ArrayBuffer>>({ kind: 'dump', compression });
    return new Blob([bytes]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#call({ kind: 'close' });
    } finally {
      this.#closed = true;
      await this.#worker.terminate();
    }
  }
}
