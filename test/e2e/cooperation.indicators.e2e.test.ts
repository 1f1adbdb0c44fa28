/**
 * The indicators of cooperation in Chromium: a network's indicators page (charts beside their
 * tables), one indicator with the add-value form, and the definition form with its errors. Every
 * page passes axe-core and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import {
  buildActors,
  buildCooperationRecord,
  buildIndicator,
  buildOrganisation,
} from '../support/factories.ts';
import { insertIndicatorValueRow } from '../../src/cooperation/cooperation.repository.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let world: Awaited<ReturnType<typeof buildWorld>>;

before(async () => {
  e2e = await startEndToEnd();
  world = await buildWorld();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

async function buildWorld() {
  const db = e2e.ctx.database.db;
  const fixtures = await buildActors(db);
  const third = await buildOrganisation(db, { name: { es: 'Ministerio de Migración' } });
  const record = await buildCooperationRecord(db, {
    networkId: fixtures.network.id,
    providerId: fixtures.owningOrganisation.id,
    beneficiaryId: third.id,
    status: 'completed',
  });
  const networkIndicator = await buildIndicator(db, { networkId: fixtures.network.id });
  const recordIndicator = await buildIndicator(db, { networkId: fixtures.network.id, recordId: record });
  for (const [value, on] of [
    [6, '2025-12-31'],
    [8, '2026-06-30'],
  ] as const)
    await insertIndicatorValueRow(db, {
      indicatorId: networkIndicator,
      value,
      measuredOn: on,
      source: 'Secretariat survey',
      note: null,
      authorId: fixtures.actors.secretariat.userId,
    });
  return { ...fixtures, record, networkIndicator, recordIndicator };
}

async function visit(page: Page, url: string, label = url, expectedStatus = 200) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
  await e2e.audit(page, label);
}

describe('indicators in a browser', () => {
  it('shows a network’s indicators, one indicator and the forms, accessible and valid', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([
      {
        name: 'puente_session',
        value: world.actors.secretariat.sessionCookie!,
        url: e2e.base,
      },
    ]);
    const page = await context.newPage();
    await visit(page, `/en/networks/${world.network.slug}/indicators`);
    assert.equal(await page.locator('main svg[role="img"]').count(), 2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'indicators-en.png'), fullPage: true });
    await visit(page, `/fr/networks/${world.network.slug}/indicators`);
    await visit(page, `/es/indicators/${world.networkIndicator}`);
    await visit(page, `/pt/indicators/new?network=${world.network.slug}`);
    await visit(page, '/en/indicators/new');
    await visit(page, `/en/indicators/${world.networkIndicator}/edit`);
    // A value of the wrong unit type: the form comes back with the error beside the field.
    await page.goto(`${e2e.base}/en/indicators/${world.networkIndicator}`);
    await page.fill('#field-value', '2.5');
    await page.fill('#field-measuredOn', '2026-09-30');
    await page.click('form[action$="/values"] button[type=submit]');
    assert.match(await page.locator('#field-value-error').innerText(), /whole number/);
    await e2e.audit(page, 'add value with an error');
    await context.close();
    const reports = await e2e.htmlReports();
    assert.deepEqual(reports, [], reports.join('\n'));
  });
});
