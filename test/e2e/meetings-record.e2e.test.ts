/**
 * What meetings leave, in Chromium without JavaScript, on the demo: the minutes of RICOMI's
 * workshop in a language and its editor, the decisions page, a new action item with a bad due
 * date, an action item and its status form, and "my action items" with an overdue one. Every page
 * passes axe-core and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildSession } from '../support/factories.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;

before(async () => {
  e2e = await startEndToEnd();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

async function signedIn(email: string): Promise<BrowserContext> {
  const db = e2e.ctx.database.db;
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const context = await newContext(e2e.browser!, { javaScriptEnabled: false });
  await context.addCookies([
    { name: 'puente_session', value: await buildSession(db, user.id), url: e2e.base },
  ]);
  return context;
}

async function visit(page: Page, url: string, label = url, expectedStatus = 200) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
  await e2e.audit(page, label);
}

async function meetingOfKind(kind: 'workshop' | 'teleconference') {
  const rows = await e2e.ctx.database.db
    .selectFrom('meetings')
    .select(['id', 'starts_at'])
    .where('kind', '=', kind)
    .where('starts_at', '<', new Date())
    .orderBy('starts_at', 'desc')
    .execute();
  return rows[0]!.id;
}

describe('meeting records in a browser', () => {
  it('the secretariat reads and writes minutes, decisions and action items', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const workshop = await meetingOfKind('workshop');
    const context = await signedIn('secretariat@demo.puente.example');
    const page = await context.newPage();

    await visit(page, `/es/meetings/${workshop}/minutes/es`, 'minutes in Spanish');
    assert.match(await page.locator('main').innerText(), /Cinco instituciones presentaron prácticas/);
    await visit(page, `/fr/meetings/${workshop}/minutes/en`, 'English minutes on a French page');
    await visit(page, `/en/meetings/${workshop}/minutes/pt/edit`, 'minutes editor, Portuguese draft');
    await page.fill('#field-body', '   ');
    await Promise.all([page.waitForLoadState(), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'minutes editor with an error');
    assert.match(await page.locator('#field-body-error').innerText(), /Write the minutes/);
    await page.fill('#field-body', 'Cinco instituições apresentaram práticas.\n\nA ata foi aprovada.');
    await page.selectOption('#field-status', 'approved');
    await Promise.all([page.waitForURL(/done=saved/), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'Portuguese minutes approved');

    // The meeting page (the meetings engineer's) shows the record in its section.
    await visit(page, `/fr/meetings/${workshop}`, 'meeting page with its record, in French');
    assert.match(await page.locator('main').innerText(), /disponible en espagnol/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meeting-record.png'), fullPage: true });

    await visit(page, `/es/meetings/${workshop}/decisions`, 'decisions');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meeting-decisions.png'), fullPage: true });
    await page.fill('#field-text', 'Presentar el boletín anual en la reunión de alto nivel.');
    await Promise.all([page.waitForURL(/done=added/), page.click('section form button[type="submit"]')]);
    await e2e.audit(page, 'decisions after adding one');

    await visit(page, `/en/meetings/${workshop}/actions/new`, 'new action item');
    await page.fill('#field-title', 'Send the bulletin’s draft to the member institutions');
    await page.selectOption('#field-owner', { index: 1 });
    await page.fill('#field-dueOn', '2027-02-30');
    await Promise.all([page.waitForLoadState(), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'new action item with a bad date');
    await page.fill('#field-dueOn', '2030-02-28');
    await Promise.all([page.waitForURL(/done=created/), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'action item, as the secretariat');
    await context.close();
  });

  it('a focal point sees their overdue item, and updates its status', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await signedIn('focal.cruzroja@demo.puente.example');
    const page = await context.newPage();
    await visit(page, '/es/actions', 'my action items');
    assert.match(await page.locator('main').innerText(), /Atrasada/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'my-actions.png'), fullPage: true });
    await page.click('main table a[href*="/actions/"]');
    await e2e.audit(page, 'action item, as its owner');
    await page.selectOption('#field-status', 'in-progress');
    await page.fill('#field-note', 'Faltan los datos de Tapachula.');
    await Promise.all([page.waitForURL(/done=updated/), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'action item updated');
    await visit(page, '/pt/actions?includeDone=true', 'my action items in Portuguese');
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
