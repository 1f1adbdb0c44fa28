/**
 * Cooperation records in Chromium with JavaScript off: the list, a record, and the form as a focal
 * point sees it. Every page passes axe-core and the W3C Nu checker; screenshots go to
 * .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newContext } from '../../test/support/browser.ts';
import { type EndToEnd, startEndToEnd } from '../../test/support/e2e.ts';
import {
  buildCooperationRecord,
  buildNetwork,
  buildOrganisation,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let browser: Browser | null;
let base: string;
let recordId: string;
let session: string;

before(async () => {
  e2e = await startEndToEnd();
  ({ browser, base } = e2e);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const db = e2e.ctx.database.db;
  const network = await buildNetwork(db, {
    slug: 'e2e-records',
    name: { en: 'Records network', es: 'Red de registros' },
  });
  const provider = await buildOrganisation(db, { name: { en: 'Migration Authority of the North' } });
  const beneficiary = await buildOrganisation(db, { name: { es: 'Instituto de Migración del Sur' } });
  recordId = await buildCooperationRecord(db, {
    networkId: network.id,
    providerId: provider.id,
    beneficiaryId: beneficiary.id,
    status: 'completed',
  });
  const user = await buildUser(db, {
    email: 'records-e2e@example.org',
    name: 'Focal point',
    organisationId: provider.id,
    roles: [{ networkId: network.id, role: 'member' }],
  });
  session = await buildSession(db, user.id);
});
after(async () => e2e.stop());

describe('cooperation records in a browser', () => {
  it('serves the list, a record and the form, accessible and valid', async (t) => {
    if (!browser) return t.skip('no browser');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/en/cooperation`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cooperation-records-list.png'), fullPage: true });
    await e2e.audit(page, 'records list (en)');
    await page.goto(`${base}/es/cooperation/${recordId}`);
    await e2e.audit(page, 'record (es)');
    await context.addCookies([{ name: 'puente_session', value: session, url: base }]);
    await page.goto(`${base}/en/cooperation/${recordId}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cooperation-record.png'), fullPage: true });
    await e2e.audit(page, 'record as a party (en)');
    await page.goto(`${base}/fr/cooperation/${recordId}/edit`);
    await e2e.audit(page, 'record form (fr)');
    await page.fill('#field-endsOn', '2020-01-01');
    await page.click('main form.form button[type=submit]');
    assert.match(await page.content(), /La période se termine avant de commencer/);
    await e2e.audit(page, 'record form with errors (fr)');
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
