/**
 * The practice form in Chromium with JavaScript off, as a focal point uses it: the form in
 * Spanish, a first save with a mistake (the errors next to their fields), then a draft saved with
 * texts, a country and a GCM objective, and a PDF attached. Every page passes axe-core and the Nu
 * HTML checker; screenshots go to .test-artifacts/screenshots for a person to look at.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import type { TestContext } from '../support/app.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
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

/** A one-page PDF, enough for the content check. */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function submit(page: Page, formSelector: string) {
  await Promise.all([page.waitForLoadState('load'), page.click(`${formSelector} button[type=submit]`)]);
}

describe('the practice form in a browser, without JavaScript', () => {
  it('lets a focal point correct a mistake, save a draft and attach a PDF', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/es/login`);
    await page.fill('#field-email', 'focal.colombia@demo.puente.example');
    await page.fill('#field-password', DEMO_PASSWORD);
    await submit(page, 'main form');

    const response = await page.goto(`${base}/es/practices/new`);
    assert.equal(response?.status(), 200);
    if (await page.locator('main form[method="get"]').count()) {
      // The organisation belongs to several networks: step one asks which one reviews it.
      await e2e.audit(page, '/es/practices/new (step one)');
      await page.selectOption('#field-network', 'ricomi');
      await submit(page, 'main form[method="get"]');
    }
    assert.match((await page.textContent('h1')) ?? '', /Proponer una práctica/);
    await e2e.audit(page, '/es/practices/new');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practice-form-es.png'), fullPage: true });

    // A first save without a title, and with a period that ends before it starts.
    await page.fill('#field-summary\\.es', 'Orientación jurídica gratuita en los puntos de frontera.');
    await page.fill('#field-periodStart', '2023-05-01');
    await page.fill('#field-periodEnd', '2022-05-01');
    await submit(page, 'main form#field-body');
    assert.equal(await page.locator('.error-summary li').count(), 2);
    assert.match((await page.textContent('#field-title\\.es-error')) ?? '', /título/);
    assert.match((await page.textContent('#field-periodEnd-error')) ?? '', /\S/);
    assert.equal(
      await page.inputValue('#field-summary\\.es'),
      'Orientación jurídica gratuita en los puntos de frontera.',
      'what was typed is kept',
    );
    await e2e.audit(page, '/es/practices (errors shown)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practice-form-errors-es.png'), fullPage: false });

    // Corrected, with a country (its region opened as a person would) and a GCM objective.
    await page.fill('#field-title\\.es', 'Orientación jurídica en frontera');
    await page.fill('#field-periodEnd', '2024-05-01');
    const americas = page.locator('#field-countries details', { hasText: 'Américas' }).first();
    await americas.locator('summary').click();
    await page.check('#countries-CO');
    await page.check('#gcmObjectives-7');
    await page.check('#field-notCommunicated\\.evaluation');
    await submit(page, 'main form#field-body');
    assert.match(page.url(), /\/es\/practices\/[0-9a-f-]{36}\/edit\?notice=created$/);
    assert.match((await page.textContent('.notice')) ?? '', /borrador está guardado/);
    await e2e.audit(page, '/es/practices/{id}/edit');

    const id = /practices\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;
    const saved = await ctx.database.db
      .selectFrom('practices as p')
      .innerJoin('practice_versions as v', 'v.id', 'p.working_version_id')
      .select('v.content')
      .where('p.id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(saved.content.title.es, 'Orientación jurídica en frontera');
    assert.deepEqual(saved.content.countries, ['CO']);
    assert.deepEqual(saved.content.gcmObjectives, ['7']);
    assert.deepEqual(saved.content.notCommunicated, ['evaluation']);

    // A PDF, through the plain multipart form.
    await page.setInputFiles('#field-file', {
      name: 'informe.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await submit(page, '#attachments form[enctype="multipart/form-data"]');
    assert.match((await page.textContent('.notice')) ?? '', /archivo se adjuntó/);
    assert.equal(await page.locator('#attachments table a', { hasText: 'informe.pdf' }).count(), 1);
    await e2e.audit(page, '/es/practices/{id}/edit (attached)');

    // A file whose content is not what its name says: the message sits next to the file field.
    await page.setInputFiles('#field-file', {
      name: 'notas.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('solo texto'),
    });
    await submit(page, '#attachments form[enctype="multipart/form-data"]');
    assert.match((await page.textContent('#field-file-error')) ?? '', /PDF/);
    await e2e.audit(page, '/es/practices/{id}/attachments (refused)');

    // Someone else saves meanwhile: the conflict page keeps the text typed here.
    await page.goto(`${base}/es/practices/${id}/edit`);
    await ctx.database.db
      .updateTable('practices')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await page.fill('#field-summary\\.es', 'Texto escrito mientras tanto');
    await submit(page, 'main form#field-body');
    assert.equal(await page.locator('section.conflict').count(), 1);
    assert.equal(await page.inputValue('#field-summary\\.es'), 'Texto escrito mientras tanto');
    await e2e.audit(page, '/es/practices/{id}/edit (conflict)');

    await page.goto(`${base}/es/practices/new?change=1`);
    await e2e.audit(page, '/es/practices/new?change=1 (step one)');
    await context.close();
  });

  it('leaves no error for the Nu HTML checker', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
