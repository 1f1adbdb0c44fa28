import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../config.ts';
import { Agent, TEST_SECRET, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, testDatabase } from '../../test/support/database.ts';
import { TEST_PASSWORD, buildApiToken, buildUser } from '../../test/support/factories.ts';
import { createMailer } from '../mail/mailer.ts';
import { buildApp, loggerOptions } from './app.ts';

let ctx: TestContext;
before(async () => {
  ctx = await buildTestApp({ PUENTE_BODY_LIMIT: '4096' });
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

describe('CSRF protection', () => {
  it('refuses a form posted without a token with a localized 403 page', async () => {
    const user = await buildUser(ctx.database.db);
    const response = await new Agent(ctx.app).postForm(
      '/fr/login',
      { email: user.email, password: TEST_PASSWORD },
      { csrf: false },
    );
    assert.equal(response.statusCode, 403);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.body, /<h1 class="page-heading">Formulaire expiré<\/h1>/);
    assert.equal(
      response.cookies.find((c) => c.name === 'puente_session'),
      undefined,
    );
  });

  it('refuses a token that belongs to another browser', async () => {
    const victim = new Agent(ctx.app);
    const token = await victim.csrfToken();
    const attacker = new Agent(ctx.app);
    await attacker.get('/en/login');
    const response = await attacker.request({
      method: 'POST',
      url: '/en/password/forgot',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&email=a%40example.org`,
    });
    assert.equal(response.statusCode, 403);
  });

  it('refuses an API write made with a session cookie and no token, but accepts a bearer token', async () => {
    const user = await buildUser(ctx.database.db);
    const agent = new Agent(ctx.app);
    await agent.postForm('/en/login', { email: user.email, password: TEST_PASSWORD });
    const withCookie = await agent.json('POST', '/api/v1/tokens', { name: 'x' });
    assert.equal(withCookie.statusCode, 403);
    assert.equal(withCookie.json().errors[0].field, '_csrf');
    const { token } = await buildApiToken(ctx.database.db, user.id);
    const withBearer = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { name: 'x' },
    });
    assert.equal(withBearer.statusCode, 201);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that allows no inline script, and the usual protections', async () => {
    const response = await ctx.app.inject('/en');
    const csp = response.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'same-origin');
  });

  it('renders no inline script or style in pages', async () => {
    for (const url of ['/en', '/fr/login', '/es/password/forgot', '/pt/api']) {
      const body = (await ctx.app.inject(url)).body;
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/, url);
      assert.doesNotMatch(body, /\sstyle=|<style/, url);
    }
  });
});

describe('bad input', () => {
  it('answers a body over the limit with 413, in the caller’s language, naming the body', async () => {
    const { token } = await buildApiToken(ctx.database.db, (await buildUser(ctx.database.db)).id);
    const before = await ctx.database.db.selectFrom('api_tokens').select('id').execute();
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-language': 'es',
      },
      payload: JSON.stringify({ name: 'x'.repeat(10_000) }),
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().errors[0].field, 'body');
    assert.match(response.json().errors[0].message, /supera el tamaño máximo de 4 KB/);
    assert.equal(
      (await ctx.database.db.selectFrom('api_tokens').select('id').execute()).length,
      before.length,
    );
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const { token } = await buildApiToken(ctx.database.db, (await buildUser(ctx.database.db)).id);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-language': 'fr',
      },
      payload: '{"name": "unterminated',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(response.json().errors, [
      { field: 'body', message: 'Le corps de la requête n’est pas du JSON valide.' },
    ]);
  });

  it('refuses invalid UTF-8, raw in JSON or percent-encoded in a form, naming the field', async () => {
    const { token } = await buildApiToken(ctx.database.db, (await buildUser(ctx.database.db)).id);
    const raw = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    });
    assert.equal(raw.statusCode, 400);
    assert.equal(raw.json().errors[0].field, 'body');
    const agent = new Agent(ctx.app);
    const csrf = await agent.csrfToken();
    const form = await agent.request({
      method: 'POST',
      url: '/en/password/forgot',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf)}&email=%C3%28@example.org`,
    });
    assert.equal(form.statusCode, 400);
    assert.match(form.body, /“email” contains bytes that are not valid UTF-8\./);
  });

  it('names each wrong or overlong field, in the caller’s language, and keeps nothing', async () => {
    const { token } = await buildApiToken(ctx.database.db, (await buildUser(ctx.database.db)).id);
    const count = async () => (await ctx.database.db.selectFrom('api_tokens').select('id').execute()).length;
    const before = await count();
    const wrongType = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-language': 'pt-BR,pt;q=0.9',
      },
      payload: { name: 42 },
    });
    assert.equal(wrongType.statusCode, 400);
    assert.deepEqual(wrongType.json().errors, [{ field: 'name', message: '«name» deve ser um texto.' }]);
    const overlong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { name: 'n'.repeat(101) },
    });
    assert.equal(overlong.statusCode, 400);
    assert.deepEqual(overlong.json().errors, [
      { field: 'name', message: '“name” must be at most 100 characters.' },
    ]);
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: {},
    });
    assert.equal(missing.json().errors[0].field, 'name');
    const unsupported = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/xml' },
      payload: '<name/>',
    });
    assert.equal(unsupported.statusCode, 415);
    assert.equal(await count(), before);
  });

  it('answers an unknown page with a localized 404 page and an unknown API path with problem+json', async () => {
    const page = await ctx.app.inject('/pt/nada-aqui');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<html lang="pt"/);
    assert.match(page.body, /Página não encontrada/);
    const api = await ctx.app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'es' } });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().title, 'Página no encontrada');
  });
});

