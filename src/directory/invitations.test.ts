import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildOrganisation, buildUser } from '../../test/support/factories.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp({ PUENTE_INVITATION_DAYS: '7' });
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  ctx.smtp.messages.length = 0;
  fixtures = await buildActors(ctx.database.db);
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

function secretariatAgent(): Agent {
  const agent = new Agent(ctx.app);
  agent.cookies.set('puente_session', fixtures.actors.secretariat.sessionCookie!);
  return agent;
}

async function invite(lang: string, fields: Record<string, string>) {
  return secretariatAgent().postForm(`/${lang}/invitations`, fields);
}

function linkIn(text: string): string {
  const link = /http:\/\/localhost:3000(\/[a-z]{2}\/invitations\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
  assert.ok(link, 'the mail carries the invitation link');
  return link;
}

describe('POST /{lang}/invitations', () => {
  it('emails a single-use link, valid for the configured days, in the language of the page', async () => {
    const response = await invite('es', {
      organisationId: fixtures.owningOrganisation.id,
      networkId: fixtures.network.id,
      name: 'Lucía Gómez',
      email: 'lucia@example.org',
    });
    assert.equal(response.statusCode, 201);
    assert.match(response.body, /Invitación enviada a lucia@example\.org/);
    const mail = await ctx.smtp.waitFor((m) => m.to.includes('lucia@example.org'));
    assert.equal(mail.subject, 'Puente: invitación como punto focal de Owning organisation');
    assert.match(mail.text, /válido 7 días, una sola vez/);
    const row = await ctx.database.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    const days = (new Date(row.expires_at).getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 6.99 && days <= 7, `expires in ${days} days`);
    assert.notEqual(row.token_hash, linkIn(mail.text).split('/').pop(), 'only a hash of the token is stored');
  });

  it('refuses an address that already has an account, an unknown organisation and a bad email, naming the field', async () => {
    const existing = await buildUser(ctx.database.db, { email: 'taken@example.org' });
    const taken = await invite('en', {
      organisationId: fixtures.owningOrganisation.id,
      name: 'X',
      email: existing.email,
    });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /id="field-email-error">An account already exists with this address\./);
    const unknown = await invite('en', {
      organisationId: '00000000-0000-4000-8000-000000000000',
      name: 'X',
      email: 'x@example.org',
    });
    assert.match(unknown.body, /id="field-organisationId-error">This organisation is not in the directory\./);
    const bad = await invite('fr', {
      organisationId: fixtures.owningOrganisation.id,
      name: 'X',
      email: 'pas-une-adresse',
    });
    assert.match(bad.body, /id="field-email-error">« email » n’a pas la forme attendue \(email\)\./);
    assert.equal((await ctx.database.db.selectFrom('invitations').selectAll().execute()).length, 0);
    assert.equal(ctx.smtp.messages.length, 0);
  });

  it('is refused to a secretariat for a network it does not run', async () => {
    const otherNetwork = await ctx.database.db
      .insertInto('networks')
      .values({ slug: 'elsewhere', name: '{"en":"Elsewhere"}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await invite('en', {
      organisationId: fixtures.owningOrganisation.id,
      networkId: otherNetwork.id,
      name: 'X',
      email: 'x@example.org',
    });
    assert.equal(response.statusCode, 403);
  });
});

describe('following an invitation', () => {
  it('creates the account bound to the organisation, a member of the network, signed in', async () => {
    await invite('fr', {
      organisationId: fixtures.owningOrganisation.id,
      networkId: fixtures.network.id,
      name: 'Amadou Diallo',
      email: 'amadou@example.org',
    });
    const link = linkIn((await ctx.smtp.waitFor(() => true)).text);
    const browser = new Agent(ctx.app);
    const form = await browser.get(link);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Vous êtes invité comme point focal de Owning organisation/);
    const short = await browser.postForm(link, {
      name: 'Amadou Diallo',
      password: 'short',
      confirm: 'short',
    });
    assert.equal(short.statusCode, 400);
    const created = await browser.postForm(link, {
      name: 'Amadou Diallo',
      password: 'un mot de passe solide',
      confirm: 'un mot de passe solide',
    });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/fr/account');
    assert.equal((await browser.get('/fr/account')).statusCode, 200);

    const user = await ctx.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'amadou@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(user.organisation_id, fixtures.owningOrganisation.id);
    assert.equal(user.locale, 'fr');
    const role = await ctx.database.db
      .selectFrom('network_roles')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(role.network_id, fixtures.network.id);
    assert.equal(role.role, 'member');
    const focal = await ctx.database.db
      .selectFrom('focal_points')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(focal.organisation_id, fixtures.owningOrganisation.id);
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['invitation.accept', 'invitation.create']);

    const again = await new Agent(ctx.app).postForm(link, {
      name: 'Someone',
      password: 'another strong one',
      confirm: 'another strong one',
    });
    assert.equal(again.statusCode, 410, 'the link works once');
  });

  it('refuses an expired link', async () => {
    await invite('en', {
      organisationId: fixtures.owningOrganisation.id,
      name: 'Late',
      email: 'late@example.org',
    });
    const link = linkIn((await ctx.smtp.waitFor(() => true)).text);
    await ctx.database.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const page = await new Agent(ctx.app).get(link);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /This invitation link is no longer valid/);
    const post = await new Agent(ctx.app).postForm(link, {
      name: 'Late',
      password: 'a strong password',
      confirm: 'a strong password',
    });
    assert.equal(post.statusCode, 410);
    assert.equal(
      (
        await ctx.database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'late@example.org')
          .execute()
      ).length,
      0,
    );
  });
});

describe('POST /api/v1/invitations', () => {
  it('invites with a bearer token, and is refused to a member', async () => {
    const organisation = await buildOrganisation(ctx.database.db, { name: { en: 'API organisation' } });
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: {
        authorization: `Bearer ${fixtures.actors.secretariat.apiToken}`,
        'content-type': 'application/json',
      },
      payload: { organisationId: organisation.id, email: 'api@example.org', name: 'Api Person' },
    });
    assert.equal(ok.statusCode, 201);
    await ctx.smtp.waitFor((m) => m.to.includes('api@example.org'));
    const member = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: {
        authorization: `Bearer ${fixtures.actors.member.apiToken}`,
        'content-type': 'application/json',
      },
      payload: { organisationId: organisation.id, email: 'other@example.org', name: 'Other' },
    });
    assert.equal(member.statusCode, 403);
  });
});
