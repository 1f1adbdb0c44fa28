/**
 * The admin page of background jobs in Chromium, without JavaScript: the counts, the failed jobs,
 * Retry and Discard with their notices, another status and another language. Every page passes
 * axe-core and the W3C Nu checker; a screenshot goes to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { enqueueJob } from '../../src/jobs/jobs.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildActors } from '../support/factories.ts';
import { buildFailedJob } from '../support/fixtures.jobs.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let actors: Awaited<ReturnType<typeof buildActors>>['actors'];

before(async () => {
  e2e = await startEndToEnd();
  const db = e2e.ctx.database.db;
  actors = (await buildActors(db)).actors;
  await buildFailedJob(db, { subject: 'Puente : invitation à rejoindre RICOMI', attempts: 30 });
  await buildFailedJob(db, { kind: 'digest.send', attempts: 8 });
  await enqueueJob(db, 'digest.send', {}, { runAt: new Date(Date.now() + 3_600_000) });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

async function visit(page: Page, url: string, label = url) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), 200, url);
  await e2e.audit(page, label);
}

describe('the background jobs page in a browser', () => {
  it('shows the failed jobs, retries one and discards another, with a notice each time', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([{ name: 'puente_session', value: actors.admin.sessionCookie!, url: e2e.base }]);
    const page = await context.newPage();

    await visit(page, '/en/admin/jobs', 'failed jobs');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-jobs.png'), fullPage: true });
    const main = () => page.locator('main').innerText();
    assert.match(await main(), /Subject: Puente : invitation à rejoindre RICOMI/);

    await Promise.all([
      page.waitForURL(/done=retried/),
      page.click('button[aria-label^="Retry the digest.send job"]'),
    ]);
    await e2e.audit(page, 'after a retry');
    assert.match(await page.locator('[role="status"]').innerText(), /The job is retried/);

    await Promise.all([
      page.waitForURL(/done=discarded/),
      page.click('button[aria-label^="Discard the mail.send job"]'),
    ]);
    await e2e.audit(page, 'after a discard');
    assert.match(await page.locator('[role="status"]').innerText(), /The job is discarded/);
    assert.match(await main(), /No failed jobs\./);

    await visit(page, '/pt/admin/jobs?status=pending', 'pending jobs in Portuguese');
    assert.match(await main(), /digest\.send/);
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
