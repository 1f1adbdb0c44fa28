/**
 * Facilitation in Chromium, without JavaScript: the board by stage, a match with its timeline and
 * move form, a move recorded through the form, and the form's errors. Every page passes axe-core
 * and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
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
  const third = await buildOrganisation(db, { name: { es: 'Ministerio de Migración' } });
  const demand = await buildCooperationItem(db, {
    side: 'demand',
    networkId: fixtures.network.id,
    organisationId: fixtures.owningOrganisation.id,
    title: { en: 'Training for border officials on identifying victims of trafficking' },
    thematicAreas: ['counter-trafficking'],
  });
  const offer = await buildCooperationItem(db, {
    side: 'offer',
    networkId: fixtures.network.id,
    organisationId: third.id,
    originalLanguage: 'es',
    title: { es: 'Taller de detección de víctimas de trata' },
    thematicAreas: ['counter-trafficking'],
  });
  return { ...fixtures, demand, offer };
}

async function visit(page: Page, url: string, label = url, expectedStatus = 200) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
  await e2e.audit(page, label);
}

describe('facilitation in a browser', () => {
  it('proposes, shows the match and its board, and records a move with the form', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([
      { name: 'puente_session', value: world.actors.secretariat.sessionCookie!, url: e2e.base },
    ]);
    const page = await context.newPage();
    const proposal = await page.request.post(`${e2e.base}/en/matches`, {
      form: {
        _csrf: await csrfOf(page),
        demandId: world.demand.id,
        offerId: world.offer.id,
        note: 'Both work on identifying victims.',
      },
      maxRedirects: 0,
    });
    assert.equal(proposal.status(), 303);
    const matchUrl = proposal.headers().location!;
    await visit(page, matchUrl, 'match page');

    await page.selectOption('#field-stage', 'meeting-held');
    await page.fill('#field-note', 'Met online with both teams; a workshop in March.');
    await Promise.all([page.waitForURL(/done=moved/), page.click('form.form button[type="submit"]')]);
    await e2e.audit(page, 'match page after a move');
    assert.match(await page.locator('main').innerText(), /Met online with both teams/);

    await page.selectOption('#field-stage', 'dropped');
    await Promise.all([page.waitForLoadState(), page.click('form.form button[type="submit"]')]);
    await e2e.audit(page, 'move form with an error');
    assert.match(await page.locator('#field-reason-error').innerText(), /Dropping a match needs a reason/);

    await visit(page, '/en/matches', 'board');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'matches-board.png'), fullPage: true });
    await visit(page, matchUrl.split('?')[0]!, 'match page again');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'match.png'), fullPage: true });
    await visit(page, '/fr/matches', 'board in French');
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});

async function csrfOf(page: Page): Promise<string> {
  await page.goto(`${e2e.base}/en/password/forgot`);
  return page.locator('input[name="_csrf"]').first().getAttribute('value') as Promise<string>;
}