describe('errors and logs', () => {
  async function appWithLog(env: Record<string, string> = {}) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const config = readConfig({
      LOG_LEVEL: 'info',
      PUENTE_DEMO: 'false',
      SMTP_URL: ctx.smtp.url,
      PUENTE_WRITES_PER_MINUTE: '100000',
      PUENTE_SIGN_IN_REQUESTS_PER_MINUTE: '100000',
      ...env,
    });
    const mailer = createMailer({ smtpUrl: ctx.smtp.url, from: config.mailFrom, outboxDir: '/nonexistent' });
    const options = { ...(loggerOptions(config) as object), stream };
    const app = await buildApp(
      { config, db: (await testDatabase()).db, mailer, secret: TEST_SECRET },
      options,
    );
    app.get('/en/boom', { config: { access: 'public' } }, async () => {
      throw new Error('internal detail: SELECT password_hash FROM users');
    });
    await app.ready();
    return { app, lines, close: async () => (await app.close(), mailer.close()) };
  }

  it('shows a localized 500 page with a reference and no internal detail', async () => {
    const { app, lines, close } = await appWithLog();
    const response = await app.inject('/en/boom');
    assert.equal(response.statusCode, 500);
    assert.doesNotMatch(response.body, /SELECT|password_hash|Error:|\bat \S+:\d+/);
    const reference = /give the reference ([0-9a-f]{8})/.exec(response.body)?.[1];
    assert.ok(reference);
    assert.ok(
      lines.some((line) => line.includes(reference)),
      'the log carries the same reference',
    );
    await close();
  });

  it('writes no password, token, email, cookie or address to the log', async () => {
    const { app, lines, close } = await appWithLog();
    const user = await buildUser(ctx.database.db, { email: 'private.person@example.org' });
    const agent = new Agent(app);
    await agent.postForm('/en/login', { email: user.email, password: TEST_PASSWORD });
    await agent.postForm('/en/login', { email: user.email, password: 'wrong-password-in-log?' });
    await agent.postForm('/en/password/forgot', { email: user.email });
    const mail = await ctx.smtp.waitFor((m) => m.to.includes(user.email));
    const resetToken = /reset\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    await agent.get(`/en/password/reset/${resetToken}`);
    const { token } = await buildApiToken(ctx.database.db, user.id);
    await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    const log = lines.join('');
    assert.ok(log.length > 0, 'something was logged');
    for (const secret of [
      TEST_PASSWORD,
      'wrong-password-in-log?',
      user.email,
      'private.person',
      resetToken,
      token,
      agent.cookies.get('puente_session')!,
      '127.0.0.1',
    ]) {
      assert.equal(log.includes(secret), false, `log must not contain ${secret.slice(0, 12)}…`);
    }
    await close();
  });

  it('logs a mail error without the addresses it quotes, keeping its codes', async () => {
    const { app, lines, close } = await appWithLog();
    app.log.error(
      {
        err: Object.assign(
          new Error("Can't send mail - all recipients were rejected: 550 <jane.doe@example.org>"),
          {
            code: 'EENVELOPE',
            responseCode: 550,
            command: 'RCPT TO',
            rejected: ['jane.doe@example.org'],
            response: '550 5.1.1 <jane.doe@example.org>: Recipient address rejected',
          },
        ),
      },
      'match mail not delivered',
    );
    const log = lines.join('');
    assert.match(log, /match mail not delivered/);
    assert.match(log, /"code":"EENVELOPE"/);
    assert.match(log, /"responseCode":550/);
    assert.match(log, /\[address\]/);
    assert.equal(log.includes('jane.doe'), false);
    await close();
  });

  it('limits writes per address with a localized 429', async () => {
    const { app, close } = await appWithLog({ PUENTE_WRITES_PER_MINUTE: '2', LOG_LEVEL: 'silent' });
    const agent = new Agent(app);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await agent.postForm('/es/logout', {})).statusCode);
    assert.deepEqual(statuses, [303, 303, 429]);
    const limited = await agent.postForm('/es/logout', {});
    assert.match(limited.body, /Demasiadas solicitudes/);
    assert.equal((await agent.get('/es')).statusCode, 200, 'reading is not limited');
    await close();
  });
});

describe('NUL characters', () => {
  it('are refused in a JSON body, a form, a query string and a path, naming the field', async () => {
    const { token } = await buildApiToken(ctx.database.db, (await buildUser(ctx.database.db)).id);
    const json = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'a\u0000b' }),
    });
    assert.equal(json.statusCode, 400);
    assert.deepEqual(json.json().errors, [
      { field: 'name', message: '“name” contains a null character, which cannot be stored.' },
    ]);
    const form = await new Agent(ctx.app).postForm('/en/password/forgot', { email: 'a\u0000@example.org' });
    assert.equal(form.statusCode, 400);
    const query = await ctx.app.inject('/en/login?next=%00');
    assert.equal(query.statusCode, 400);
    const path = await ctx.app.inject('/en/password/reset/abc%00defghijkl');
    assert.equal(path.statusCode, 400);
  });
});
