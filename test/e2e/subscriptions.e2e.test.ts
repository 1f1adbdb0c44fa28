/**
 * Subscriptions in Chromium, without JavaScript: the subscriptions page of a demo focal point,
 * "Subscribe to this search" from the practices search, a rename with an error then a good name,
 * a deletion, and the pages of a digest's unsubscribe link (confirm, done, already used, tampered).
 * Every page passes axe-core and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { runDueJobs } from '../../src/jobs/jobs.ts';
import { digestJobs, digestSchedule } from '../../src/subscriptions/subscriptions.jobs.ts';
import { newContext } from '../support/browser.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { buildCooperationItem, buildSession } from '../support/factories.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
const FOCAL = 'focal.cruzroja@demo.puente.example';
let e2e: EndToEnd;

before(async () => {
  e2e = await startEndToEnd();
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

async function userOf(email: string) {
  return e2e.ctx.database.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

/** The digest of the demo focal point, sent now, with a new demand in Mexico in it. */
async function sendDigest(): Promise<string> {
  const db = e2e.ctx.database.db;
  const user = await userOf(FOCAL);
  await db.updateTable('users').set({ time_zone: 'UTC' }).where('id', '=', user.id).execute();
  const [membership] = await db
    .selectFrom('network_memberships')
    .innerJoin('networks', 'networks.id', 'network_memberships.network_id')
    .select(['network_memberships.network_id', 'network_memberships.organisation_id'])
    .where('networks.slug', '=', 'americas-mwg')
    .execute();
  await buildCooperationItem(db, {
    side: 'demand',
    networkId: membership!.network_id,
    organisationId: membership!.organisation_id,
    originalLanguage: 'es',
    title: { es: 'Apoyo para albergues en la frontera sur de México' },
    countries: ['MX'],
  });
  // Any instant after 07:00 UTC today: the weekly digest is due unless it is Monday before 07:00.
  const now = new Date(Math.max(Date.now(), new Date().setUTCHours(7, 1, 0, 0)));
  const context = { db, mailer: e2e.ctx.mailer, config: e2e.ctx.config, log: { info() {}, error() {} } };
  await digestSchedule.run({ ...context, now });
  await runDueJobs({ ...context, now: () => now }, digestJobs, { workerId: 'e2e' });
  const mail = await e2e.ctx.smtp.waitFor((m) => m.to.includes(FOCAL));
  assert.match(mail.text, /Apoyo para albergues en la frontera sur de México/);
  const link =
    /href="http:\/\/localhost:3000(\/es\/unsubscribe\/[A-Za-z0-9_-]+)">No recibir más resúmenes/.exec(
      String(mail.html),
    );
  assert.ok(link, 'the digest links to the page that stops every digest');
  return link[1]!;
}

describe('subscriptions in a browser', () => {
  it('lists, adds from a search, renames, deletes, and unsubscribes from a digest’s link', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const user = await userOf(FOCAL);
    const context = await newContext(e2e.browser, { javaScriptEnabled: false });
    await context.addCookies([
      { name: 'puente_session', value: await buildSession(e2e.ctx.database.db, user.id), url: e2e.base },
    ]);
    const page = await context.newPage();

    await visit(page, '/es/subscriptions', 'subscriptions page');
    assert.match(await page.locator('main').innerText(), /Rutas migratorias en Centroamérica/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'subscriptions.png'), fullPage: true });

    await visit(page, '/es/practices?q=trata&country=GT', 'practices search with its subscribe form');
    await page.fill('#subscribe-search-name', 'Trata en Guatemala');
    await Promise.all([page.waitForURL(/notice=created/), page.click('.subscribe-search__form button')]);
    await e2e.audit(page, 'subscriptions page after subscribing');
    assert.match(await page.locator('main').innerText(), /Trata en Guatemala/);

    await page.click('text=Trata en Guatemala');
    await e2e.audit(page, 'a subscription’s page');
    await page.fill('#field-name', ' ');
    await Promise.all([
      page.waitForLoadState(),
      page.click('form[action$="' + page.url().split('/').pop() + '"] button'),
    ]);
    await e2e.audit(page, 'rename with an error');
    assert.match(await page.locator('#field-name-error').innerText(), /Dé un nombre a la suscripción/);
    await page.fill('#field-name', 'Trata de personas en Guatemala');
    await Promise.all([
      page.waitForURL(/notice=renamed/),
      page.click('form[action$="' + page.url().split('/').pop() + '"] button'),
    ]);
    assert.match(await page.locator('main').innerText(), /Trata de personas en Guatemala/);
    await page.click('text=Trata de personas en Guatemala');
    await Promise.all([page.waitForURL(/notice=deleted/), page.click('form[action$="/delete"] button')]);
    await e2e.audit(page, 'subscriptions page after deleting');

    await page.check('#frequency-daily');
    await Promise.all([
      page.waitForURL(/notice=digest/),
      page.click('form[action$="/subscriptions/digest"] button'),
    ]);
    await page.check('#frequency-weekly');
    await Promise.all([
      page.waitForURL(/notice=digest/),
      page.click('form[action$="/subscriptions/digest"] button'),
    ]);
    await visit(page, '/fr/subscriptions', 'subscriptions page in French');

    const unsubscribe = await sendDigest();
    await visit(page, unsubscribe, 'unsubscribe link: confirm');
    await Promise.all([page.waitForLoadState(), page.click('main form button')]);
    await e2e.audit(page, 'unsubscribe link: done');
    assert.match(await page.locator('main').innerText(), /No recibirá más resúmenes por correo/);
    await visit(page, unsubscribe, 'unsubscribe link: already used');
    assert.match(await page.locator('main').innerText(), /Este enlace ya se usó/);
    await visit(page, `${unsubscribe.slice(0, -4)}XXXX`, 'unsubscribe link: tampered', 404);
    assert.match(await page.locator('main').innerText(), /Este enlace no es válido/);
    await context.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
