import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildOrganisation } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;
let own: string;
let partner: string;

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  own = world.owningOrganisation.id;
  partner = (await buildOrganisation(db, { name: { en: 'IOM' } })).id;
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

function client(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

const relationships = () => db.selectFrom('organisation_relationships').selectAll().execute();
const accreditations = () => db.selectFrom('organisation_accreditations').selectAll().execute();

async function buildFocalPoint(organisationId = own) {
  return db
    .insertInto('focal_points')
    .values({
      organisation_id: organisationId,
      name: 'Ana Pérez',
      email: 'ana@example.org',
      languages: ['es'],
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

const fieldsOf = (body: string) => (JSON.parse(body).errors as { field: string }[]).map((e) => e.field);

describe('POST /api/v1/organisations/{id}/relationships', () => {
  it('records that the organisation is <kind> of another, with its since-date and note', async () => {
    const response = await client('focalOwn').json('POST', `/api/v1/organisations/${own}/relationships`, {
      relatedOrganisationId: partner,
      kind: 'service-provider',
      since: '2016-05-01',
      note: 'Reception centres',
    });
    assert.equal(response.statusCode, 201, response.body);
    const [row] = await relationships();
    assert.equal(row!.organisation_id, own);
    assert.equal(row!.related_organisation_id, partner);
    assert.equal(row!.kind, 'service-provider');
    assert.equal(row!.note, 'Reception centres');
    assert.equal(response.json().id, row!.id);
  });

  it('rejects a relationship to oneself, naming the field, and saves nothing', async () => {
    const response = await client('secretariat').json('POST', `/api/v1/organisations/${own}/relationships`, {
      relatedOrganisationId: own,
      kind: 'partner',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.body), ['relatedOrganisationId']);
    assert.equal((await relationships()).length, 0);
  });

  it('rejects an unknown kind, naming the field', async () => {
    const response = await client('admin').json('POST', `/api/v1/organisations/${own}/relationships`, {
      relatedOrganisationId: partner,
      kind: 'best-friend',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.body), ['kind']);
    assert.equal((await relationships()).length, 0);
  });

  it('rejects an unknown organisation, naming the field', async () => {
    const response = await client('admin').json('POST', `/api/v1/organisations/${own}/relationships`, {
      relatedOrganisationId: '00000000-0000-4000-8000-000000000000',
      kind: 'partner',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.body), ['relatedOrganisationId']);
    assert.equal((await relationships()).length, 0);
  });

  it('rejects a duplicate of the same pair and kind, keeping the first', async () => {
    const body = { relatedOrganisationId: partner, kind: 'partner', note: 'first' };
    const url = `/api/v1/organisations/${own}/relationships`;
    assert.equal((await client('focalOwn').json('POST', url, body)).statusCode, 201);
    const again = await client('focalOwn').json('POST', url, { ...body, note: 'second' });
    assert.equal(again.statusCode, 400);
    assert.deepEqual(fieldsOf(again.body), ['kind']);
    const rows = await relationships();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.note, 'first');
  });

  it('refuses a focal point of another organisation (403), a member (403) and the public (401)', async () => {
    const url = `/api/v1/organisations/${own}/relationships`;
    const body = { relatedOrganisationId: partner, kind: 'partner' };
    assert.equal((await client('focalOther').json('POST', url, body)).statusCode, 403);
    assert.equal((await client('member').json('POST', url, body)).statusCode, 403);
    assert.equal((await client('public').json('POST', url, body)).statusCode, 401);
    assert.equal((await relationships()).length, 0);
  });
});

describe('DELETE /api/v1/organisations/{id}/relationships/{relationshipId}', () => {
  it('removes the relationship (204), then answers 404', async () => {
    const created = await client('focalOwn').json('POST', `/api/v1/organisations/${own}/relationships`, {
      relatedOrganisationId: partner,
      kind: 'partner',
    });
    const url = `/api/v1/organisations/${own}/relationships/${created.json().id}`;
    assert.equal((await client('focalOther').json('DELETE', url)).statusCode, 403);
    assert.equal((await client('focalOwn').json('DELETE', url)).statusCode, 204);
    assert.equal((await relationships()).length, 0);
    assert.equal((await client('focalOwn').json('DELETE', url)).statusCode, 404);
  });
});

describe('POST /{lang}/organisations/{id}/relationships', () => {
  it('records the relationship and goes back to the organisation page (303)', async () => {
    const response = await browser('focalOwn').postForm(`/en/organisations/${own}/relationships`, {
      relatedOrganisationId: partner,
      kind: 'partner',
      since: '2020-01-15',
      note: '',
    });
    assert.equal(response.statusCode, 303, response.body);
    assert.match(response.headers.location as string, new RegExp(`^/en/organisations/${own}`));
    const [row] = await relationships();
    assert.equal(row!.note, null);
  });

  it('shows the form again with a localized error next to the field for a relationship to oneself', async () => {
    const response = await browser('secretariat').postForm(`/fr/organisations/${own}/relationships`, {
      relatedOrganisationId: own,
      kind: 'partner',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#field-relatedOrganisationId"/);
    assert.match(response.body, /ne peut pas être liée à elle-même/);
    assert.equal((await relationships()).length, 0);
  });

  it('shows the error for an unknown kind and for a duplicate', async () => {
    const url = `/en/organisations/${own}/relationships`;
    const unknown = await browser('admin').postForm(url, { relatedOrganisationId: partner, kind: 'nope' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /href="#field-kind"/);
    assert.equal(
      (await browser('admin').postForm(url, { relatedOrganisationId: partner, kind: 'partner' })).statusCode,
      303,
    );
    const duplicate = await browser('admin').postForm(url, {
      relatedOrganisationId: partner,
      kind: 'partner',
    });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /already recorded/);
    assert.equal((await relationships()).length, 1);
  });

  it('refuses a focal point of another organisation', async () => {
    const response = await browser('focalOther').postForm(`/en/organisations/${own}/relationships`, {
      relatedOrganisationId: partner,
      kind: 'partner',
    });
    assert.equal(response.statusCode, 403);
    assert.equal((await relationships()).length, 0);
  });

  it('removes a relationship from the page', async () => {
    const created = await client('focalOwn').json('POST', `/api/v1/organisations/${own}/relationships`, {
      relatedOrganisationId: partner,
      kind: 'partner',
    });
    const response = await browser('focalOwn').postForm(
      `/en/organisations/${own}/relationships/${created.json().id}/delete`,
      {},
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await relationships()).length, 0);
  });
});

describe('accreditations', () => {
  it('lets the secretariat record one granted by an organisation of the directory (API, 201)', async () => {
    const response = await client('secretariat').json('POST', `/api/v1/organisations/${own}/accreditations`, {
      kind: 'Observer status',
      accreditingOrganisationId: partner,
      grantedOn: '2016-09-19',
    });
    assert.equal(response.statusCode, 201, response.body);
    const [row] = await accreditations();
    assert.equal(row!.accrediting_organisation_id, partner);
  });

  it('records one granted by a body outside the directory from the page, and removes it', async () => {
    const response = await browser('admin').postForm(`/en/organisations/${own}/accreditations`, {
      kind: 'Consultative status',
      accreditingBody: 'ECOSOC',
      grantedOn: '2001-01-01',
    });
    assert.equal(response.statusCode, 303, response.body);
    const [row] = await accreditations();
    assert.equal(row!.accrediting_body, 'ECOSOC');
    const removed = await client('secretariat').json(
      'DELETE',
      `/api/v1/organisations/${own}/accreditations/${row!.id}`,
    );
    assert.equal(removed.statusCode, 204);
    assert.equal((await accreditations()).length, 0);
  });

  it('requires who granted it, and rejects an unknown granting organisation', async () => {
    const url = `/api/v1/organisations/${own}/accreditations`;
    const none = await client('secretariat').json('POST', url, { kind: 'Observer status' });
    assert.equal(none.statusCode, 400);
    assert.deepEqual(fieldsOf(none.body), ['accreditingBody']);
    const unknown = await client('secretariat').json('POST', url, {
      kind: 'Observer status',
      accreditingOrganisationId: '00000000-0000-4000-8000-000000000000',
    });
    assert.deepEqual(fieldsOf(unknown.body), ['accreditingOrganisationId']);
    assert.equal((await accreditations()).length, 0);
  });

  it('is not for the organisation’s own focal point (403)', async () => {
    const response = await client('focalOwn').json('POST', `/api/v1/organisations/${own}/accreditations`, {
      kind: 'Observer status',
      accreditingBody: 'IOM Council',
    });
    assert.equal(response.statusCode, 403);
    assert.equal((await accreditations()).length, 0);
  });
});

describe('PUT /api/v1/organisations/{id}/focal-points/{focalPointId}', () => {
  const auditRows = (action: string) =>
    db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it('saves the edit with a new version and audits the changed fields, not their values', async () => {
    const focal = await buildFocalPoint();
    const response = await client('focalOwn').json(
      'PUT',
      `/api/v1/organisations/${own}/focal-points/${focal.id}`,
      { name: 'Ana Pérez', email: 'ana.perez@example.org', languages: ['es'], version: focal.version },
    );
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().version, focal.version + 1);
    const [entry] = await auditRows('focal-point.update');
    assert.equal(entry!.subject_id, focal.id);
    assert.deepEqual((entry!.details as { fields: string[] }).fields, ['email']);
    assert.doesNotMatch(JSON.stringify(entry!.details), /ana\.perez/);
  });

  it('answers 409 on a stale version and overwrites nothing', async () => {
    const focal = await buildFocalPoint();
    const url = `/api/v1/organisations/${own}/focal-points/${focal.id}`;
    const first = await client('secretariat').json('PUT', url, { name: 'First', version: focal.version });
    assert.equal(first.statusCode, 200);
    const stale = await client('focalOwn').json('PUT', url, { name: 'Second', version: focal.version });
    assert.equal(stale.statusCode, 409);
    const row = await db
      .selectFrom('focal_points')
      .selectAll()
      .where('id', '=', focal.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.name, 'First');
    assert.equal((await auditRows('focal-point.update')).length, 1);
  });

  it('refuses a focal point of another organisation (403) and the public (401)', async () => {
    const focal = await buildFocalPoint();
    const url = `/api/v1/organisations/${own}/focal-points/${focal.id}`;
    const body = { name: 'Someone else', version: focal.version };
    assert.equal((await client('focalOther').json('PUT', url, body)).statusCode, 403);
    assert.equal((await client('public').json('PUT', url, body)).statusCode, 401);
    assert.equal((await client('member').json('DELETE', url)).statusCode, 403);
    assert.equal((await auditRows('focal-point.update')).length, 0);
  });

  it('deletes a focal point (204) with an audit entry', async () => {
    const focal = await buildFocalPoint();
    const url = `/api/v1/organisations/${own}/focal-points/${focal.id}`;
    assert.equal((await client('focalOwn').json('DELETE', url)).statusCode, 204);
    const [entry] = await auditRows('focal-point.delete');
    assert.equal(entry!.subject_id, focal.id);
    assert.equal((await client('focalOwn').json('DELETE', url)).statusCode, 404);
  });

  it('answers 404 for a focal point of another organisation under this one', async () => {
    const focal = await buildFocalPoint(world.otherOrganisation.id);
    const response = await client('focalOwn').json(
      'DELETE',
      `/api/v1/organisations/${own}/focal-points/${focal.id}`,
    );
    assert.equal(response.statusCode, 404);
  });
});

describe('POST /{lang}/organisations/{id}/focal-points/{focalPointId}', () => {
  it('saves the edit from the page, audited, and goes back to the organisation (303)', async () => {
    const focal = await buildFocalPoint();
    const response = await browser('focalOwn').postForm(`/en/organisations/${own}/focal-points/${focal.id}`, {
      name: 'Ana Pérez',
      title: 'Coordinator',
      email: 'ana@example.org',
      phone: '',
      languages: 'es, en',
      version: String(focal.version),
    });
    assert.equal(response.statusCode, 303, response.body);
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'focal-point.update')
      .executeTakeFirstOrThrow();
    assert.deepEqual((entry.details as { fields: string[] }).fields, ['title', 'languages']);
  });

  it('shows the saved version beside the submitted one on a stale version (409)', async () => {
    const focal = await buildFocalPoint();
    await client('secretariat').json('PUT', `/api/v1/organisations/${own}/focal-points/${focal.id}`, {
      name: 'Saved meanwhile',
      version: focal.version,
    });
    const response = await browser('focalOwn').postForm(`/en/organisations/${own}/focal-points/${focal.id}`, {
      name: 'Mine',
      version: String(focal.version),
    });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Saved meanwhile/);
    assert.match(response.body, /value="Mine"/);
  });

  it('shows a localized error for an email that is not one', async () => {
    const focal = await buildFocalPoint();
    const response = await browser('focalOwn').postForm(`/en/organisations/${own}/focal-points/${focal.id}`, {
      name: 'Ana',
      email: 'not an email',
      version: String(focal.version),
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#field-email"/);
  });

  it('deletes from the page with an audit entry; refuses a focal point of another organisation', async () => {
    const focal = await buildFocalPoint();
    const url = `/en/organisations/${own}/focal-points/${focal.id}/delete`;
    assert.equal((await browser('focalOther').postForm(url, {})).statusCode, 403);
    assert.equal((await browser('focalOwn').postForm(url, {})).statusCode, 303);
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'focal-point.delete')
      .execute();
    assert.equal(rows.length, 1);
  });
});

describe('the forms linked from the organisation page', () => {
  it('offers its own focal point the relationship form and an edit form per focal point, pre-filled', async () => {
    const focalPoint = await buildFocalPoint();
    const page = await browser('focalOwn').get(`/en/organisations/${own}`);
    assert.match(page.body, new RegExp(`href="/en/organisations/${own}/relationships/new"`));
    assert.match(page.body, new RegExp(`href="/en/organisations/${own}/focal-points/${focalPoint.id}/edit"`));
    assert.doesNotMatch(page.body, /accreditations\/new/, 'accreditations are granted by the secretariat');
    const relationship = await browser('focalOwn').get(`/en/organisations/${own}/relationships/new`);
    assert.equal(relationship.statusCode, 200);
    assert.match(relationship.body, /name="kind"/);
    const edit = await browser('focalOwn').get(`/en/organisations/${own}/focal-points/${focalPoint.id}/edit`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="Ana Pérez"/);
    assert.match(edit.body, new RegExp(`name="version" value="${focalPoint.version}"`));
  });

  it('offers the secretariat the accreditation form, and refuses the forms to others', async () => {
    const page = await browser('secretariat').get(`/fr/organisations/${own}`);
    assert.match(page.body, new RegExp(`href="/fr/organisations/${own}/accreditations/new"`));
    assert.equal(
      (await browser('secretariat').get(`/fr/organisations/${own}/accreditations/new`)).statusCode,
      200,
    );
    assert.equal(
      (await browser('focalOther').get(`/en/organisations/${own}/relationships/new`)).statusCode,
      403,
    );
    assert.equal((await browser('public').get(`/en/organisations/${own}/relationships/new`)).statusCode, 401);
    const focalPoint = await buildFocalPoint(partner);
    assert.equal(
      (await browser('focalOwn').get(`/en/organisations/${own}/focal-points/${focalPoint.id}/edit`))
        .statusCode,
      404,
      'a focal point of another organisation is not found here',
    );
  });
});
