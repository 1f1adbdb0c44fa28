import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAllChildren } from './process.ts';
import { providePostgres, type PostgresOutcome } from './postgres.ts';
import type { Table } from './table.ts';

/** What a suite gets from the runner: temp folders, the shared PostgreSQL server, failure and figure reporting. */
export interface BenchContext {
  /** A progress line on stderr (the tables go to stdout). */
  log(message: string): void;
  /** A new empty folder, deleted when the bench ends. */
  tempDir(prefix: string): string;
  /** The PostgreSQL server, started on first use and shared by all suites; or why there is none. */
  postgres(): Promise<PostgresOutcome>;
  /** Records that a server under test failed to start: the bench then exits non-zero. */
  fail(message: string): void;
}

/** One suite: `npm run bench -- NAME` runs it alone. */
export interface Suite {
  name: string;
  /** One line, shown by `npm run bench -- --list`. */
  description: string;
  run(ctx: BenchContext): Promise<SuiteResult>;
}

export interface SuiteResult {
  tables: Table[];
  /** Lines for the closing "figures" block (Markdown bullets, pasteable into the README). */
  figures: string[];
}

export class Runner implements BenchContext {
  readonly failures: string[] = [];
  private readonly dirs: string[] = [];
  private postgresOutcome: Promise<PostgresOutcome> | null = null;

  log(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
  }

  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `puente-bench-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  postgres(): Promise<PostgresOutcome> {
    this.postgresOutcome ??= providePostgres((message) => this.log(message)).catch((error: Error) => {
      this.fail(`PostgreSQL: ${error.message}`);
      return { skip: `PostgreSQL failed to start: ${error.message.split('\n')[0]}` };
    });
    return this.postgresOutcome;
  }

  fail(message: string): void {
    this.failures.push(message);
    console.error(`bench: FAILED: ${message}`);
  }

  async cleanup(): Promise<void> {
    killAllChildren();
    if (this.postgresOutcome) {
      const outcome = await this.postgresOutcome;
      if ('server' in outcome) await outcome.server.close();
    }
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}
