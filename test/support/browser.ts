// What the end-to-end tests stand on: headless Chromium (Debian's package, driven by
// playwright-core), an axe-core audit of a page, and the W3C Nu HTML checker (vnu-jar
// on the machine's Java).
//
// Outside CI a missing browser or Java skips with a "SKIP: …" message; under CI=true it
// is an error, so a green CI always means the checks ran.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PUENTE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const require = createRequire(import.meta.url);

function underCi(): boolean {
  return process.env.CI === 'true';
}

/** Outside CI: print the reason and let the caller skip. Under CI: throw it. */
function skipOrThrow(reason: string): void {
  if (underCi()) throw new Error(`${reason} (CI=true: this check must run, not skip)`);
  console.log(`SKIP: ${reason}`);
}

// ---------------------------------------------------------------------------
// Chromium

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissingReason(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `chromium not found at ${CHROMIUM_PATH}`;
}

/**
 * Headless Chromium, or null (after printing "SKIP: …") when it is not installed.
 * Under CI=true a missing browser throws. Close it with `browser.close()`.
 */
export async function launchBrowser(): Promise<Browser | null> {
  const missing = chromiumMissingReason();
  if (missing) {
    skipOrThrow(missing);
    return null;
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface NewContextOptions {
  javaScriptEnabled?: boolean;
  locale?: string;
  /** e.g. { width: 320, height: 640 } for a small phone; Playwright's 1280x720 by default. */
  viewport?: { width: number; height: number };
}

// Contexts made with JavaScript disabled: their pages run no timers, so the audit must
// drive axe-core differently (see auditAccessibility).
const contextsWithoutJs = new WeakSet<BrowserContext>();

/**
 * A fresh browser context (its own cookies and storage). CSP is bypassed so that the
 * audit can inject axe-core into pages whose policy forbids inline scripts; nothing
 * else about the page changes.
 */
export async function newContext(
  browser: Browser,
  { javaScriptEnabled = true, locale = 'en-US', viewport }: NewContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    bypassCSP: true,
    javaScriptEnabled,
    locale,
    ...(viewport ? { viewport } : {}),
  });
  if (!javaScriptEnabled) contextsWithoutJs.add(context);
  return context;
}

// ---------------------------------------------------------------------------
// axe-core

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
}

export interface AuditOptions {
  /** Rule ids to switch off, each with a reason in the calling test. */
  disableRules?: string[];
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let axeSource: string | undefined;
function loadAxeSource(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page as it is now (WCAG 2.0/2.1 A and AA, plus best practices)
 * and returns the violations. Works with JavaScript disabled too: axe is evaluated
 * through the DevTools protocol, which the page's settings and CSP do not block.
 */
export async function auditAccessibility(page: Page, options: AuditOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    // A <script> tag would not run with JavaScript disabled, and the app's CSP forbids
    // inline scripts anyway: evaluate the source instead.
    await page.evaluate(loadAxeSource());
  }
  // With JavaScript disabled, promises still settle but timer callbacks never run, and
  // axe.run waits on setTimeout(…, 0) between rules: it would hang forever.
  const timersBlocked = contextsWithoutJs.has(page.context()) || !(await timersRun(page));
  const rules = Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }]));
  return page.evaluate(
    async ({ tags, rules, timersBlocked }) => {
      type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
      type AxeResult = {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: AxeNode[];
      };
      const w = window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> };
        setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...a: unknown[]) => number;
      };
      const realSetTimeout = w.setTimeout;
      if (timersBlocked) {
        // Zero-delay timers (axe's yields) become microtasks; longer ones are axe's
        // give-up timeouts, which must never fire here.
        let nextId = 1;
        w.setTimeout = (fn, ms = 0, ...args) => {
          if (ms <= 1) void Promise.resolve().then(() => fn(...args));
          return nextId++;
        };
      }
      try {
        const results = await w.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
          rules,
          // Frames would be pinged, with a timer as timeout; pages here embed none.
          iframes: !timersBlocked,
        });
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({
            target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
            html: n.html,
            failureSummary: n.failureSummary ?? '',
          })),
        }));
      } finally {
        w.setTimeout = realSetTimeout;
      }
    },
    { tags: AXE_TAGS, rules, timersBlocked },
  );
}

/** Whether a zero-delay timer fires in the page (false when JavaScript is disabled). */
async function timersRun(page: Page): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const fired = page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0)));
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 1000);
  });
  try {
    return await Promise.race([fired, gaveUp]);
  } finally {
    clearTimeout(timer);
    fired.catch(() => {}); // the page may close with the probe pending
  }
}

