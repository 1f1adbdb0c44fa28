import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { enqueueMail } from '../src/jobs/jobs.mail.ts';
import { buildFailedJob } from './support/fixtures.jobs.ts';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/puente.mjs');

/** Runs the real `puente` command on the embedded database in `dataDir`. */
function puente(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PUENTE_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe('puente jobs:failed and jobs:run', { timeout: 300_000 }, () => {
  let dataDir: string;
  let smtp: TestSmtpServer;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-jobs-cli-'));
    smtp = await startSmtpServer();
    const handle = await openDatabase({ dataDir, databaseUrl: null });
    try {
      await migrateToLatest(handle.db as never);
      await buildFailedJob(handle.db, { subject: 'Puente: the failed one' });
      await enqueueMail(handle.db, { to: 'ana@example.org', subject: 'Puente: from cron', text: 'Hello' });
    } finally {
      await handle.close();
    }
  });
  after(async () => {
    await smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the failed jobs with their error and a mail’s subject, never its address', async () => {
    const run = await puente(['jobs:failed'], dataDir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /mail\.send {2}attempts 3\/3 {2}updated \S+ {2}subject "Puente: the failed one"/,
    );
    assert.match(run.stdout, /ECONNREFUSED/);
    assert.match(run.stdout, /1 failed job\(s\)\./);
    assert.doesNotMatch(run.stdout, /someone@example\.org/);
  });

  it('runs the schedules and the due jobs once, delivering queued mail, for cron', async () => {
    const run = await puente(['jobs:run'], dataDir, { SMTP_URL: smtp.url });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Jobs: \d+ done, 0 to retry later, 0 failed for good\./);
    const mail = await smtp.waitFor((m) => m.subject === 'Puente: from cron');
    assert.deepEqual(mail.to, ['ana@example.org']);
    const again = await puente(['jobs:run'], dataDir, { SMTP_URL: smtp.url });
    assert.match(again.stdout, /Jobs: 0 done/, 'the hour’s housekeeping is done already');
    assert.equal(smtp.messages.filter((m) => m.subject === 'Puente: from cron').length, 1);
  });

  it('refuses arguments', async () => {
    const run = await puente(['jobs:run', 'now'], dataDir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /jobs:run takes no arguments/);
  });
});
