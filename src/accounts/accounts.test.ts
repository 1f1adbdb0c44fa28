import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { TEST_PASSWORD, buildApiToken, buildUser } from '../../test/support/factories.ts';

let ctx: TestContext;
before(async () => {
  ctx = await buildTestApp({
    PUENTE_LOGIN_ATTEMPTS_PER_ACCOUNT: '3',
    PUENTE_LOGIN_ATTEMPTS_PER_ADDRESS: '6',
  });
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  ctx.smtp.messages.length = 0;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

async function signIn(agent: Agent, email: string, password: string, lang = 'en') {
  return agent.postForm(`/${lang}/login`, { email, password });
}

describe('POST /{lang}/login', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and redirects to the account page', async () => {
    const user = await buildUser(ctx.database.db);
    const agent = new Agent(ctx.app);
    const response = await signIn(agent, user.email, TEST_PASSWORD);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/account');
    const cookie = response.cookies.find((c) => c.name === 'puente_session');
    assert.ok(cookie, 'session cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const account = await agent.get('/en/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, new RegExp(user.email.replace(/[.]/g, '\\.')));
  });

  it('accepts the email in any letter case', async () => {
    const user = await buildUser(ctx.database.db, { email: 'Mixed.Case@Example.org' });
    const response = await signIn(new Agent(ctx.app), 'mixed.case@example.ORG', user.password);
    assert.equal(response.statusCode, 303);
  });

  it('rotates the session: the cookie from before sign-in no longer works', async () => {
    const user = await buildUser(ctx.database.db);
    const agent = new Agent(ctx.app);
    await signIn(agent, user.email, TEST_PASSWORD);
    const first = agent.cookies.get('puente_session');
    await signIn(agent, user.email, TEST_PASSWORD);
    const second = agent.cookies.get('puente_session');
    assert.notEqual(first, second);
    const stale = await ctx.app.inject({
      url: '/en/account',
      headers: { cookie: `puente_session=${first}` },
    });
    assert.equal(stale.statusCode, 401);
  });

  it('shows a localized error next to the password field when the password is wrong', async () => {
    const cases = [
      ['fr', 'Adresse électronique ou mot de passe incorrect.'],
      ['es', 'Correo electrónico o contraseña incorrectos.'],
      ['en', 'The email address or the password is not correct.'],
      ['pt', 'O endereço de e-mail ou a palavra-passe não estão corretos.'],
    ] as const;
    for (const [lang, message] of cases) {
      const user = await buildUser(ctx.database.db); // one account each: three failures throttle an account here
      const response = await signIn(new Agent(ctx.app), user.email, 'wrong password', lang);
      assert.equal(response.statusCode, 400);
      assert.ok(
        response.body.includes(`id="field-password-error">${message}</p>`),
        `${lang}: error beside the field`,
      );
      assert.ok(response.body.includes(`value="${user.email}"`), 'the email is kept in the form');
    }
  });

  it('does not reveal whether an account exists', async () => {
    const response = await signIn(new Agent(ctx.app), 'nobody@example.org', 'whatever password');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /The email address or the password is not correct\./);
  });

  it('names the missing fields in the language of the page', async () => {
    const response = await new Agent(ctx.app).postForm('/es/login', { email: 'not-an-email' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-email-error">«email» no tiene la forma esperada \(email\)\./);
    assert.match(response.body, /id="field-password-error">«password» es obligatorio\./);
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const user = await buildUser(ctx.database.db);
    for (let i = 0; i < 3; i++) await signIn(new Agent(ctx.app), user.email, 'wrong');
    const response = await signIn(new Agent(ctx.app), user.email, TEST_PASSWORD);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Too many failed sign-in attempts/);
  });

  it('throttles an address that tries many accounts', async () => {
    const user = await buildUser(ctx.database.db);
    for (let i = 0; i < 6; i++) await signIn(new Agent(ctx.app), `someone-${i}@example.org`, 'wrong');
    const response = await signIn(new Agent(ctx.app), user.email, TEST_PASSWORD);
    assert.match(response.body, /Too many failed sign-in attempts/);
  });

  it('stores neither the email nor the address in the throttling table', async () => {
    await signIn(new Agent(ctx.app), 'victim@example.org', 'wrong');
    const rows = await ctx.database.db.selectFrom('login_failures').select('key_hash').execute();
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.match(row.key_hash, /^[0-9a-f]{64}$/);
      assert.ok(!row.key_hash.includes('victim'));
    }
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(ctx.database.db);
    await ctx.database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    assert.equal((await signIn(new Agent(ctx.app), user.email, TEST_PASSWORD)).statusCode, 400);
  });

  it('only follows a local `next` path', async () => {
    const user = await buildUser(ctx.database.db);
    const agent = new Agent(ctx.app);
    const local = await agent.postForm('/en/login', {
      email: user.email,
      password: TEST_PASSWORD,
      next: '/en/admin/users',
    });
    assert.equal(local.headers.location, '/en/admin/users');
    const external = await agent.postForm('/en/login', {
      email: user.email,
      password: TEST_PASSWORD,
      next: '//evil.example/',
    });
    assert.equal(external.headers.location, '/en/account');
  });
});

describe('POST /{lang}/logout', () => {
  it('closes the session in the database and clears the cookie', async () => {
    const user = await buildUser(ctx.database.db);
    const agent = new Agent(ctx.app);
    await signIn(agent, user.email, TEST_PASSWORD);
    const cookie = agent.cookies.get('puente_session');
    const response = await agent.postForm('/en/logout', {});
    assert.equal(response.statusCode, 303);
    assert.equal(agent.cookies.has('puente_session'), false);
    const reused = await ctx.app.inject({
      url: '/en/account',
      headers: { cookie: `puente_session=${cookie}` },
    });
    assert.equal(reused.statusCode, 401);
    assert.equal((await ctx.database.db.selectFrom('sessions').selectAll().execute()).length, 0);
  });
});

