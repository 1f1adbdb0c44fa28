/**
 * The information-exchange feed in Chromium, without JavaScript: the list with its filters, a
 * post, the form (a post published with a PDF through the real multipart form, then the form's
 * errors), and the edit page. Every page passes axe-core and the W3C Nu checker; screenshots go
 * to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildActors } from '../support/factories.ts';
import { buildUpdate } from '../support/fixtures.updates.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let world: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  e2e = await startEndToEnd();
  const db = e2e.ctx.database.db;
  world = await buildActors(db);
  await db
    .insertInto('network_memberships')
    .values({ network_id: world.network.id, organisation_id: world.owningOrganisation.id })
    .execute();
  const days = (n: number) => new Date(Date.now() - n * 86_400_000);
  await buildUpdate(db, {
    networkId: world.network.id,
    organisationId: world.owningOrganisation.id,
    title: 'Darién: más llegadas a las estaciones de recepción',
    body: 'Nuestros equipos registraron más llegadas.\n\nLos puntos de hidratación amplían su horario.',
    category: 'migration-routes',
    countries: ['PA', 'CO'],
    language: 'es',
    visibility: 'public',
    links: [{ url: 'https://example.org/informe', label: 'Informe' }],
    publishedAt: days(1),
  });
  await buildUpdate(db, {
    networkId: world.network.id,
    title: 'Annual meeting: provisional agenda',
    category: 'events',
    visibility: 'network',
    publishedAt: days(2),
  });
  await buildUpdate(db, {
    networkId: world.network.id,
    title: 'Appel à projets pour la réintégration',
    category: 'funding',
    countries: ['HT'],
    language: 'fr',
    visibility: 'public',
    publishedAt: days(3),
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

async function visit(page: Page, url: string, label = url, expectedStatus = 200) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
  await e2e.audit(page, label);
}

describe('the information exchange in a browser', () => {
  it('lists and filters posts, shows one, and publishes one with a PDF through the form', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([
      { name: 'puente_session', value: world.actors.focalOwn.sessionCookie!, url: e2e.base },
    ]);
    const page = await context.newPage();

    await visit(page, '/en/updates', 'list');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'updates-list.png'), fullPage: true });
    assert.match(await page.locator('main').innerText(), /Annual meeting: provisional agenda/);
    await page.check('#facet-category-funding');
    await Promise.all([
      page.waitForURL(/category=funding/),
      page.click('form[role="search"] button[type="submit"]'),
    ]);
    await e2e.audit(page, 'list filtered');
    const filtered = await page.locator('main ol').innerText();
    assert.match(filtered, /Appel à projets/);
    assert.doesNotMatch(filtered, /Darién/);

    await visit(page, '/es/updates', 'list in Spanish');
    await page.click('text=Darién: más llegadas a las estaciones de recepción');
    await e2e.audit(page, 'post');

    await visit(page, '/en/updates/new', 'form');
    await page.selectOption('#field-category', 'events');
    await page.selectOption('#field-language', 'pt');
    await page.fill('#field-title', 'Oficina sobre retorno e reintegração');
    await page.fill('#field-body', 'Inscrições abertas.\n\nPrograma em anexo.');
    await page.selectOption('#field-countries', ['BR', 'PT']);
    await page.fill('[id="field-links.0.url"]', 'https://example.org/oficina');
    await page.check('#field-visibility-public');
    const pdf = path.join(os.tmpdir(), `programa-${process.pid}.pdf`);
    fs.writeFileSync(
      pdf,
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    await page.setInputFiles('#field-attachments', pdf);
    await Promise.all([page.waitForURL(/notice=created/), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'new post');
    const post = await page.locator('main').innerText();
    assert.match(post, /Oficina sobre retorno e reintegração/);
    assert.match(post, /programa-\d+\.pdf/);
    assert.match(post, /Brazil, Portugal/);
    const postUrl = page.url().split('?')[0]!;

    await visit(page, `${new URL(postUrl).pathname}/edit`, 'edit form');
    await page.fill('#field-title', '');
    await page.fill('[id="field-links.0.url"]', 'javascript:alert(1)');
    await Promise.all([page.waitForLoadState(), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'form with errors');
    assert.match(await page.locator('[id="field-links.0.url-error"]').innerText(), /only http/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'updates-form-errors.png'), fullPage: true });

    await visit(page, '/fr/updates', 'list in French');
    await visit(page, '/pt/updates?page=1&country=PA', 'list in Portuguese, filtered');
    fs.rmSync(pdf, { force: true });
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
