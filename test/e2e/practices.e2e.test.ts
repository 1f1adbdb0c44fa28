/**
 * The practices database in Chromium, with JavaScript off as on a slow phone: the search page with
 * its facets, a practice, its versions and a diff, and two practices compared, in several languages.
 * Every page passes axe-core and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makePublic } from '../../src/practices/practices.commands.ts';
import { completenessOf } from '../../src/practices/practices.content.ts';
import * as repo from '../../src/practices/practices.repository.ts';
import { newContext } from '../support/browser.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { buildNetwork, buildOrganisation, buildPractice } from '../support/factories.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let browser: Browser | null;
let base: string;
const ids: Record<string, string> = {};

before(async () => {
  e2e = await startEndToEnd();
  ({ browser, base } = e2e);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const db = e2e.ctx.database.db;
  const network = await buildNetwork(db, {
    slug: 'e2e-practices',
    name: {
      en: 'Practice Exchange',
      fr: 'Échange de pratiques',
      es: 'Intercambio de prácticas',
      pt: 'Intercâmbio de práticas',
    },
  });
  const organisation = await buildOrganisation(db, {
    name: { en: 'Border Volunteers', es: 'Voluntarios de Frontera' },
  });
  ids.border = (
    await buildPractice(db, {
      organisationId: organisation.id,
      networkId: network.id,
      published: true,
      content: {
        originalLanguage: 'fr',
        title: {
          fr: 'Accueil des migrants à la frontière nord',
          en: 'Welcoming migrants at the northern border',
        },
        summary: {
          fr: 'Des volontaires accueillent les migrants qui arrivent à la frontière nord.',
          en: 'Volunteers welcome migrants arriving at the northern border.',
        },
        description: {
          fr: 'Des équipes mobiles orientent les personnes vers les services.\n\nElles forment aussi les agents.',
        },
        countries: ['MX', 'GT'],
        gcmObjectives: ['10', '21'],
        thematicAreas: ['counter-trafficking'],
        migrationStages: ['transit'],
        modality: 'bilateral',
        periodStart: '2019-03-01',
        periodEnd: '2021-06-30',
        actors: [{ organisationId: organisation.id, role: 'lead' }],
        links: [{ url: 'https://example.org/report', label: 'Final report' }],
        notCommunicated: ['evaluation'],
      },
    })
  ).id;
  ids.remittances = (
    await buildPractice(db, {
      organisationId: organisation.id,
      networkId: network.id,
      published: true,
      content: {
        originalLanguage: 'es',
        title: { es: 'Remesas digitales para familias migrantes' },
        summary: { es: 'Transferencias móviles de bajo costo para las familias de migrantes.' },
        countries: ['MX'],
        gcmObjectives: ['20'],
        periodStart: '2021-01-01',
        ongoing: true,
      },
    })
  ).id;
  // A second published version of the first, so that its history has something to compare.
  const practice = (await repo.findPractice(db, ids.border))!;
  const first = (await repo.findVersion(db, practice.publishedVersionId!))!;
  const content = structuredClone(first.content);
  content.title.en = 'Welcoming migrants and refugees at the northern border';
  content.countries.push('HN');
  const versionId = await repo.insertVersionRow(db, {
    practiceId: ids.border,
    number: 2,
    state: 'draft',
    content,
    completeness: completenessOf(content),
    createdBy: null,
  });
  await makePublic(db, practice, (await repo.findVersion(db, versionId))!, null);
});
after(async () => {
  await e2e?.stop();
});

async function visit(page: Page, url: string, label = url) {
  const response = await page.goto(`${base}${url}`);
  assert.equal(response?.status(), 200, url);
  await e2e.audit(page, label);
}

describe('the practices database in a browser', () => {
  it('searches, filters, shows and compares practices with JavaScript off', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, '/en/practices', '/en/practices (js off)');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'practices-search-en.png'),
      clip: { x: 0, y: 0, width: 1280, height: 1800 },
    });
    // A facet, chosen as a person would: tick a box and apply.
    await page.check('#facet-objective-20');
    await page.check('#facet-network-e2e-practices');
    await page.click('main form[role="search"] button[type=submit] >> nth=-1');
    assert.match(page.url(), /objective=20.*network=e2e-practices/);
    await e2e.audit(page, '/en/practices?objective=20&network=e2e-practices (js off)');
    assert.equal(await page.locator('main .practice-result').count(), 1);
    await page.click('main .practice-result h3 a');
    assert.match(page.url(), new RegExp(`/en/practices/${ids.remittances}$`));
    await e2e.audit(page, '/en/practices/{remittances} (js off)');
    // Search words, highlighted in the results.
    await visit(page, '/fr/practices?q=volontaires', '/fr/practices?q=volontaires (js off)');
    assert.ok(await page.locator('main mark').count(), 'a highlighted match');
    await visit(page, `/fr/practices/${ids.border}`, '/fr/practices/{border} (js off)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practice-fr.png'), fullPage: true });
    await visit(page, `/en/practices/${ids.border}`, '/en/practices/{border} (js off)');
    await visit(page, `/es/practices/${ids.border}/history`, '/es/practices/{border}/history (js off)');
    await page.click('main form.version-chooser button[type=submit]');
    assert.match(page.url(), /diff\?from=1&to=2/);
    await e2e.audit(page, '/es/practices/{border}/diff (js off)');
    assert.ok(await page.locator('main ins').count(), 'added words are marked');
    // Two results chosen for comparison, from the search page.
    await visit(page, '/pt/practices', '/pt/practices (js off)');
    await page.check(`#compare-${ids.border}`);
    await page.check(`#compare-${ids.remittances}`);
    await page.click('main form.practice-compare-form button[type=submit]');
    assert.match(page.url(), /\/pt\/practices\/compare\?id=/);
    await e2e.audit(page, '/pt/practices/compare (js off)');
    assert.equal(await page.locator('main table th[scope="col"]').count(), 3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practices-compare-pt.png'), fullPage: true });
    await visit(page, `/en/practices/compare?id=${ids.border}`, '/en/practices/compare with one (js off)');
    await context.close();
  });

  it('fits the search page and a practice on a small phone', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await visit(page, '/es/practices', '/es/practices (320 px)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no sideways scrolling');
    await visit(page, `/es/practices/${ids.border}`, '/es/practices/{border} (320 px)');
    await context.close();
  });

  it('leaves no error for the Nu HTML checker', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
