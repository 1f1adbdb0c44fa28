/**
 * Meetings in Chromium, without JavaScript: the list, a new recurring meeting through the form
 * (and its errors), the meeting page with times in two zones, the agenda, invitations and
 * attendance pages, an answer through the RSVP form, and the calendar feed page. Every page
 * passes axe-core and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';
import { buildActors } from '../support/factories.ts';
import { buildInvitation, buildMeeting } from '../support/fixtures.meetings.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let world: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  e2e = await startEndToEnd();
  world = await buildActors(e2e.ctx.database.db);
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

async function signedIn(cookie: string): Promise<BrowserContext> {
  const context = await newContext(e2e.browser!, { javaScriptEnabled: false });
  await context.addCookies([{ name: 'puente_session', value: cookie, url: e2e.base }]);
  return context;
}

describe('meetings in a browser', () => {
  it('creates a recurring meeting, shows it in two time zones, and manages its agenda and people', async (t) => {
    if (!e2e.browser) return t.skip('chromium is not installed');
    const db = e2e.ctx.database.db;
    const context = await signedIn(world.actors.secretariat.sessionCookie!);
    const page = await context.newPage();

    await visit(page, '/en/meetings/new', 'new meeting form');
    await page.selectOption('#field-networkId', world.network.id);
    await page.fill('#field-title', 'Americas working group call');
    await page.selectOption('#field-timeZone', 'America/Mexico_City');
    await page.fill('#field-startsAt', '2030-03-12T10:00');
    await page.fill('#field-endsAt', '2030-03-12T09:00');
    await Promise.all([page.waitForLoadState(), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'meeting form with an error');
    assert.match(await page.locator('#field-endsAt-error').innerText(), /must end after it starts/);

    await page.fill('#field-endsAt', '2030-03-12T11:30');
    await page.selectOption('#field-frequency', 'monthly');
    await page.fill('#field-interval', '2');
    await page.fill('#field-count', '6');
    await Promise.all([page.waitForURL(/done=created/), page.click('main form button[type="submit"]')]);
    await e2e.audit(page, 'meeting page after creation');
    const meetingUrl = new URL(page.url()).pathname;
    const id = meetingUrl.split('/').pop()!;

    await visit(page, `${meetingUrl}/agenda`, 'agenda page');
    await page.fill('#field-title', 'Migration routes: news from each member');
    await page.fill('#field-durationMinutes', '30');
    await Promise.all([
      page.waitForURL(/done=added/),
      page.click('main form:last-of-type button[type="submit"]'),
    ]);
    await e2e.audit(page, 'agenda page with an item');

    await visit(page, `${meetingUrl}/invitations`, 'invitations page');
    await buildInvitation(db, id, { organisationId: world.owningOrganisation.id }, 'observer');
    await visit(page, `${meetingUrl}/attendance`, 'attendance page');
    await visit(page, `${meetingUrl}/documents`, 'documents page');
    await visit(page, `${meetingUrl}/edit`, 'edit form');
    await visit(page, `${meetingUrl}/cancel`, 'cancel page');
    await context.close();

    const focal = await signedIn(world.actors.focalOwn.sessionCookie!);
    const focalPage = await focal.newPage();
    await visit(focalPage, `${meetingUrl}`, 'meeting page for an invited focal point');
    await focalPage.check('#field-response-yes');
    await focalPage.fill('#field-comment', 'I will join from Bogotá.');
    await Promise.all([
      focalPage.waitForURL(/done=answered/),
      focalPage.click('#rsvp button[type="submit"]'),
    ]);
    await e2e.audit(focalPage, 'meeting page after an answer');
    await visit(focalPage, '/en/meetings/calendar', 'calendar feed page');
    await focal.close();

    const visitor = await newContext(e2e.browser, { javaScriptEnabled: false });
    const visitorPage = await visitor.newPage();
    const open = await buildMeeting(db, {
      networkId: world.network.id,
      visibility: 'public',
      kind: 'annual-meeting',
      title: { es: 'Reunión anual de la red' },
      startsAt: new Date('2030-06-10T16:00:00Z'),
    });
    await visit(visitorPage, '/en/meetings', 'meetings list');
    await visit(visitorPage, `/fr/meetings/${open.id}?tz=Europe/Paris`, 'public meeting in Paris time');
    assert.match(
      await visitorPage.locator('main').innerText(),
      /18:00\s*–\s*19:30 à votre heure \(Europe\/Paris\)/,
    );
    await visitorPage.screenshot({ path: path.join(SCREENSHOTS, 'meeting.png'), fullPage: true });
    await visit(visitorPage, '/es/meetings?tz=Nowhere/Atlantis', 'list with an unknown zone', 400);
    await visit(visitorPage, '/pt/meetings', 'meetings list in Portuguese');
    await visitorPage.screenshot({ path: path.join(SCREENSHOTS, 'meetings.png'), fullPage: true });
    await visitor.close();
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
