/**
 * End to end, in headless Chromium: the home page in four languages, signing in and out, a failed
 * sign-in, the pages with JavaScript off, a 320-pixel screen. Every page visited is audited with
 * axe-core (no violation) and its HTML checked by the W3C Nu checker (no error).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');

let e2e: EndToEnd;
let browser: Browser | null;
let base: string;

before(async () => {
  e2e = await startEndToEnd();
  ({ browser, base } = e2e);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

const audit = (page: Page, label: string) => e2e.audit(page, label);

describe('the home page', () => {
  for (const [lang, heading, signIn] of [
    ['fr', 'Puente, la plateforme des réseaux sur les migrations', 'Se connecter'],
    ['es', 'Puente, la plataforma de las redes sobre migración', 'Iniciar sesión'],
    ['en', 'Puente, the platform of migration networks', 'Sign in'],
    ['pt', 'Puente, a plataforma das redes sobre migração', 'Entrar'],
  ] as const) {
    it(`presents the networks in ${lang}`, async (t) => {
      if (!browser) return t.skip('chromium is not installed');
      const context = await newContext(browser!);
      const page = await context.newPage();
      const response = await page.goto(`${base}/${lang}`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal((await page.textContent('h1'))?.trim(), heading);
      assert.ok(await page.isVisible(`nav >> text=${signIn}`));
      assert.ok((await page.locator('.cards .card').count()) >= 6, 'the demo networks are listed');
      assert.ok(await page.isVisible('text=PERCO'));
      await audit(page, `/${lang}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `home-${lang}.png`), fullPage: true });
      await context.close();
    });
  }

  it('chooses the language from the browser at /', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser!, { locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    assert.equal(new URL(page.url()).pathname, '/pt');
    await context.close();
  });

  it('switches language from the switcher, keeping the page', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser!);
    const page = await context.newPage();
    await page.goto(`${base}/en/login`);
    await page.click('nav[aria-label="Languages"] >> text=Español');
    assert.equal(new URL(page.url()).pathname, '/es/login');
    assert.equal((await page.textContent('h1'))?.trim(), 'Iniciar sesión');
    await context.close();
  });

  it('starts keyboard navigation with a visible skip link', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser!);
    const page = await context.newPage();
    await page.goto(`${base}/en`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    assert.equal(focused.text, 'Skip to content');
    assert.ok(focused.top >= 0, 'the skip link is on screen when focused');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#main');
    await context.close();
  });

  it('fits a 320-pixel-wide screen without horizontal scrolling', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await browser!.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    const page = await context.newPage();
    for (const url of ['/fr', '/es/login', '/pt/api']) {
      await page.goto(`${base}${url}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `${url} overflows by ${overflow}px at 320px`);
    }
    await page.goto(`${base}/fr`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-fr-320.png'), fullPage: true });
    await context.close();
  });
});

describe('signing in and out', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`works with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async (t) => {
      if (!browser) return t.skip('chromium is not installed');
      const context = await newContext(browser!, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${base}/en/login`);
      await audit(page, `/en/login (js ${javaScriptEnabled ? 'on' : 'off'})`);
      await page.fill('#field-email', 'secretariat@demo.puente.example');
      await page.fill('#field-password', DEMO_PASSWORD);
      await page.click('main button[type=submit]');
      assert.equal(new URL(page.url()).pathname, '/en/account');
      assert.equal((await page.textContent('h1'))?.trim(), 'My account');
      assert.ok(await page.isVisible('text=secretariat@demo.puente.example'));
      await audit(page, `/en/account (js ${javaScriptEnabled ? 'on' : 'off'})`);

      await page.fill('#field-name', 'weekly export');
      await page.click('main form[action="/en/account/tokens"] button');
      assert.match((await page.textContent('.notice')) ?? '', /Token “weekly export” created/);
      await audit(page, `/en/account with a new token (js ${javaScriptEnabled ? 'on' : 'off'})`);
      if (javaScriptEnabled)
        await page.screenshot({ path: path.join(SCREENSHOTS, 'account-en.png'), fullPage: true });

      await page.click('nav >> text=Sign out');
      assert.equal(new URL(page.url()).pathname, '/en/login');
      assert.match((await page.textContent('.notice')) ?? '', /You are signed out/);
      const account = await page.goto(`${base}/en/account`);
      assert.equal(account?.status(), 401);
      await audit(page, `/en/account signed out, 401 (js ${javaScriptEnabled ? 'on' : 'off'})`);
      await context.close();
    });
  }

  it('shows a failed sign-in as a localized error next to the field', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser!);
    const page = await context.newPage();
    await page.goto(`${base}/es/login`);
    await page.fill('#field-email', 'secretariat@demo.puente.example');
    await page.fill('#field-password', 'no es la contraseña');
    await page.click('main button[type=submit]');
    assert.equal(
      (await page.textContent('#field-password-error'))?.trim(),
      'Correo electrónico o contraseña incorrectos.',
    );
    assert.equal(await page.getAttribute('#field-password', 'aria-invalid'), 'true');
    assert.match(
      (await page.getAttribute('#field-password', 'aria-describedby')) ?? '',
      /field-password-error/,
    );
    assert.equal(await page.inputValue('#field-email'), 'secretariat@demo.puente.example');
    await audit(page, '/es/login with an error');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'login-error-es.png'), fullPage: true });
    await context.close();
  });
});

describe('other pages', () => {
  it('render and pass the audits: reset, API docs, admin, 404', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser!, { javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of [
      '/fr/password/forgot',
      '/pt/api',
      '/es/no-existe',
      '/en/password/reset/not-a-real-token',
    ]) {
      await page.goto(`${base}${url}`);
      await audit(page, url);
    }
    await page.goto(`${base}/fr/login`);
    await page.fill('#field-email', 'admin@demo.puente.example');
    await page.fill('#field-password', DEMO_PASSWORD);
    await page.click('main button[type=submit]');
    await page.goto(`${base}/fr/admin/users`);
    assert.equal((await page.textContent('h1'))?.trim(), 'Comptes');
    await audit(page, '/fr/admin/users');
    await context.close();
  });
});

describe('the W3C Nu HTML checker', () => {
  it('finds no error in any page visited', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    assert.ok(e2e.visited.length >= 10, `visited ${e2e.visited.length} pages`);
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
