// Proves the end-to-end harness on tiny static pages: axe-core finds a violation and only
// that, the Nu checker finds an HTML error and only that, and pages render with
// JavaScript off. Outside CI a missing Chromium or Java skips (with "SKIP: …"); under
// CI=true it fails.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  auditAccessibility,
  checkHtml,
  checkHtmlBatch,
  formatHtmlErrors,
  formatViolations,
  htmlCheckerMissingReason,
  launchBrowser,
  newContext,
} from './browser.ts';

function doc(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

const pages: Record<string, string> = {
  '/clean': doc(
    'A clean page',
    `<p>Practices shared by the network.</p><img src="${PIXEL}" alt="A dot" width="1" height="1">`,
  ),
  '/img-without-alt': doc('An image without alt', `<p>Look:</p><img src="${PIXEL}" width="1" height="1">`),
  // The script would replace the text if it ran; the app's CSP forbids inline scripts.
  '/no-js': doc(
    'Works without JavaScript',
    '<p id="status">rendered on the server</p><script src="/app.js"></script>',
  ),
};
const scripts: Record<string, string> = {
  '/app.js': 'document.getElementById("status").textContent = "changed by JavaScript";',
};

const CSP = "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

describe('browser harness', () => {
  let server: Server;
  let origin = '';
  let browser: Browser | null = null;
  let launchError: unknown;

  /** The browser, or undefined after skipping the test; rethrows a failed launch (CI). */
  function browserOrSkip(t: TestContext): Browser | undefined {
    if (launchError) throw launchError;
    if (!browser) t.skip('chromium not available');
    return browser ?? undefined;
  }

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (pages[path] !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
        res.end(pages[path]);
      } else if (scripts[path] !== undefined) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(scripts[path]);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = performance.now();
    try {
      browser = await launchBrowser(); // throws under CI=true when chromium is missing
    } catch (error) {
      launchError = error; // reported by every browser test, not as a bare hook failure
    }
    if (browser) console.log(`chromium launched in ${Math.round(performance.now() - started)} ms`);
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  describe('axe-core audit', () => {
    it('reports an image without alt text', async (t) => {
      const browser = browserOrSkip(t);
      if (!browser) return;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/img-without-alt`);
        const violations = await auditAccessibility(page);
        const imageAlt = violations.find((v) => v.id === 'image-alt');
        assert.ok(imageAlt, `expected image-alt among:\n${formatViolations(violations)}`);
        assert.equal(imageAlt.impact, 'critical');
        assert.deepEqual(
          imageAlt.nodes.map((n) => n.target),
          [['img']],
        );
        assert.match(
          formatViolations(violations, '/img-without-alt'),
          /image-alt: Images must have alternative text/,
        );
      } finally {
        await context.close();
      }
    });

    it('reports nothing on a clean page, under a strict CSP', async (t) => {
      const browser = browserOrSkip(t);
      if (!browser) return;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const response = await page.goto(`${origin}/clean`);
        assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
        const violations = await auditAccessibility(page);
        assert.deepEqual(violations, [], formatViolations(violations, '/clean'));
      } finally {
        await context.close();
      }
    });

    it('can switch a rule off', async (t) => {
      const browser = browserOrSkip(t);
      if (!browser) return;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/img-without-alt`);
        const violations = await auditAccessibility(page, { disableRules: ['image-alt'] });
        assert.deepEqual(violations, [], formatViolations(violations));
      } finally {
        await context.close();
      }
    });
  });

  describe('JavaScript off', () => {
    it('renders the server HTML, runs no page script, and can still be audited', async (t) => {
      const browser = browserOrSkip(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/no-js`);
        assert.equal(await page.locator('h1').textContent(), 'Works without JavaScript');
        assert.equal(await page.locator('#status').textContent(), 'rendered on the server');
        const violations = await auditAccessibility(page);
        assert.deepEqual(violations, [], formatViolations(violations, '/no-js'));

        // The audit really runs without JavaScript (axe's timers are driven by hand there).
        await page.goto(`${origin}/img-without-alt`);
        const found = await auditAccessibility(page);
        assert.deepEqual(
          found.map((v) => v.id),
          ['image-alt'],
          formatViolations(found),
        );
      } finally {
        await context.close();
      }
    });

    it('the same page runs its script when JavaScript is on', async (t) => {
      const browser = browserOrSkip(t);
      if (!browser) return;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/no-js`);
        await page.locator('#status', { hasText: 'changed by JavaScript' }).waitFor({ timeout: 5000 });
      } finally {
        await context.close();
      }
    });
  });

  describe('W3C Nu HTML checker', () => {
    const skip = htmlCheckerMissingReason();
    if (skip && process.env.CI !== 'true') console.log(`SKIP: ${skip}`);
    // Under CI=true the tests run anyway and checkHtml throws the reason.
    const options = { skip: skip && process.env.CI !== 'true' ? skip : false };

    // Note: `<div><p></div>` is valid HTML: </div> closes the <p> implicitly.
    const invalid = doc('Invalid', '<div><span>unclosed</div><ul><div>not a list item</div></ul>');
    const valid = doc('Valid', '<p>Fine.</p><ul><li>one</li></ul>');

    it('reports errors in an invalid document', options, async () => {
      const errors = await checkHtml(invalid, 'invalid');
      const messages = errors.map((e) => e.message).join('\n');
      assert.match(messages, /End tag “div” seen, but there were open elements/, formatHtmlErrors(errors));
      assert.match(messages, /Element “div” not allowed as child of element “ul”/, formatHtmlErrors(errors));
      assert.ok(
        errors.every((e) => e.label === 'invalid' && e.type === 'error' && typeof e.line === 'number'),
      );
    });

    it('reports nothing for a valid HTML5 document', options, async () => {
      const errors = await checkHtml(valid, 'valid');
      assert.deepEqual(errors, [], formatHtmlErrors(errors, 'valid'));
    });

    it('checks many documents in one run and attributes each error to its label', options, async () => {
      const batch = [
        { label: 'valid', html: valid },
        { label: 'invalid', html: invalid },
        { label: 'clean page', html: pages['/clean']! },
        { label: 'no doctype', html: '<p>hello</p>' },
        { label: 'empty batch member is fine too', html: doc('Other', '<p>ok</p>') },
      ];
      const results = await checkHtmlBatch(batch);
      assert.deepEqual(
        [...results.keys()],
        batch.map((p) => p.label),
      );
      assert.deepEqual(results.get('valid'), []);
      assert.deepEqual(results.get('clean page'), []);
      assert.deepEqual(results.get('empty batch member is fine too'), []);
      assert.ok((results.get('invalid') ?? []).length >= 2);
      assert.match(formatHtmlErrors(results.get('no doctype') ?? []), /doctype/i);
    });

    it('refuses duplicate labels', options, async () => {
      await assert.rejects(
        checkHtmlBatch([
          { label: 'a', html: valid },
          { label: 'a', html: valid },
        ]),
        /duplicate label/,
      );
    });
  });
});
