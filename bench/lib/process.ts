import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Raised when a server under test does not start: the bench then exits non-zero. */
export class ServerStartError extends Error {}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartedServer {
  name: string;
  port: number;
  url: string;
  /** Wall-clock time from spawn to the ready line, in ms. */
  readyMs: number;
  /** The ready line itself. */
  readyLine: string;
  child: ChildProcess;
  /** SIGTERM, wait for the exit (SIGKILL after `graceMs`); resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills every child still running (on SIGINT, or after a failure). */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export interface SpawnOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  /** The line on stdout that says the server is ready. */
  ready: RegExp;
  timeoutMs?: number;
}

/** Spawns `node ARGS` in the repository root and resolves once `ready` appears on its stdout. */
export function startServer(options: SpawnOptions): Promise<StartedServer> {
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? null : 0));
    });
  });
  let output = '';
  const stop = async (graceMs = 15_000): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  return new Promise<StartedServer>((resolve, reject) => {
    let done = false;
    const fail = (reason: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(new ServerStartError(`${options.name}: ${reason}${tail ? `\n${tail}` : ''}`));
    };
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs / 1000} s`), timeoutMs);
    let pending = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      output += chunk;
    });
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      if (done) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const line = lines.find((candidate) => options.ready.test(candidate));
      if (line === undefined) return;
      done = true;
      clearTimeout(timer);
      resolve({
        name: options.name,
        port: options.port,
        url: `http://127.0.0.1:${options.port}`,
        readyMs: performance.now() - started,
        readyLine: line.trim(),
        child,
        stop,
      });
    });
    child.once('error', (error) => fail(error.message));
    void exited.then((code) => fail(`exited with code ${code} before it was ready`));
  });
}

/** Settings that must not leak from the bench's own environment into a server under test. */
const INHERITED_OUT = [
  'DATABASE_URL',
  'DATABASE_URL_BENCH',
  'DATABASE_URL_TEST',
  'PORT',
  'HOST',
  'PUENTE_BASE_URL',
  'PUENTE_DATA_DIR',
  'SMTP_URL',
];

export interface PuenteOptions {
  name: string;
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl?: string | null;
  demo?: boolean;
  timeoutMs?: number;
  /** `start`: what `npm start` runs (scripts/start.mjs, the esbuild bundle); `tsx`: the sources through tsx. */
  via?: 'start' | 'tsx';
}

/** Starts Puente as `npm start` does (or through tsx) on a free port; ready when it prints "Puente is running at". */
export async function startPuente(options: PuenteOptions): Promise<StartedServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_OUT) delete env[name];
  const port = await freePort();
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUENTE_DATA_DIR: options.dataDir,
    PUENTE_DEMO: String(options.demo ?? true),
    LOG_LEVEL: 'warn',
  });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  return startServer({
    name: options.name,
    args: options.via === 'tsx' ? ['--import', 'tsx', 'src/main.ts'] : ['scripts/start.mjs'],
    env,
    port,
    ready: /Puente is running at/,
    timeoutMs: options.timeoutMs,
  });
}

/** The "ready in N ms" that main.ts measures itself (database, migrations, demo, listen). */
export function inProcessMs(readyLine: string): number | null {
  const match = /ready in (\d+) ms/.exec(readyLine);
  return match ? Number(match[1]) : null;
}