/** A readable list of violations for an assertion message. */
export function formatViolations(violations: AxeViolation[], label = 'page'): string {
  if (violations.length === 0) return `${label}: no accessibility violations`;
  const lines = [`${label}: ${violations.length} accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.join(', ')}  ${truncate(node.html, 120)}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// W3C Nu HTML checker

export interface HtmlError {
  label: string;
  type: 'error' | 'non-document-error';
  subType?: string;
  message: string;
  line?: number;
  column?: number;
  extract?: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
}

const VNU_JAR = join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

function vnuJarPath(): string {
  try {
    return join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
  } catch {
    return VNU_JAR;
  }
}

let javaChecked: string | null | undefined;

/** Why the Nu checker cannot run here, or null when it can. */
export function htmlCheckerMissingReason(): string | null {
  if (javaChecked !== undefined) return javaChecked;
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error) javaChecked = 'java not found on PATH (the W3C Nu HTML checker needs a Java runtime)';
  else if (!existsSync(vnuJarPath())) javaChecked = `vnu.jar not found at ${vnuJarPath()} (npm ci)`;
  else javaChecked = null;
  return javaChecked;
}

/** Checks one document. Prefer checkHtmlBatch: each call starts a JVM (~1 s). */
export async function checkHtml(html: string, label: string): Promise<HtmlError[]> {
  const results = await checkHtmlBatch([{ label, html }]);
  return results.get(label) ?? [];
}

/**
 * Checks many documents in one run of the checker; returns the errors of each label
 * (an empty list for a valid document). Only errors count, not warnings or info.
 * When Java is missing it prints "SKIP: …" and returns no errors (throws under CI=true).
 */
export async function checkHtmlBatch(
  pages: { label: string; html: string }[],
): Promise<Map<string, HtmlError[]>> {
  const results = new Map<string, HtmlError[]>();
  for (const { label } of pages) {
    if (results.has(label)) throw new Error(`checkHtmlBatch: duplicate label ${JSON.stringify(label)}`);
    results.set(label, []);
  }
  if (pages.length === 0) return results;
  const missing = htmlCheckerMissingReason();
  if (missing) {
    skipOrThrow(missing);
    return results;
  }

  const dir = await mkdtemp(join(tmpdir(), 'puente-vnu-'));
  try {
    const labelByFile = new Map<string, string>();
    const files: string[] = [];
    for (const [i, { label, html }] of pages.entries()) {
      const file = join(dir, `${String(i).padStart(4, '0')}.html`);
      await writeFile(file, html, 'utf8');
      labelByFile.set(basename(file), label);
      files.push(file);
    }
    const report = await runVnu(files);
    for (const m of report.messages) {
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      const file = m.url ? basename(decodeURIComponent(m.url.replace(/^file:/, ''))) : '';
      const label = labelByFile.get(file);
      const error: HtmlError = {
        label: label ?? '(checker)',
        type: m.type,
        message: m.message ?? '(no message)',
        ...(m.subType ? { subType: m.subType } : {}),
        ...(m.lastLine !== undefined ? { line: m.lastLine } : {}),
        ...((m.firstColumn ?? m.lastColumn) !== undefined ? { column: m.firstColumn ?? m.lastColumn } : {}),
        ...(m.extract ? { extract: m.extract } : {}),
      };
      if (label === undefined) {
        // Not tied to one of our files: the checker itself failed; every page is suspect.
        for (const list of results.values()) list.push(error);
      } else {
        results.get(label)!.push(error);
      }
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runVnu(files: string[]): Promise<{ messages: VnuMessage[] }> {
  const args = [
    '-Xss4m', // the checker overflows the default stack on some documents
    '-XX:+UseSerialGC',
    '-jar',
    vnuJarPath(),
    '--format',
    'json',
    '--stdout', // JSON on stdout, so JVM warnings on stderr cannot corrupt it
    '--errors-only',
    '--no-langdetect',
    '--exit-zero-always',
    ...files,
  ];
  return new Promise((resolve, reject) => {
    execFile('java', args, { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`vnu failed (${error.message}):\n${stderr}`));
        return;
      }
      try {
        const parsed = JSON.parse(stdout) as { messages?: VnuMessage[] };
        resolve({ messages: parsed.messages ?? [] });
      } catch {
        reject(
          new Error(
            `vnu printed no JSON report:\nstdout: ${truncate(stdout, 2000)}\nstderr: ${truncate(stderr, 2000)}`,
          ),
        );
      }
    });
  });
}

/** A readable list of HTML errors for an assertion message. */
export function formatHtmlErrors(errors: HtmlError[], label = errors[0]?.label ?? 'document'): string {
  if (errors.length === 0) return `${label}: valid HTML`;
  const lines = [`${label}: ${errors.length} HTML error(s)`];
  for (const e of errors) {
    const where = e.line !== undefined ? `${e.line}:${e.column ?? '?'}` : '-';
    lines.push(
      `- ${where} ${e.message}${e.extract ? `  «${truncate(e.extract.replace(/\s+/g, ' '), 80)}»` : ''}`,
    );
  }
  return lines.join('\n');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