describe('password reset', () => {
  it('emails a single-use link that sets a new password and closes other sessions', async () => {
    const user = await buildUser(ctx.database.db, { locale: 'fr' });
    const other = new Agent(ctx.app);
    await signIn(other, user.email, TEST_PASSWORD);

    const agent = new Agent(ctx.app);
    const asked = await agent.postForm('/fr/password/forgot', { email: user.email });
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /Si un compte existe pour cette adresse/);

    const mail = await ctx.smtp.waitFor(
      (m) => m.to.includes(user.email.toLowerCase()) || m.to.includes(user.email),
    );
    assert.equal(mail.subject, 'Puente : réinitialisation de votre mot de passe');
    const link = /http:\/\/localhost:3000(\/fr\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    assert.ok(link, 'the mail carries the link');

    assert.equal((await agent.get(link)).statusCode, 200);
    const mismatch = await agent.postForm(link, {
      password: 'a brand new password',
      confirm: 'something else',
    });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /Les deux mots de passe ne sont pas identiques\./);

    const done = await agent.postForm(link, {
      password: 'a brand new password',
      confirm: 'a brand new password',
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/fr/login?notice=reset');

    assert.equal((await other.get('/fr/account')).statusCode, 401, 'other sessions are closed');
    assert.equal((await signIn(new Agent(ctx.app), user.email, TEST_PASSWORD)).statusCode, 400);
    assert.equal((await signIn(new Agent(ctx.app), user.email, 'a brand new password')).statusCode, 303);

    const reused = await agent.postForm(link, {
      password: 'yet another password',
      confirm: 'yet another password',
    });
    assert.equal(reused.statusCode, 410, 'the link works once');
    assert.match(reused.body, /Ce lien n’est plus valable/);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const response = await new Agent(ctx.app).postForm('/en/password/forgot', {
      email: 'nobody@example.org',
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /If an account exists for this address/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(ctx.smtp.messages.length, 0);
  });

  it('refuses an expired link', async () => {
    const user = await buildUser(ctx.database.db);
    await new Agent(ctx.app).postForm('/en/password/forgot', { email: user.email });
    const mail = await ctx.smtp.waitFor(() => true);
    const link = /http:\/\/localhost:3000(\/en\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    await ctx.database.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    assert.equal((await new Agent(ctx.app).get(link)).statusCode, 410);
  });

  it('refuses a short new password with a message naming the field', async () => {
    const user = await buildUser(ctx.database.db);
    await new Agent(ctx.app).postForm('/en/password/forgot', { email: user.email });
    const mail = await ctx.smtp.waitFor(() => true);
    const link = /http:\/\/localhost:3000(\/en\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const response = await new Agent(ctx.app).postForm(link, { password: 'short', confirm: 'short' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /“password” must be at least 10 characters\./);
  });
});

describe('personal API tokens', () => {
  it('are created on the account page, shown once, and work as Bearer tokens until revoked', async () => {
    const user = await buildUser(ctx.database.db);
    const agent = new Agent(ctx.app);
    await signIn(agent, user.email, TEST_PASSWORD);
    const created = await agent.postForm('/en/account/tokens', { name: 'weekly export' });
    assert.equal(created.statusCode, 201);
    const token = /<code>(pnt_[A-Za-z0-9_-]+)<\/code>/.exec(created.body)?.[1];
    assert.ok(token);
    const stored = await ctx.database.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'only a hash is stored');

    const me = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, user.email);

    const revoke = await agent.postForm(`/en/account/tokens/${stored.id}/revoke`, {});
    assert.equal(revoke.statusCode, 303);
    const page = await agent.get(revoke.headers.location as string);
    assert.match(page.body, /The token was revoked\./);
    assert.match(page.body, /Revoked /);
    const after = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(after.statusCode, 401);
    assert.equal(after.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  it('are managed through the API, and one user cannot revoke another’s', async () => {
    const owner = await buildUser(ctx.database.db);
    const intruder = await buildUser(ctx.database.db);
    const ownerToken = await buildApiToken(ctx.database.db, owner.id);
    const intruderToken = await buildApiToken(ctx.database.db, intruder.id);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${ownerToken.token}`, 'content-type': 'application/json' },
      payload: { name: 'ci', unknownField: 'removed' },
    });
    assert.equal(created.statusCode, 201);
    const body = created.json();
    assert.match(body.token, /^pnt_/);
    assert.equal('unknownField' in body, false);

    const stolen = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${body.id}`,
      headers: { authorization: `Bearer ${intruderToken.token}` },
    });
    assert.equal(stolen.statusCode, 404);
    const own = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${body.id}`,
      headers: { authorization: `Bearer ${ownerToken.token}` },
    });
    assert.equal(own.statusCode, 204);
    const list = await ctx.app.inject({
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${ownerToken.token}` },
    });
    assert.equal(list.json().length, 2);
    assert.ok(
      list
        .json()
        .some((t: { id: string; revokedAt: string | null }) => t.id === body.id && t.revokedAt !== null),
    );
  });

  it('rejects a malformed or unknown bearer token with a problem document', async () => {
    for (const header of ['Bearer nope', 'Bearer pnt_unknown', 'Basic abc']) {
      const response = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: header } });
      assert.equal(response.statusCode, 401, header);
      assert.equal(response.json().status, 401);
    }
  });
});
