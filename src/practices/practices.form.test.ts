import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildNetwork, buildOrganisation, buildPractice } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import type { PracticeContent } from './practices.schemas.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;
let contactId: string;
let foreignContactId: string;
let partnerId: string;

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  const { network, owningOrganisation, otherOrganisation } = world;
  await db
    .insertInto('network_memberships')
    .values({ network_id: network.id, organisation_id: owningOrganisation.id })
    .execute();
  contactId = (
    await db
      .insertInto('focal_points')
      .values({ organisation_id: owningOrganisation.id, name: 'Ana Focal', title: 'Coordinator' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  foreignContactId = (
    await db
      .insertInto('focal_points')
      .values({ organisation_id: otherOrganisation.id, name: 'Bruno Other' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  partnerId = (await buildOrganisation(db, { name: { es: 'Cruz Roja Mexicana' }, acronym: { es: 'CRM' } }))
    .id;
  await db
    .insertInto('smart_principles')
    .values([
      {
        network_id: network.id,
        code: 'P1',
        stage: 'design',
        label: JSON.stringify({
          fr: 'Besoins',
          es: 'Necesidades',
          en: 'Needs and vulnerability',
          pt: 'Necessidades',
        }),
      },
      {
        network_id: network.id,
        code: 'P4',
        stage: 'implementation',
        label: JSON.stringify({ fr: 'Équité', es: 'Equidad', en: 'Fair treatment', pt: 'Equidade' }),
      },
    ])
    .execute();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

/** The smallest form a focal point sends: their network, organisation, language and a title. */
const minimal = (fields: Record<string, string | string[]> = {}) => ({
  network: 'matrix-network',
  organisationId: world.owningOrganisation.id,
  originalLanguage: 'en',
  'title.en': 'Legal orientation for migrants in transit',
  ...fields,
});

async function practiceCount(): Promise<number> {
  const row = await db
    .selectFrom('practices')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function workingContent(id: string): Promise<PracticeContent> {
  const row = await db
    .selectFrom('practices as p')
    .innerJoin('practice_versions as v', 'v.id', 'p.working_version_id')
    .select('v.content')
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow();
  return row.content;
}

/** The text of the error shown next to a control (`field-<name>-error`). */
function errorNextTo(html: string, field: string): string | null {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`id="field-${escaped}-error"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
}

describe('GET /{lang}/practices/new', () => {
  it('asks the public to sign in and refuses a member who is no focal point', async () => {
    assert.equal((await browser('public').get('/en/practices/new')).statusCode, 401);
    assert.equal((await browser('member').get('/en/practices/new')).statusCode, 403);
  });

  it("gives a focal point the form for their organisation in its only network, in the page's language", async () => {
    const page = await browser('focalOwn').get('/fr/practices/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="page-heading">Proposer une pratique<\/h1>/);
    assert.match(page.body, /Textes en français \(langue originale\)/);
    assert.match(page.body, /name="originalLanguage" value="fr"/);
    assert.match(page.body, /name="organisationId" value="[0-9a-f-]{36}"/);
    assert.match(page.body, /<input type="text" id="field-title\.fr" name="title\.fr" lang="fr"/);
    // Translations are there without JavaScript, each in a disclosure of its own.
    assert.match(page.body, /<summary>Traduction en espagnol<\/summary>/);
    assert.match(page.body, /id="field-title\.es"/);
    // The network's principles, the organisation's focal points, the GCM objectives.
    assert.match(page.body, /Conception — P1 : Besoins/);
    assert.match(page.body, /Ana Focal \(Coordinator\)/);
    assert.doesNotMatch(page.body, /Bruno Other/);
    assert.equal((page.body.match(/name="gcmObjectives"/g) ?? []).length, 23);
    assert.equal((page.body.match(/name="gcmPrinciples"/g) ?? []).length, 10);
    assert.equal((page.body.match(/name="thematicAreas"/g) ?? []).length, 9);
    assert.ok((page.body.match(/name="countries"/g) ?? []).length > 240);
    assert.match(page.body, /id="field-notCommunicated\.summary" name="notCommunicated" value="summary"/);
    assert.doesNotMatch(page.body, /value="title"/, 'the title cannot be marked not communicated');
    assert.match(page.body, /Vous pourrez joindre des fichiers/);
  });

  it('speaks the four languages', async () => {
    for (const [lang, heading] of [
      ['fr', 'Proposer une pratique'],
      ['es', 'Proponer una práctica'],
      ['en', 'Submit a practice'],
      ['pt', 'Propor uma prática'],
    ] as const) {
      const page = await browser('focalOwn').get(`/${lang}/practices/new`);
      assert.equal(page.statusCode, 200, lang);
      assert.match(page.body, new RegExp(heading), lang);
      assert.match(page.body, new RegExp(`<html lang="${lang}"`));
    }
  });

  it('asks first for the network when the organisation belongs to several, then shows the form', async () => {
    const second = await buildNetwork(db, { slug: 'perco', name: { en: 'PERCO' } });
    await db
      .insertInto('network_memberships')
      .values({ network_id: second.id, organisation_id: world.owningOrganisation.id })
      .execute();
    const step = await browser('focalOwn').get('/en/practices/new');
    assert.equal(step.statusCode, 200);
    assert.match(step.body, /<form method="get" action="\/en\/practices\/new"/);
    assert.match(step.body, /<option value="perco">PERCO<\/option>/);
    const form = await browser('focalOwn').get(
      `/en/practices/new?network=perco&organisation=${world.owningOrganisation.id}&language=es`,
    );
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Texts in Spanish \(original language\)/);
    assert.match(form.body, /name="network" value="perco"/);
    assert.doesNotMatch(form.body, /P1/, "another network's principles are not offered");
  });

  it('tells a focal point whose organisation belongs to no network that it must join one first', async () => {
    const page = await browser('focalOther').get('/en/practices/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /not a member of any network yet/);
    assert.doesNotMatch(page.body, /name="title\./);
  });

  it('lets the secretariat choose a member organisation, and refuses one outside the network', async () => {
    const step = await browser('secretariat').get('/en/practices/new');
    assert.match(step.body, /Owning organisation/);
    const refused = await browser('secretariat').get(
      `/en/practices/new?network=matrix-network&organisation=${world.otherOrganisation.id}&language=en`,
    );
    assert.equal(refused.statusCode, 400);
    const form = await browser('secretariat').get(
      `/en/practices/new?network=matrix-network&organisation=${world.owningOrganisation.id}&language=en`,
    );
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Ana Focal/);
  });

  it('offers the open calls of the network', async () => {
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await db
      .insertInto('practice_calls')
      .values([
        {
          network_id: world.network.id,
          title: JSON.stringify({ en: 'Call on return' }),
          opens_on: day(-1),
          closes_on: day(30),
        },
        {
          network_id: world.network.id,
          title: JSON.stringify({ en: 'Closed call' }),
          opens_on: day(-30),
          closes_on: day(-2),
        },
      ])
      .execute();
    const page = await browser('focalOwn').get('/en/practices/new');
    assert.match(page.body, /Call on return \(until/);
    assert.doesNotMatch(page.body, /Closed call/);
  });
});

describe('POST /{lang}/practices', () => {
  it('turns the flat form into a draft, ignores empty rows, and opens it for editing', async () => {
    const response = await browser('focalOwn').postForm('/en/practices', {
      ...minimal({ 'title.es': 'Orientación jurídica', 'summary.en': '  Lawyers at the border.  ' }),
      'actors.0.organisationId': world.owningOrganisation.id,
      'actors.0.role': 'lead',
      'actors.2.organisationId': partnerId,
      'actors.2.role': 'partner',
      countries: ['MX', 'GT'],
      periodStart: '2021-03-01',
      periodEnd: '2023-06-30',
      modality: 'bilateral',
      migrationStages: ['transit'],
      targetGroups: ['children'],
      gcmObjectives: ['7', '16'],
      gcmPrinciples: ['human-rights'],
      thematicAreas: ['counter-trafficking'],
      smartPrinciples: ['P1', 'P4'],
      'links.1.url': 'https://example.org/report',
      'links.1.label': 'Final report',
      contactFocalPointId: contactId,
      notCommunicated: ['evaluation', 'challenges'],
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const match = /^\/en\/practices\/([0-9a-f-]{36})\/edit\?notice=created$/.exec(
      response.headers.location as string,
    );
    assert.ok(match, String(response.headers.location));
    const content = await workingContent(match[1]!);
    assert.deepEqual(content.title, {
      en: 'Legal orientation for migrants in transit',
      es: 'Orientación jurídica',
    });
    assert.deepEqual(content.summary, { en: 'Lawyers at the border.' });
    assert.deepEqual(content.actors, [
      { organisationId: world.owningOrganisation.id, role: 'lead' },
      { organisationId: partnerId, role: 'partner' },
    ]);
    assert.deepEqual(content.countries, ['MX', 'GT']);
    assert.equal(content.periodStart, '2021-03-01');
    assert.equal(content.periodEnd, '2023-06-30');
    assert.equal(content.ongoing, false);
    assert.equal(content.modality, 'bilateral');
    assert.deepEqual(content.gcmObjectives, ['7', '16']);
    assert.deepEqual(content.smartPrinciples, ['P1', 'P4']);
    assert.deepEqual(content.links, [{ url: 'https://example.org/report', label: 'Final report' }]);
    assert.equal(content.contactFocalPointId, contactId);
    assert.deepEqual(content.notCommunicated, ['evaluation', 'challenges']);
    const edit = await browser('focalOwn').get(response.headers.location as string);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /The draft is saved/);
  });

  it('refuses a title over 300 characters next to the title, keeping what was typed', async () => {
    const long = 'T'.repeat(301);
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ 'title.en': long, 'summary.en': 'Kept' }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(errorNextTo(response.body, 'title.en'), 'At most 300 characters.');
    assert.match(response.body, new RegExp(`value="${long}"`));
    assert.match(response.body, />Kept<\/textarea>/);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /href="#field-title\.en"/);
    assert.equal(await practiceCount(), 0);
  });

  it('refuses a period that ends before it starts, at the end date', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ periodStart: '2023-01-01', periodEnd: '2022-12-31' }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(errorNextTo(response.body, 'periodEnd'), 'The end must come after the start.');
    assert.match(response.body, /name="periodStart" type="date" value="2023-01-01"/);
    assert.equal(await practiceCount(), 0);
  });

  it('refuses a date that is not one', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ periodStart: '2023-02-30' }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(errorNextTo(response.body, 'periodStart') ?? '', /YYYY-MM-DD/);
  });

  it('refuses an unknown GCM objective and an unknown country sent by hand, next to their lists', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({
        gcmObjectives: ['7', '24'],
        countries: ['MX', 'XX'],
        thematicAreas: ['nope'],
        smartPrinciples: ['P9'],
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(errorNextTo(response.body, 'gcmObjectives'), '“24” is not a known value.');
    assert.equal(errorNextTo(response.body, 'countries'), '“XX” is not a known value.');
    assert.equal(errorNextTo(response.body, 'thematicAreas'), '“nope” is not a known value.');
    assert.equal(errorNextTo(response.body, 'smartPrinciples'), '“P9” is not a known value.');
    assert.match(response.body, /id="gcmObjectives-7" name="gcmObjectives" value="7" checked/);
    assert.equal(await practiceCount(), 0);
  });

  it('refuses a field both filled and marked "information not communicated", at its box', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({
        'summary.es': 'Resumen',
        notCommunicated: ['summary'],
        countries: ['MX'],
        modality: 'regional',
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(errorNextTo(response.body, 'notCommunicated.summary') ?? '', /cannot be marked/);
    const both = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ countries: ['MX'], notCommunicated: ['countries', 'period'], periodStart: '2020-01-01' }),
    );
    assert.match(errorNextTo(both.body, 'notCommunicated.countries') ?? '', /cannot be marked/);
    assert.match(errorNextTo(both.body, 'notCommunicated.period') ?? '', /cannot be marked/);
    assert.equal(await practiceCount(), 0);
  });

  it('shows every error at once: the form’s own and the rules of a practice', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({
        'title.en': '',
        'title.fr': 'Titre',
        periodStart: '2024-01-01',
        periodEnd: '2023-01-01',
        'links.0.url': 'javascript:alert(1)',
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(errorNextTo(response.body, 'title.en'), 'The title is required in the original language.');
    assert.equal(errorNextTo(response.body, 'periodEnd'), 'The end must come after the start.');
    assert.match(errorNextTo(response.body, 'links.0.url') ?? '', /https:\/\//);
  });

  it('points a bad actor row at its own controls', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({
        'actors.0.organisationId': partnerId,
        'actors.0.role': 'lead',
        'actors.3.organisationId': 'not-a-uuid',
        'actors.3.role': 'overlord',
        'actors.4.role': 'partner',
        'actors.5.organisationId': '00000000-0000-4000-8000-000000000000',
        'actors.5.role': 'funder',
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(
      errorNextTo(response.body, 'actors.3.organisationId'),
      'This organisation is not in the directory.',
    );
    assert.equal(errorNextTo(response.body, 'actors.3.role'), 'Choose one of the values offered.');
    assert.equal(
      errorNextTo(response.body, 'actors.4.organisationId'),
      'Choose the organisation of this row.',
    );
    // An organisation that does not exist, found by the command, is shown on the row it came from.
    assert.equal(
      errorNextTo(response.body, 'actors.5.organisationId'),
      'This organisation is not in the directory.',
    );
    assert.equal(errorNextTo(response.body, 'actors.0.organisationId'), null);
  });

  it('refuses a contact who is not a focal point of the submitting organisation', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ contactFocalPointId: foreignContactId }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(
      errorNextTo(response.body, 'contactFocalPointId'),
      'Choose a focal point of the submitting organisation.',
    );
  });

  it('re-renders wrong types as form errors, never a 500', async () => {
    const twice = await browser('focalOwn').postForm('/en/practices', {
      ...minimal(),
      'title.en': ['One', 'Two'],
    });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /class="error-summary"/);
    const wrongLanguage = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ originalLanguage: 'xx' }),
    );
    assert.equal(wrongLanguage.statusCode, 400);
    assert.equal(await practiceCount(), 0);
  });

  it('refuses a NUL character with a 400 naming the field, and saves nothing', async () => {
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ 'summary.en': 'a\u0000b' }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /summary\.en/);
    assert.equal(await practiceCount(), 0);
  });

  it('escapes a hostile string when it shows the form again', async () => {
    const hostile = '"><script>alert(1)</script>';
    const response = await browser('focalOwn').postForm(
      '/en/practices',
      minimal({ 'title.en': hostile, 'summary.en': `</textarea>${hostile}`, periodStart: 'nope' }),
    );
    assert.equal(response.statusCode, 400);
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.match(response.body, /value="&quot;>&lt;script>alert\(1\)&lt;\/script>"/);
    assert.match(response.body, /&lt;\/textarea>/);
  });

  it('refuses a focal point drafting for another organisation (403), and the public (401)', async () => {
    const other = await browser('focalOther').postForm('/en/practices', minimal());
    assert.equal(other.statusCode, 403);
    assert.equal((await browser('public').postForm('/en/practices', minimal())).statusCode, 401);
    assert.equal((await browser('member').postForm('/en/practices', minimal())).statusCode, 403);
    assert.equal(await practiceCount(), 0);
  });

  it('lets the secretariat draft for a member organisation, and not for one outside the network', async () => {
    const ok = await browser('secretariat').postForm('/en/practices', minimal());
    assert.equal(ok.statusCode, 303);
    const outside = await browser('secretariat').postForm(
      '/en/practices',
      minimal({ organisationId: world.otherOrganisation.id }),
    );
    assert.equal(outside.statusCode, 400);
    assert.match(outside.body, /not a member of this network/);
  });

  it('refuses a request without a CSRF token', async () => {
    const response = await browser('focalOwn').postForm('/en/practices', minimal(), { csrf: false });
    assert.equal(response.statusCode, 403);
  });
});

describe('GET /{lang}/practices/{id}/edit', () => {
  it('shows the working draft with its version, to its organisation and the secretariat', async () => {
    const { id } = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
      content: { originalLanguage: 'es', title: { es: 'Orientación', en: 'Orientation' }, countries: ['CO'] },
    });
    const page = await browser('focalOwn').get(`/en/practices/${id}/edit`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<input type="hidden" name="version" value="2"/);
    assert.match(page.body, /Texts in Spanish \(original language\)/);
    assert.match(page.body, /id="field-title\.es" name="title\.es" lang="es"[^>]*value="Orientación"/);
    assert.match(page.body, /<details open><summary>Translation into English/);
    assert.match(page.body, /id="countries-CO" name="countries" value="CO" checked/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.equal((await browser('secretariat').get(`/en/practices/${id}/edit`)).statusCode, 200);
  });

  it('refuses another organisation (403) and the public (401); an unknown practice is 404', async () => {
    const { id } = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
    });
    assert.equal((await browser('focalOther').get(`/en/practices/${id}/edit`)).statusCode, 403);
    assert.equal((await browser('public').get(`/en/practices/${id}/edit`)).statusCode, 401);
    assert.equal(
      (await browser('focalOwn').get(`/en/practices/${crypto.randomUUID()}/edit`)).statusCode,
      404,
    );
    assert.equal((await browser('focalOwn').get('/en/practices/not-an-id/edit')).statusCode, 404);
  });

  it('says why a version under review cannot be edited, instead of a form', async () => {
    const { id } = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
      reviewerId: world.actors.member.userId,
    });
    const page = await browser('focalOwn').get(`/en/practices/${id}/edit`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /under review/);
    assert.doesNotMatch(page.body, /name="title\.en"/);
  });
});

describe('POST /{lang}/practices/{id}/edit', () => {
  async function draft() {
    return buildPractice(db, { organisationId: world.owningOrganisation.id, networkId: world.network.id });
  }

  it('saves the draft in place and comes back to the form', async () => {
    const { id, versionId } = await draft();
    const response = await browser('focalOwn').postForm(`/en/practices/${id}/edit`, {
      version: '2',
      originalLanguage: 'en',
      'title.en': 'Revised title',
      'summary.fr': 'Résumé',
      ongoing: '1',
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.equal(response.headers.location, `/en/practices/${id}/edit?notice=saved`);
    const content = await workingContent(id);
    assert.deepEqual(content.title, { en: 'Revised title' });
    assert.deepEqual(content.summary, { fr: 'Résumé' });
    assert.equal(content.ongoing, true);
    const practice = await db
      .selectFrom('practices')
      .select(['working_version_id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(practice.working_version_id, versionId);
    assert.equal(practice.version, 3);
  });

  it('answers a stale version with a conflict page that keeps what was typed (409)', async () => {
    const { id } = await draft();
    const first = await browser('secretariat').postForm(`/en/practices/${id}/edit`, {
      version: '2',
      originalLanguage: 'en',
      'title.en': 'Saved by the secretariat',
    });
    assert.equal(first.statusCode, 303);
    const late = await browser('focalOwn').postForm(`/en/practices/${id}/edit`, {
      version: '2',
      originalLanguage: 'en',
      'title.en': 'Typed by the focal point',
      'summary.en': 'A long paragraph written meanwhile',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Someone saved this practice while you were editing it/);
    assert.match(late.body, /value="Typed by the focal point"/);
    assert.match(late.body, />A long paragraph written meanwhile<\/textarea>/);
    assert.match(late.body, /Saved by the secretariat/);
    assert.match(late.body, new RegExp(`href="/en/practices/${id}\\?version=working"`));
    assert.match(late.body, /name="version" value="3"/);
    assert.deepEqual((await workingContent(id)).title, { en: 'Saved by the secretariat' });
    // Saving again, knowingly, from the conflict page.
    const again = await browser('focalOwn').postForm(`/en/practices/${id}/edit`, {
      version: '3',
      originalLanguage: 'en',
      'title.en': 'Typed by the focal point',
    });
    assert.equal(again.statusCode, 303);
  });

  it('makes a new draft version of a published practice, which stays public', async () => {
    const { id, versionId } = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
      published: true,
    });
    const form = await browser('focalOwn').get(`/en/practices/${id}/edit`);
    assert.match(form.body, /This practice is published/);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const response = await browser('focalOwn').postForm(`/en/practices/${id}/edit`, {
      version,
      originalLanguage: 'en',
      'title.en': 'A second edition',
    });
    assert.equal(response.statusCode, 303);
    const practice = await db
      .selectFrom('practices')
      .select(['published_version_id', 'working_version_id', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(practice.published_version_id, versionId);
    assert.notEqual(practice.working_version_id, versionId);
    assert.equal(practice.status, 'published');
  });

  it('asks for the version when the form lost it', async () => {
    const { id } = await draft();
    const response = await browser('focalOwn').postForm(`/en/practices/${id}/edit`, {
      originalLanguage: 'en',
      'title.en': 'No version',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /reload the page/);
  });

  it('refuses another organisation (403) before reading the form', async () => {
    const { id } = await draft();
    const response = await browser('focalOther').postForm(`/en/practices/${id}/edit`, { version: 'x' });
    assert.equal(response.statusCode, 403);
  });
});
