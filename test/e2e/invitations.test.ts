/**
 * Inviting a focal point, end to end: the secretariat sends the invitation from the browser, the
 * message arrives at a real SMTP server, and the invited person follows the link in another
 * browser and lands signed in, bound to the organisation. Every page passes axe and the Nu checker.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import type { TestContext } from '../support/app.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';

let e2e: EndToEnd;
let ctx: TestContext;
let browser: Browser | null;
let base: string;

before(async () => {
  e2e = await startEndToEnd();
  ({ ctx, browser, base } = e2e);
});
after(async () => {
  await e2e?.stop();
});

const audit = (page: Page, label: string) => e2e.audit(page, label);

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
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
