/**
 * Inviting a focal point, end to end: the secretariat sends the invitation from the browser, the
 * message arrives at a real SMTP server, and the invited person follows the link in another
 * browser and lands signed in, bound to the organisation. Every page passes axe and the Nu checker.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import { buildTestApp, type TestContext } from '../support/app.ts';
import { closeTestDatabase } from '../support/database.ts';
import {
  auditAccessibility,
  checkHtmlBatch,
  formatHtmlErrors,
  formatViolations,
  launchBrowser,
  newContext,
} from '../support/browser.ts';

let ctx: TestContext;
let browser: Browser | null;
let base: string;
const visited: { label: string; html: string }[] = [];

before(async () => {
  browser = await launchBrowser();
  ctx = await buildTestApp();
  await loadDemo(ctx.database.db);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
});
after(async () => {
  await browser?.close();
  await ctx?.close();
  await closeTestDatabase();
});

async function audit(page: Page, label: string) {
  const violations = await auditAccessibility(page);
  assert.equal(violations.length, 0, formatViolations(violations, label));
  visited.push({ label, html: await page.content() });
}

describe('inviting a focal point', () => {
  it('goes from the secretariat’s form to the new account, through the mail', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const secretariat = await newContext(browser);
    const page = await secretariat.newPage();
    await page.goto(`${base}/es/login`);
    await page.fill('#field-email', 'secretariat@demo.puente.example');
    await page.fill('#field-password', DEMO_PASSWORD);
    await page.click('main button[type=submit]');
    await page.goto(`${base}/es/invitations/new`);
    await audit(page, '/es/invitations/new');
    const organisation = await ctx.database.db
      .selectFrom('organisations')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await page.selectOption('#field-organisationId', organisation.id);
    await page.fill('#field-name', 'Valentina Ruiz');
    await page.fill('#field-email', 'valentina@example.org');
    await page.click('main button[type=submit]');
    assert.match((await page.textContent('.notice')) ?? '', /Invitación enviada a valentina@example\.org/);
    await audit(page, '/es/invitations (sent)');
    await secretariat.close();

    const mail = await ctx.smtp.waitFor((m) => m.to.includes('valentina@example.org'));
    const link = /http:\/\/localhost:3000(\/es\/invitations\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    assert.ok(link);

    const invited = await newContext(browser, { javaScriptEnabled: false });
    const invitedPage = await invited.newPage();
    await invitedPage.goto(`${base}${link}`);
    await audit(invitedPage, '/es/invitations/{token}');
    assert.equal(await invitedPage.inputValue('#field-name'), 'Valentina Ruiz');
    await invitedPage.fill('#field-password', 'una contraseña segura');
    await invitedPage.fill('#field-confirm', 'una contraseña segura');
    await invitedPage.click('main button[type=submit]');
    assert.equal(new URL(invitedPage.url()).pathname, '/es/account');
    assert.ok(await invitedPage.isVisible('text=valentina@example.org'));
    await invitedPage.goto(`${base}${link}`);
    assert.match((await invitedPage.textContent('main')) ?? '', /ya no es válido/);
    await audit(invitedPage, '/es/invitations/{token} used');
    await invited.close();

    const user = await ctx.database.db
      .selectFrom('users')
      .select('organisation_id')
      .where('email', '=', 'valentina@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(user.organisation_id, organisation.id);
  });

  it('leaves no error for the Nu HTML checker', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const results = await checkHtmlBatch(visited);
    const report = [...results]
      .filter(([, errors]) => errors.length > 0)
      .map(([label, errors]) => formatHtmlErrors(errors, label));
    assert.deepEqual(report, []);
  });
});
