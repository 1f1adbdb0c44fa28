import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ConfigError, readConfig } from '../config.ts';
import { buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildMatch, buildOrganisation } from '../../test/support/factories.ts';
import { sendStaleMatchReminders } from './cooperation.matches.reminders.ts';

const DAY = 86_400_000;
const NOW = new Date('2030-01-15T09:00:00Z');
let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  ctx.smtp.messages.length = 0;
  fixtures = await buildActors(ctx.database.db);
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

/** A match of the owning organisation with a third one, each with one focal point (without account), last moved `daysAgo` days before NOW. */
async function matchLastMoved(daysAgo: number, stage: 'proposed' | 'completed' = 'proposed') {
  const db = ctx.database.db;
  const third = await buildOrganisation(db);
  const match = await buildMatch(db, {
    networkId: fixtures.network.id,
    demandOrganisationId: fixtures.owningOrganisation.id,
    offerOrganisationId: third.id,
  });
  await db
    .insertInto('focal_points')
    .values([
      { organisation_id: fixtures.owningOrganisation.id, name: 'Own', email: `own-${match.id}@example.org` },
      { organisation_id: third.id, name: 'Third', email: `third-${match.id}@example.org` },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .updateTable('cooperation_matches')
    .set({ last_moved_at: new Date(NOW.getTime() - daysAgo * DAY), stage })
    .where('id', '=', match.id)
    .execute();
  return match.id;
}

const sweep = (now: Date, days = 30) =>
  sendStaleMatchReminders(ctx.database.db, ctx.mailer, now, days, { baseUrl: 'http://localhost:3000' });

describe('reminders of matches without a move', () => {
  it('reminds the secretariat and both parties once, even when two sweeps run at once', async () => {
    const id = await matchLastMoved(31);
    const [a, b] = await Promise.all([sweep(NOW), sweep(NOW)]);
    assert.equal(a.matches + b.matches, 1, 'one sweep claimed the match');
    assert.equal(ctx.smtp.messages.length, 3, 'the secretariat and one focal point of each party');
    const recipients = ctx.smtp.messages.flatMap((m) => m.to).sort();
    assert.ok(recipients.includes(`own-${id}@example.org`) && recipients.includes(`third-${id}@example.org`));
    const mail = ctx.smtp.messages.find((m) => m.to.includes(`third-${id}@example.org`))!;
    assert.match(mail.subject, /^Puente: no move for 30 days: /);
    assert.match(mail.text, new RegExp(`has been at “Proposed” without a move for 30 days`));
    assert.match(mail.text, new RegExp(`http://localhost:3000/en/matches/${id}`));
    assert.ok(mail.html);
  });

  it('reminds again only after as many days without a move, and counts from the last move', async () => {
    const id = await matchLastMoved(31);
    assert.equal((await sweep(NOW)).matches, 1);
    assert.equal((await sweep(new Date(NOW.getTime() + 10 * DAY))).matches, 0, 'reminded 10 days ago');
    assert.equal(
      (await sweep(new Date(NOW.getTime() + 30 * DAY))).matches,
      1,
      'another 30 days without a move',
    );
    // A move restarts the count.
    await ctx.database.db
      .updateTable('cooperation_matches')
      .set({ last_moved_at: new Date(NOW.getTime() + 40 * DAY) })
      .where('id', '=', id)
      .execute();
    assert.equal((await sweep(new Date(NOW.getTime() + 65 * DAY))).matches, 0, 'moved 25 days ago');
    assert.equal((await sweep(new Date(NOW.getTime() + 71 * DAY))).matches, 1);
  });

  it('leaves alone recent matches and those completed or dropped, and follows the setting', async () => {
    await matchLastMoved(5);
    await matchLastMoved(90, 'completed');
    assert.deepEqual(await sweep(NOW), { matches: 0, mails: 0 });
    assert.equal((await sweep(NOW, 3)).matches, 1, 'with PUENTE_MATCH_REMINDER_DAYS=3');
    assert.equal(readConfig({}).matchReminderDays, 30);
    assert.equal(readConfig({ PUENTE_MATCH_REMINDER_DAYS: '14' }).matchReminderDays, 14);
    assert.throws(() => readConfig({ PUENTE_MATCH_REMINDER_DAYS: 'soon' }), ConfigError);
    assert.throws(() => readConfig({ PUENTE_MATCH_REMINDER_DAYS: '0' }), ConfigError);
  });
});

describe('puente matches:remind', () => {
  it('sends the reminders of an instance’s stale matches, for cron', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-remind-'));
    try {
      const handle = await openDatabase({ dataDir, databaseUrl: null });
      try {
        await migrateToLatest(handle.db as never);
        const actors = await buildActors(handle.db);
        const third = await buildOrganisation(handle.db);
        const match = await buildMatch(handle.db, {
          networkId: actors.network.id,
          demandOrganisationId: actors.owningOrganisation.id,
          offerOrganisationId: third.id,
        });
        await handle.db
          .updateTable('cooperation_matches')
          .set({ last_moved_at: new Date(Date.now() - 8 * DAY) })
          .where('id', '=', match.id)
          .execute();
      } finally {
        await handle.close();
      }
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
        (resolve, reject) => {
          const env: NodeJS.ProcessEnv = {
            ...process.env,
            PUENTE_DATA_DIR: dataDir,
            PUENTE_MATCH_REMINDER_DAYS: '7',
            SMTP_URL: ctx.smtp.url,
            LANG: 'C',
          };
          delete env.DATABASE_URL;
          const child = spawn(
            process.execPath,
            [path.resolve(import.meta.dirname, '../../bin/puente.mjs'), 'matches:remind'],
            { env },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Reminded 1 match\(es\) without a move for 7 days: 1 mail\(s\) sent\./);
      const mail = await ctx.smtp.waitFor((m) => m.subject.startsWith('Puente: no move for 7 days'));
      assert.equal(mail.to.length, 1, 'the secretariat (the factories give the parties no focal point)');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
