/**
 * Questions to the network in Chromium, without JavaScript: the list, the ask form (more rows,
 * an error, a saved question), a question with its answer form, an answer sent through the form,
 * and the comparison table. Every page passes axe-core and the W3C Nu checker; screenshots go to
 * .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildActors, buildOrganisation } from '../support/factories.ts';
import { buildMemberships, buildQuestion } from '../support/fixtures.questions.ts';

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
  const mexico = await buildOrganisation(db, { name: { es: 'Instituto Nacional de Migración' } });
  await db
    .updateTable('organisations')
    .set({ headquarters_country: 'MX' })
    .where('id', '=', mexico.id)
    .execute();
  await db
    .updateTable('organisations')
    .set({ headquarters_country: 'CO' })
    .where('id', '=', fixtures.owningOrganisation.id)
    .execute();
  await buildMemberships(db, fixtures.network.id, [
    fixtures.owningOrganisation.id,
    fixtures.otherOrganisation.id,
    mexico.id,
  ]);
  const question = await buildQuestion(db, {
    networkId: fixtures.network.id,
    organisationId: fixtures.otherOrganisation.id,
    visibility: 'public',
  });
  return { ...fixtures, question };
}

async function visit(page: Page, url: string, label = url, expectedStatus = 200) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
  await e2e.audit(page, label);
}

describe('questions to the network in a browser', () => {
  it('asks a question, answers one through the form, and shows the comparison table', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([
      { name: 'puente_session', value: world.actors.focalOwn.sessionCookie!, url: e2e.base },
    ]);
    const page = await context.newPage();
    await visit(page, '/en/questions', 'questions list');

    await visit(page, '/en/questions/new', 'ask form');
    await Promise.all([page.waitForLoadState(), page.click('button[name="moreRows"]')]);
    await e2e.audit(page, 'ask form with ten rows');
    assert.equal(await page.locator('textarea[name="item-10-text"]').count(), 1);

    await page.fill('#field-title', 'Assisted returns in 2025');
    await page.fill('#field-deadlineDate', '2020-01-01');
    await page.fill('#field-deadlineTime', '17:00');
    await page.fill('#field-timeZone', 'America/Bogota');
    await page.fill('#field-item-1-text', 'How many returns were assisted in 2025?');
    await page.selectOption('#field-item-1-type', 'number');
    await Promise.all([page.waitForLoadState(), page.click('form.form button:not([name])')]);
    await e2e.audit(page, 'ask form with an error');
    assert.match(await page.locator('#field-deadlineDate-error').innerText(), /in the future/);

    await page.fill('#field-deadlineDate', '2099-03-01');
    await Promise.all([page.waitForURL(/done=asked/), page.click('form.form button:not([name])')]);
    await e2e.audit(page, 'a new question');
    assert.match(await page.locator('h1').innerText(), /Assisted returns in 2025/);

    await visit(page, `/en/questions/${world.question.id}`, 'question with the answer form');
    await page.check('#field-item-1-yes');
    await page.fill('#field-item-2', '1250');
    await page.check('#field-item-3-2');
    await Promise.all([page.waitForURL(/done=answered/), page.click('form.form button[type="submit"]')]);
    await e2e.audit(page, 'question after the answer');
    assert.match(await page.locator('main').innerText(), /Your organisation answered on/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'question.png'), fullPage: true });

    await visit(page, `/es/questions/${world.question.id}?sort=organisation`, 'comparison in Spanish');
    await visit(page, '/fr/questions', 'list in French');
    await visit(page, '/pt/questions/new', 'ask form in Portuguese');
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
