/**
 * My dashboard in Chromium, without JavaScript: full (a focal point with something in every
 * section) and empty (a plain member), in two languages. Every page passes axe-core and the W3C
 * Nu checker; the screenshot goes to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildActors, buildCooperationItem, buildMatch, buildOrganisation } from '../support/factories.ts';
import { buildActionItem, buildRecordMeeting } from '../support/fixtures.meetings-record.ts';
import { buildMemberships, buildQuestion } from '../support/fixtures.questions.ts';
import { buildSubscription, buildUpdatePost } from '../support/fixtures.subscriptions.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
const DAY = 86_400_000;
let e2e: EndToEnd;
let world: Awaited<ReturnType<typeof buildActors>>;

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
  const network = fixtures.network.id;
  const own = fixtures.owningOrganisation.id;
  await buildMemberships(db, network, [own, fixtures.otherOrganisation.id]);
  const meeting = await buildRecordMeeting(db, {
    networkId: network,
    title: { en: 'Bimonthly call of the working group', es: 'Llamada bimestral del grupo de trabajo' },
    startsAt: new Date(Date.now() + 10 * DAY),
  });
  await buildActionItem(db, { meetingId: meeting, ownerOrganisationId: own, title: 'Send the route map' });
  await buildCooperationItem(db, {
    side: 'offer',
    networkId: network,
    organisationId: own,
    title: { en: 'Training of border officials' },
  });
  const third = await buildOrganisation(db, { name: { es: 'Cruz Roja Guatemalteca' } });
  await buildMatch(db, { networkId: network, demandOrganisationId: own, offerOrganisationId: third.id });
  await buildQuestion(db, {
    networkId: network,
    organisationId: fixtures.otherOrganisation.id,
    title: { en: 'Is there a humanitarian visa?' },
  });
  await buildSubscription(db, {
    userId: fixtures.actors.focalOwn.userId!,
    source: 'updates',
    name: 'Routes',
  });
  await buildUpdatePost(db, { networkId: network, title: 'Nueva ruta por el Darién', language: 'es' });
  return fixtures;
}

async function visit(page: Page, url: string, label = url) {
  const response = await page.goto(`${e2e.base}${url}`);
  assert.equal(response?.status(), 200, url);
  await e2e.audit(page, label);
}

describe('my dashboard in a browser', () => {
  it('shows every section, full or empty, in several languages', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    for (const [who, label] of [
      ['focalOwn', 'full'],
      ['member', 'empty'],
    ] as const) {
      const context = await newContext(e2e.browser, { javaScriptEnabled: false });
      await context.addCookies([
        { name: 'puente_session', value: world.actors[who].sessionCookie!, url: e2e.base },
      ]);
      const page = await context.newPage();
      await visit(page, '/en/dashboard', `dashboard (${label})`);
      if (who === 'focalOwn') {
        assert.match(await page.locator('main').innerText(), /Is there a humanitarian visa\?/);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
      }
      await visit(page, '/es/dashboard', `dashboard in Spanish (${label})`);
      await visit(page, '/pt/dashboard', `dashboard in Portuguese (${label})`);
      await context.close();
    }
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
