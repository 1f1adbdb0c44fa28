import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataDirInUseError, openDatabase } from './database.ts';

describe('openDatabase (embedded)', () => {
  it('locks its data folder: a second open is refused until the first closes; a stale lock is taken over', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-lock-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'pgdata'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'puente.lock'), '999999999'); // a process that is gone
      const first = await openDatabase({ dataDir, databaseUrl: null });
      assert.equal(first.created, true);
      assert.equal(fs.readFileSync(path.join(dataDir, 'puente.lock'), 'utf8'), String(process.pid));
      await assert.rejects(openDatabase({ dataDir, databaseUrl: null }), DataDirInUseError);
      await first.close();
      assert.equal(fs.existsSync(path.join(dataDir, 'puente.lock')), false, 'the lock is released on close');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
