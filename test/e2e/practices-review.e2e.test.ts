/**
 * Peer review of a practice, end to end in Chromium with JavaScript off: a focal point submits a
 * draft from their work page, RICOMI's secretariat assigns three reviewers (one of its own, two of
 * member institutions), each reviews it, the secretariat publishes it, and the public finds it in
 * search. Every page visited passes axe-core and the W3C Nu checker; screenshots of the work page
 * and the review form go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import type { TestContext } from '../support/app.ts';
import { newContext } from '../support/browser.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { TEST_PASSWORD, buildPractice, buildUser } from '../support/factories.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
const TITLE = 'Zephyrine registry of cross-border workers';

let e2e: EndToEnd;
let ctx: TestContext;
let browser: Browser | null;
let base: string;

before(async () => {
  e2e = await startEndToEnd();
  ({ ctx, browser, base } = e2e);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

/** A browser without JavaScript, signed in through the sign-in form. */
async function signedIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser!, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/en/login`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await page.click('main button[type=submit]');
  assert.doesNotMatch(page.url(), /\/login/, `${email} signed in`);
  return { context, page };
}

async function visit(page: Page, url: string, label = url) {
  const response = await page.goto(`${base}${url}`);
  assert.equal(response?.status(), 200, url);
  await e2e.audit(page, label);
}

/** The ids the scenario needs from the demo, and two reviewers of RICOMI's member institutions. */
async function setting() {
  const db = ctx.database.db;
  const network = await db
    .selectFrom('networks')
    .select('id')
    .where('slug', '=', 'ricomi')
    .executeTakeFirstOrThrow();
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const organisationNamed = (en: string) => {
    const found = organisations.find((organisation) => organisation.name.en === en);
    assert.ok(found, `the demo has ${en}`);
    return found.id;
  };
  const focal = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', 'focal.colombia@demo.puente.example')
    .executeTakeFirstOrThrow();
  const secretariat = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'secretariat@demo.puente.example')
    .executeTakeFirstOrThrow();
  const peer = async (email: string, name: string, organisation: string) => ({
    email,
    id: (
      await buildUser(db, {
        email,
        name,
        organisationId: organisationNamed(organisation),
        roles: [{ networkId: network.id, role: 'member' }],
      })
    ).id,
  });
  const reviewers = [
    await peer('reviewer.mexico@example.org', 'Lucía Méndez', 'National Migration Institute (Mexico)'),
    await peer(
      'reviewer.costarica@example.org',
      'Andrés Solís',
      'General Directorate of Migration and Foreigners (Costa Rica)',
    ),
  ];
  const practice = await buildPractice(db, {
    organisationId: focal.organisation_id!,
    networkId: network.id,
    content: {
      originalLanguage: 'en',
      title: { en: TITLE },
      summary: {
        en: 'Two migration authorities keep one registry of the workers who cross their border daily.',
      },
    },
  });
  return { practiceId: practice.id, secretariatId: secretariat.id, reviewers };
}

describe('peer review of a practice in a browser, without JavaScript', () => {
  it('goes from the focal point’s submission through three reviews to a published, findable practice', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const { practiceId, secretariatId, reviewers } = await setting();

    // The focal point submits the draft from their work page.
    const focal = await signedIn('focal.colombia@demo.puente.example', DEMO_PASSWORD);
    await visit(focal.page, '/en/practices/work', '/en/practices/work (focal point)');
    await focal.page.screenshot({ path: path.join(SCREENSHOTS, 'practices-work-focal.png'), fullPage: true });
    await focal.page.click(`form[action="/en/practices/${practiceId}/submit"] button`);
    assert.equal(new URL(focal.page.url()).pathname, `/en/practices/${practiceId}`);
    await e2e.audit(focal.page, '/en/practices/{id} after submitting');
    await focal.context.close();

    // The secretariat assigns one of its own and two people of two member institutions.
    const secretariat = await signedIn('secretariat@demo.puente.example', DEMO_PASSWORD);
    await visit(secretariat.page, '/en/practices/work', '/en/practices/work (secretariat)');
    assert.match((await secretariat.page.textContent('main')) ?? '', /Submitted, waiting for reviewers/);
    await secretariat.page.click(`main a[href="/en/practices/${practiceId}/reviewers"]`);
    await e2e.audit(secretariat.page, '/en/practices/{id}/reviewers');
    await secretariat.page.selectOption('#field-secretariatReviewer', secretariatId);
    await secretariat.page.selectOption('#field-memberReviewers-1', reviewers[0]!.id);
    await secretariat.page.selectOption('#field-memberReviewers-2', reviewers[1]!.id);
    await secretariat.page.click('main form[action$="/reviewers"] button[type=submit]');
    assert.equal(new URL(secretariat.page.url()).pathname, '/en/practices/work');
    assert.match((await secretariat.page.textContent('.notice')) ?? '', /reviewers were assigned/);
    assert.match((await secretariat.page.textContent('main')) ?? '', /In review: 0\/3 reviews in/);
    await e2e.audit(secretariat.page, '/en/practices/work (reviewers assigned)');

    // Each reviewer answers the review form, from their work page.
    const review = async (page: Page, label: string, scores: [number, number, number, number]) => {
      await visit(page, '/en/practices/work', `/en/practices/work (${label})`);
      await page.click(`main a[href="/en/practices/${practiceId}/review"]`);
      await e2e.audit(page, `/en/practices/{id}/review (${label})`);
      for (const [index, criterion] of [
        'relevance',
        'effectiveness',
        'replicability',
        'sustainability',
      ].entries())
        await page.check(`#${criterion}-${scores[index]}`);
      await page.check('#recommendation-publish');
      if (label === 'member reviewer 1')
        await page.screenshot({ path: path.join(SCREENSHOTS, 'practices-review-form.png'), fullPage: true });
      await page.fill('#field-comments', `Review by ${label}: a clear, replicable registry.`);
      await page.click('main form[action$="/review"] button[type=submit]');
      assert.match((await page.textContent('.notice')) ?? '', /Thank you: your review was sent/);
      await e2e.audit(page, `/en/practices/{id}/review sent (${label})`);
    };
    await review(secretariat.page, 'secretariat reviewer', [4, 4, 5, 3]);
    await secretariat.page.screenshot({
      path: path.join(SCREENSHOTS, 'practices-review-sent.png'),
      fullPage: true,
    });
    for (const [index, reviewer] of reviewers.entries()) {
      const session = await signedIn(reviewer.email, TEST_PASSWORD);
      await review(session.page, `member reviewer ${index + 1}`, [5, 4, 4, 4]);
      await session.context.close();
    }

    // The secretariat publishes it from the queue.
    await visit(secretariat.page, '/en/practices/work', '/en/practices/work (ready to publish)');
    await secretariat.page.screenshot({
      path: path.join(SCREENSHOTS, 'practices-work-secretariat.png'),
      fullPage: true,
    });
    assert.match((await secretariat.page.textContent('main')) ?? '', /Ready to publish/);
    await secretariat.page.click(`form[action="/en/practices/${practiceId}/publish"] button`);
    assert.equal(new URL(secretariat.page.url()).pathname, `/en/practices/${practiceId}`);
    await e2e.audit(secretariat.page, '/en/practices/{id} published');
    await visit(secretariat.page, `/en/practices/${practiceId}/reviews`, '/en/practices/{id}/reviews');
    await secretariat.context.close();

    // Anyone finds it.
    const visitor = await newContext(browser, { javaScriptEnabled: false });
    const page = await visitor.newPage();
    await visit(page, '/en/practices?q=zephyrine', '/en/practices?q=zephyrine');
    assert.ok(
      await page.isVisible(`main a[href="/en/practices/${practiceId}"]`),
      'the practice is in the results',
    );
    await visitor.close();
  });

  it('shows calls, principles, the comment forms, translation and translators pages that pass the audits', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const db = ctx.database.db;
    const ricomi = await db
      .selectFrom('practices as p')
      .innerJoin('networks as n', 'n.id', 'p.network_id')
      .innerJoin('practice_versions as v', 'v.id', 'p.published_version_id')
      .select(['p.id'])
      .where('n.slug', '=', 'ricomi')
      .where('p.status', '=', 'published')
      .where('v.original_language', '!=', 'pt')
      .executeTakeFirstOrThrow();
    const underReview = await db
      .selectFrom('practices as p')
      .innerJoin('networks as n', 'n.id', 'p.network_id')
      .select('p.id')
      .where('n.slug', '=', 'ricomi')
      .where('p.status', 'in', ['submitted', 'in-review'])
      .executeTakeFirstOrThrow();

    const secretariat = await signedIn('secretariat@demo.puente.example', DEMO_PASSWORD);
    const page = secretariat.page;
    await visit(page, '/es/practice-calls/new', '/es/practice-calls/new');
    await page.fill('#field-title\\.es', 'Cooperación para la regularización migratoria');
    await page.fill(
      '#field-description\\.es',
      'Prácticas de regularización y registro de personas migrantes.',
    );
    await page.fill('#field-opensOn', '2026-01-01');
    await page.fill('#field-closesOn', '2026-12-31');
    await page.check('#gcmObjectives-4');
    await page.click('main form[action="/es/practice-calls"] button[type=submit]');
    assert.match((await page.textContent('.notice')) ?? '', /La convocatoria de prácticas está abierta/);
    await e2e.audit(page, '/es/practice-calls/{id}');
    await visit(page, '/es/practice-calls', '/es/practice-calls');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practice-calls.png'), fullPage: true });
    await visit(page, '/fr/networks/ricomi/principles', '/fr/networks/ricomi/principles (secretariat)');
    await visit(page, `/en/practices/${underReview.id}/return`, '/en/practices/{id}/return');
    await visit(page, `/en/practices/${underReview.id}/reviews`, '/en/practices/{id}/reviews (in review)');
    await secretariat.context.close();

    const visitor = await newContext(browser, { javaScriptEnabled: false });
    const publicPage = await visitor.newPage();
    await visit(
      publicPage,
      '/pt/networks/northern-triangle-ngo-group/principles',
      '/pt/networks/{slug}/principles',
    );
    await visitor.close();

    const focal = await signedIn('focal.colombia@demo.puente.example', DEMO_PASSWORD);
    const own = await db
      .selectFrom('practices as p')
      .innerJoin('users as u', 'u.organisation_id', 'p.organisation_id')
      .select('p.id')
      .where('u.email', '=', 'focal.colombia@demo.puente.example')
      .where('p.status', '=', 'published')
      .executeTakeFirstOrThrow();
    await visit(focal.page, `/en/practices/${own.id}/withdraw`, '/en/practices/{id}/withdraw');
    await focal.context.close();

    const translator = await signedIn('translator@demo.puente.example', DEMO_PASSWORD);
    await visit(
      translator.page,
      `/pt/practices/${ricomi.id}/translate/pt`,
      '/pt/practices/{id}/translate/pt',
    );
    await translator.page.screenshot({
      path: path.join(SCREENSHOTS, 'practices-translate.png'),
      fullPage: true,
    });
    await translator.context.close();

    const admin = await signedIn('admin@demo.puente.example', DEMO_PASSWORD);
    await visit(admin.page, '/en/admin/translators', '/en/admin/translators');
    await admin.context.close();
  });

  it('leaves no error for the Nu HTML checker', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
