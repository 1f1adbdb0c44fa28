import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase } from '../../test/support/database.ts';
import {
  buildCooperationItem,
  buildNetwork,
  buildOrganisation,
  buildPractice,
  buildUser,
} from '../../test/support/factories.ts';
import { buildSubscription, buildUpdatePost } from '../../test/support/fixtures.subscriptions.ts';
import type { ReceivedMail } from '../../test/support/smtp.ts';
import type { JobContext } from '../jobs/jobs.ts';
import { runDueJobs } from '../jobs/jobs.ts';
import { digestJobs, digestSchedule, duePeriod } from './subscriptions.jobs.ts';

let ctx: TestContext;
const quietLog = { info: () => {}, error: () => {} };

before(async () => {
  ctx = await buildTestApp();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

/** A time zone where it is about noon now, so that every digest is due whatever the hour of the test run. */
function zoneAtNoon(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // hours to add to UTC
  const clamped = Math.max(-12, Math.min(14, offset));
  // Etc/GMT zones have the sign the other way round (Etc/GMT-5 is UTC+5).
  return clamped === 0 ? 'UTC' : `Etc/GMT${clamped > 0 ? '-' : '+'}${Math.abs(clamped)}`;
}

function jobContext(now = new Date()): JobContext {
  return { db: ctx.database.db, mailer: ctx.mailer, config: ctx.config, now, log: quietLog };
}

/** The sweep, then the jobs it enqueued, as an instance would run them. */
async function runDigests(now = new Date()) {
  await digestSchedule.run(jobContext(now));
  await runDueJobs({ ...jobContext(now), now: () => now }, digestJobs, { workerId: 'test', limit: 100 });
}

async function member(options: { locale?: 'fr' | 'es' | 'en' | 'pt'; networkIds?: string[] } = {}) {
  const user = await buildUser(ctx.database.db, {
    locale: options.locale ?? 'en',
    roles: (options.networkIds ?? []).map((networkId) => ({ networkId, role: 'member' as const })),
  });
  await ctx.database.db
    .updateTable('users')
    .set({ time_zone: zoneAtNoon() })
    .where('id', '=', user.id)
    .execute();
  return user;
}

const mailsTo = (email: string) => ctx.smtp.messages.filter((mail) => mail.to.includes(email));

function oneClickUrl(mail: ReceivedMail): string {
  const match = /List-Unsubscribe:\s*<([^>]+)>/i.exec(mail.raw);
  assert.ok(match, 'a List-Unsubscribe header');
  return match[1]!;
}

describe('when a digest is due', () => {
  it('is due from 07:00 in the user’s time zone: daily per local day, weekly per ISO week from Monday', () => {
    const at = (iso: string) => new Date(iso);
    assert.equal(duePeriod('daily', 'UTC', at('2026-11-25T06:59:00Z')), null);
    assert.equal(duePeriod('daily', 'UTC', at('2026-11-25T07:00:00Z'))?.key, '2026-11-25');
    // 07:30 UTC is 01:30 in Mexico City: not yet; 13:30 UTC is 07:30 there.
    assert.equal(duePeriod('daily', 'America/Mexico_City', at('2026-11-25T07:30:00Z')), null);
    assert.equal(duePeriod('daily', 'America/Mexico_City', at('2026-11-25T13:30:00Z'))?.key, '2026-11-25');
    assert.equal(duePeriod('weekly', 'UTC', at('2026-11-23T06:00:00Z')), null, 'Monday before 07:00');
    assert.equal(duePeriod('weekly', 'UTC', at('2026-11-25T10:00:00Z'))?.key, '2026-W48');
    assert.equal(
      duePeriod('weekly', 'UTC', at('2026-11-25T10:00:00Z'))?.start.toISOString(),
      '2026-11-23T07:00:00.000Z',
    );
    assert.equal(
      duePeriod('daily', 'Not/AZone', at('2026-11-25T08:00:00Z'))?.key,
      '2026-11-25',
      'unknown zone: UTC',
    );
  });
});

describe('the digest', () => {
  it('gathers what is new per subscription, only what the user may see, in their language, as HTML and text', async () => {
    const db = ctx.database.db;
    const network = await buildNetwork(db, {
      name: { en: 'Americas working group', es: 'Grupo de trabajo de las Américas' },
    });
    const elsewhere = await buildNetwork(db);
    const organisation = await buildOrganisation(db, { name: { en: 'Cruz Roja', es: 'Cruz Roja' } });
    const user = await member({ locale: 'es', networkIds: [network.id] });
    await buildSubscription(db, {
      userId: user.id,
      source: 'updates',
      name: 'Rutas',
      filters: { category: ['migration-routes'] },
    });
    await buildSubscription(db, {
      userId: user.id,
      source: 'offers',
      name: 'Ofertas en México',
      filters: { country: ['MX'] },
    });
    await buildSubscription(db, {
      userId: user.id,
      source: 'practices',
      name: 'Trata',
      filters: { q: 'trafficking' },
    });

    await buildUpdatePost(db, { networkId: network.id, title: 'Nueva ruta por el Darién' });
    await buildUpdatePost(db, { networkId: network.id, title: 'Solo para miembros', visibility: 'network' });
    await buildUpdatePost(db, {
      networkId: elsewhere.id,
      title: 'Secreto de otra red',
      visibility: 'network',
    });
    await buildUpdatePost(db, { networkId: network.id, title: 'Fondos nuevos', category: 'funding' });
    await buildCooperationItem(db, {
      side: 'offer',
      organisationId: organisation.id,
      networkId: network.id,
      title: { es: 'Capacitación en protección' },
    });
    await buildCooperationItem(db, {
      side: 'offer',
      organisationId: organisation.id,
      networkId: elsewhere.id,
      title: { es: 'Oferta reservada' },
      visibility: 'network',
    });
    await buildPractice(db, {
      organisationId: organisation.id,
      networkId: network.id,
      published: true,
      content: { title: { en: 'Fighting human trafficking at borders' } },
    });

    await runDigests();
    const mails = mailsTo(user.email);
    assert.equal(mails.length, 1, 'one message');
    const mail = mails[0]!;
    assert.match(mail.subject, /novedades en sus suscripciones/);
    assert.match(mail.text, /Nueva ruta por el Darién/);
    assert.match(mail.text, /Solo para miembros/, 'a network-only post of a network of the user');
    assert.doesNotMatch(mail.text, /Secreto de otra red/, 'never a post of a network the user is not in');
    assert.doesNotMatch(mail.text, /Fondos nuevos/, 'not a category the user did not choose');
    assert.match(mail.text, /Capacitación en protección/);
    assert.doesNotMatch(mail.text, /Oferta reservada/);
    assert.match(mail.text, /Fighting human trafficking at borders/);
    assert.match(mail.text, /Gestionar mis suscripciones: http:\/\/localhost:3000\/es\/subscriptions/);
    const html = String(mail.html);
    assert.match(html, /<html lang="es">/);
    assert.match(html, /href="http:\/\/localhost:3000\/es\/practices\/[0-9a-f-]{36}"/);
    assert.match(html, /lang="en">Fighting human trafficking/, 'a title in another language says so');
    assert.match(oneClickUrl(mail), /^http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
    assert.match(mail.raw, /List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click/i);
  });

  it('never carries a network-only post to someone outside that network', async () => {
    const db = ctx.database.db;
    const network = await buildNetwork(db);
    const outsider = await member({ locale: 'fr' });
    await buildSubscription(db, {
      userId: outsider.id,
      source: 'updates',
      filters: { network: [network.slug] },
    });
    await buildUpdatePost(db, { networkId: network.id, title: 'Public post', visibility: 'public' });
    await buildUpdatePost(db, { networkId: network.id, title: 'Members only', visibility: 'network' });
    await runDigests();
    const [mail] = mailsTo(outsider.email);
    assert.ok(mail);
    assert.match(mail.subject, /1 nouveauté/);
    assert.match(mail.text, /Public post/);
    assert.doesNotMatch(mail.text + String(mail.html), /Members only/);
  });

  it('is sent once per period, even when the sweep runs twice or two sweeps run at once', async () => {
    const db = ctx.database.db;
    const network = await buildNetwork(db);
    const user = await member({ networkIds: [network.id] });
    await buildSubscription(db, { userId: user.id, source: 'updates', frequency: 'daily' });
    await buildUpdatePost(db, { networkId: network.id, title: 'Once only' });
    const now = new Date();
    await Promise.all([digestSchedule.run(jobContext(now)), digestSchedule.run(jobContext(now))]);
    await digestSchedule.run(jobContext(now));
    const jobs = await db
      .selectFrom('jobs')
      .select('idempotency_key')
      .where('idempotency_key', 'like', `digest:daily:${user.id}:%`)
      .execute();
    assert.equal(jobs.length, 1);
    await Promise.all([
      runDueJobs({ ...jobContext(now), now: () => now }, digestJobs, { workerId: 'a' }),
      runDueJobs({ ...jobContext(now), now: () => now }, digestJobs, { workerId: 'b' }),
    ]);
    await runDigests(now);
    assert.equal(mailsTo(user.email).length, 1);
  });

  it('sends nothing when nothing is new, and moves on', async () => {
    const db = ctx.database.db;
    const user = await member();
    await buildSubscription(db, {
      userId: user.id,
      source: 'practices',
      filters: { q: 'nothing-matches-this-zzzq' },
    });
    await runDigests();
    assert.equal(mailsTo(user.email).length, 0);
    const settings = await db
      .selectFrom('digest_settings')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.ok(settings.last_sent_at, 'last_sent_at is set');
  });

  it('is retried when the SMTP server is down, and arrives once it is back', async () => {
    const db = ctx.database.db;
    const network = await buildNetwork(db);
    const user = await member({ networkIds: [network.id] });
    await buildSubscription(db, { userId: user.id, source: 'updates', filters: { network: [network.slug] } });
    await buildUpdatePost(db, { networkId: network.id, title: 'Sent after the outage' });
    const now = new Date();
    const down = { send: () => Promise.reject(new Error('connect ECONNREFUSED')), close() {} };
    await digestSchedule.run(jobContext(now));
    const failed = await runDueJobs({ ...jobContext(now), mailer: down, now: () => now }, digestJobs, {
      workerId: 'down',
    });
    assert.ok(failed.retried >= 1);
    const settings = await db
      .selectFrom('digest_settings')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(settings.last_sent_at, null, 'nothing counted as sent');
    const later = new Date(now.getTime() + 10 * 60_000);
    await runDueJobs({ ...jobContext(later), now: () => later }, digestJobs, { workerId: 'up' });
    const mails = mailsTo(user.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /Sent after the outage/);
  });

  it('is not sent to someone whose digests are off', async () => {
    const db = ctx.database.db;
    const network = await buildNetwork(db);
    const user = await member({ networkIds: [network.id] });
    await buildSubscription(db, { userId: user.id, source: 'updates', frequency: 'never' });
    await buildUpdatePost(db, { networkId: network.id });
    await runDigests();
    assert.equal(mailsTo(user.email).length, 0);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  async function digestFor(frequency: 'daily' | 'weekly' = 'weekly') {
    const db = ctx.database.db;
    const network = await buildNetwork(db);
    const user = await member({ locale: 'pt', networkIds: [network.id] });
    const subscriptionId = await buildSubscription(db, {
      userId: user.id,
      source: 'updates',
      name: 'Rotas',
      frequency,
    });
    const otherId = await buildSubscription(db, {
      userId: user.id,
      source: 'practices',
      name: 'Práticas',
      frequency,
    });
    await buildUpdatePost(db, { networkId: network.id, title: 'Something new' });
    await runDigests();
    const [mail] = mailsTo(user.email);
    assert.ok(mail, 'a digest');
    return { user, mail, subscriptionId, otherId };
  }
  const settingsOf = (userId: string) =>
    ctx.database.db
      .selectFrom('digest_settings')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
  const subscriptionsOf = (userId: string) =>
    ctx.database.db.selectFrom('subscriptions').select('id').where('user_id', '=', userId).execute();

  const oneClick = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: new URL(url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: 'List-Unsubscribe=One-Click',
    });

  it('turns digests off from a POST with no cookie and no CSRF token, and says so to a reused link', async () => {
    const { user, mail } = await digestFor();
    const url = oneClickUrl(mail);
    const first = await oneClick(url);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Você não receberá mais resumos/);
    assert.equal((await settingsOf(user.id)).frequency, 'never');
    assert.equal((await subscriptionsOf(user.id)).length, 2, 'subscriptions are kept');

    const again = await oneClick(url);
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /Este link já foi usado/);
  });

  it('answers a tampered link with a clear message and changes nothing', async () => {
    const { user, mail } = await digestFor();
    const url = oneClickUrl(mail);
    const tampered = url.slice(0, -3) + (url.endsWith('AAA') ? 'BBB' : 'AAA');
    // An unknown link names no one: the answer is in the browser's language.
    const response = await oneClick(tampered, { 'accept-language': 'pt-BR,pt;q=0.9' });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Link de cancelamento inválido/);
    assert.equal((await settingsOf(user.id)).frequency, 'weekly');
    const page = await new Agent(ctx.app).get(
      `/es/unsubscribe/${new URL(tampered).pathname.split('/').pop()}`,
    );
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Enlace de baja no válido/);
  });

  it('shows a button on the link’s page (a GET changes nothing), and its button unsubscribes', async () => {
    const { user, mail } = await digestFor();
    const token = new URL(oneClickUrl(mail)).pathname.split('/').pop()!;
    const agent = new Agent(ctx.app);
    const redirect = await agent.get(`/unsubscribe/${token}`);
    assert.equal(redirect.statusCode, 303);
    assert.equal(redirect.headers.location, `/pt/unsubscribe/${token}`);
    const page = await agent.get(`/pt/unsubscribe/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`action="/unsubscribe/${token}"`));
    assert.equal((await settingsOf(user.id)).frequency, 'weekly', 'following the link changed nothing');
    const done = await agent.postForm(
      `/unsubscribe/${token}`,
      { 'List-Unsubscribe': 'One-Click', lang: 'en' },
      { csrf: false },
    );
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /You will receive no more email digests/);
    assert.equal((await settingsOf(user.id)).frequency, 'never');
  });

  it('ends one subscription from its own link in the digest, and only that one', async () => {
    const { user, mail, subscriptionId, otherId } = await digestFor('daily');
    const link =
      /href="http:\/\/localhost:3000\/pt\/unsubscribe\/([A-Za-z0-9_-]+)">Deixar de acompanhar isto/.exec(
        String(mail.html),
      );
    assert.ok(link, 'a link to stop following each subscription');
    const response = await ctx.app.inject({ method: 'POST', url: `/unsubscribe/${link[1]}` });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Esta assinatura foi excluída/);
    const left = (await subscriptionsOf(user.id)).map((row) => row.id);
    assert.deepEqual(left, [otherId]);
    assert.ok(!left.includes(subscriptionId));
    assert.equal((await settingsOf(user.id)).frequency, 'daily', 'digests stay on');
    const again = await ctx.app.inject({ method: 'POST', url: `/unsubscribe/${link[1]}` });
    assert.match(again.body, /Este link já foi usado/);
  });
});
