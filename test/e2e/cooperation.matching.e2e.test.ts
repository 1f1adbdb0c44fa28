/**
 * Matching in Chromium: a demand's ranked offers explained in words with their propose forms, an
 * offer's ranked demands, and the network's weights form (with an error beside its field). Every
 * page passes axe-core and the W3C Nu checker, JavaScript off; screenshots go to
 * .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildActors, buildCooperationItem, buildOrganisation } from '../support/factories.ts';

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
  const ministry = await buildOrganisation(db, { name: { pt: 'Ministério da Justiça' } });
  const networkId = fixtures.network.id;
  const demand = await buildCooperationItem(db, {
    side: 'demand',
    networkId,
    organisationId: fixtures.owningOrganisation.id,
    originalLanguage: 'es',
    title: { es: 'Fortalecer la identificación de víctimas de trata de personas en la frontera' },
    description: {
      es: 'Capacitación del personal de frontera para detectar víctimas de trata y derivarlas.',
    },
    kind: 'training',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10', '11'],
    countries: ['GT'],
    workingLanguages: ['es'],
    startsOn: '2026-03-01',
    endsOn: '2026-12-31',
  });
  const offer = await buildCooperationItem(db, {
    side: 'offer',
    networkId,
    organisationId: fixtures.otherOrganisation.id,
    title: { en: 'Training for border officials on identifying victims of human trafficking' },
    kind: 'training',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10', '11'],
    countries: [],
    regions: ['013'],
    workingLanguages: ['en', 'es'],
    startsOn: '2026-01-01',
    endsOn: '2027-06-30',
  });
  await buildCooperationItem(db, {
    side: 'offer',
    networkId,
    organisationId: ministry.id,
    originalLanguage: 'pt',
    title: { pt: 'Protocolo de atendimento a vítimas de tráfico de pessoas' },
    kind: 'technical-assistance',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10', '7'],
    countries: ['BR'],
    regions: ['419'],
    workingLanguages: ['pt', 'es'],
  });
  await buildCooperationItem(db, {
    side: 'offer',
    networkId,
    organisationId: ministry.id,
    title: { en: 'Remittance cost comparison portal' },
    kind: 'data-or-tools',
    thematicAreas: ['labour-migration'],
    gcmObjectives: ['20'],
    countries: [],
    regions: ['143'],
    workingLanguages: ['en'],
  });
  return { ...fixtures, demand, offer };
}

async function visit(page: Page, url: string, label = url) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), 200, url);
  await e2e.audit(page, label);
}

describe('matching in a browser', () => {
  it('shows ranked candidates explained in words and the weights form, accessible and valid', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([
      { name: 'puente_session', value: world.actors.secretariat.sessionCookie!, url: e2e.base },
    ]);
    const page = await context.newPage();
    await visit(page, `/en/demands/${world.demand.id}/candidates`);
    assert.equal(await page.locator('main ol > li').count(), 3);
    assert.match(await page.locator('main ol > li').first().innerText(), /human trafficking/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'matching-candidates-en.png'), fullPage: true });
    await visit(page, `/es/demands/${world.demand.id}/candidates`);
    await visit(page, `/fr/offers/${world.offer.id}/candidates`);
    await visit(page, `/pt/networks/${world.network.slug}/matching`);
    await visit(page, `/en/networks/${world.network.slug}/matching`);
    // A weight out of range: the form comes back with the error beside the field.
    await page.fill('#field-areas', '12');
    await page.click('button[value="save"]');
    assert.match(await page.locator('#field-areas-error').innerText(), /from 0 to 10/);
    await e2e.audit(page, 'weights with an error');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'matching-weights-en.png'), fullPage: true });
    await context.close();
    const reports = await e2e.htmlReports();
    assert.deepEqual(reports, [], reports.join('\n'));
  });
});
