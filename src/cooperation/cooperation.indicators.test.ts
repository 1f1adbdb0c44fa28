import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  type ActorName,
  buildActors,
  buildCooperationRecord,
  buildIndicator,
  buildOrganisation,
} from '../../test/support/factories.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import { translator } from '../web/i18n.ts';
import { addIndicatorValue, defineIndicator, updateIndicator } from './cooperation.indicators.commands.ts';

let ctx: TestContext;
before(async () => {
  ctx = await buildTestApp();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const t = translator('en');
type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  world = await buildWorld();
});

/**
 * The matrix network with its six callers; a record under way between the owning organisation and
 * a third one, a completed one, and an indicator of each, plus one of the network (0 → 10, at 4).
 */
async function buildWorld() {
  const db = ctx.database.db;
  const fixtures = await buildActors(db);
  const third = await buildOrganisation(db, { name: { en: 'Third organisation' } });
  const parties = {
    networkId: fixtures.network.id,
    providerId: fixtures.owningOrganisation.id,
    beneficiaryId: third.id,
  };
  const underWay = await buildCooperationRecord(db, parties);
  const completed = await buildCooperationRecord(db, { ...parties, status: 'completed' });
  const networkIndicator = await buildIndicator(db, { networkId: fixtures.network.id });
  const underWayIndicator = await buildIndicator(db, { networkId: fixtures.network.id, recordId: underWay });
  const completedIndicator = await buildIndicator(db, {
    networkId: fixtures.network.id,
    recordId: completed,
  });
  const principals = {} as Record<Exclude<ActorName, 'public'>, Principal>;
  for (const name of ['member', 'focalOther', 'focalOwn', 'secretariat', 'admin'] as const)
    principals[name] = await principalOf(fixtures.actors[name].userId!);
  return {
    ...fixtures,
    third,
    underWay,
    completed,
    networkIndicator,
    underWayIndicator,
    completedIndicator,
    principals,
  };
}

async function principalOf(userId: string): Promise<Principal> {
  const db = ctx.database.db;
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('network_roles')
    .select(['network_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  return {
    userId,
    email: user.email,
    name: user.name,
    locale: 'en',
    isAdmin: user.is_admin,
    organisationId: user.organisation_id,
    roles: roles.map((r) => ({ networkId: r.network_id, role: r.role as 'member' | 'secretariat' })),
    via: 'session',
  };
}

function agentFor(name: ActorName, api = false): Agent {
  const agent = new Agent(ctx.app);
  const actor = world.actors[name];
  if (api) agent.bearer = actor.apiToken;
  else if (actor.sessionCookie) agent.cookies.set('puente_session', actor.sessionCookie);
  return agent;
}

const definition = {
  originalLanguage: 'en',
  name: { en: 'Border officials trained', es: 'Funcionarios de frontera formados' },
  unitType: 'count',
  unit: { en: 'officials' },
  baselineValue: 0,
  baselineOn: '2025-01-01',
  targetValue: 120,
  targetOn: '2026-12-31',
};

const countIndicators = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('indicators')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const countValues = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('indicator_values')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const fields = (result: { ok: boolean; errors?: { field: string }[] }) =>
  (result.errors ?? []).map((e) => e.field).sort();

describe('defineIndicator', () => {
  it('lets the secretariat define an indicator of the network and of a GCM objective', async () => {
    const db = ctx.database.db;
    const network = await defineIndicator(
      db,
      world.principals.secretariat,
      { ...definition, scope: 'network', network: world.network.slug },
      t,
    );
    assert.ok(network.ok);
    const objective = await defineIndicator(
      db,
      world.principals.secretariat,
      { ...definition, scope: 'objective', network: world.network.slug, gcmObjective: '23' },
      t,
    );
    assert.ok(objective.ok);
    const row = await db
      .selectFrom('indicators')
      .selectAll()
      .where('id', '=', objective.value.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.scope, 'objective');
    assert.equal(row.gcm_objective, '23');
    assert.equal(row.created_by, world.principals.secretariat.userId);
  });

  it("lets a record's parties and the secretariat define the record's indicators, and nobody else", async () => {
    const db = ctx.database.db;
    const input = { ...definition, scope: 'record', recordId: world.underWay };
    assert.ok((await defineIndicator(db, world.principals.focalOwn, input, t)).ok);
    assert.ok((await defineIndicator(db, world.principals.secretariat, input, t)).ok);
    for (const name of ['focalOther', 'member'] as const)
      await assert.rejects(
        defineIndicator(db, world.principals[name], input, t),
        (error: HttpProblem) => error.kind === 'forbidden',
        name,
      );
  });

  it("refuses a focal point an indicator of the network (the secretariat's)", async () => {
    await assert.rejects(
      defineIndicator(
        ctx.database.db,
        world.principals.focalOwn,
        { ...definition, scope: 'network', network: world.network.slug },
        t,
      ),
      (error: HttpProblem) => error.kind === 'forbidden',
    );
  });

  it('names each field in a value of the wrong unit type, and saves nothing', async () => {
    const before = await countIndicators();
    const define = (changes: Record<string, unknown>) =>
      defineIndicator(
        ctx.database.db,
        world.principals.secretariat,
        { ...definition, scope: 'network', network: world.network.slug, ...changes },
        t,
      );
    const count = await define({ baselineValue: 1.5, targetValue: -2 });
    assert.deepEqual(fields(count), ['baselineValue', 'targetValue']);
    assert.match(count.ok ? '' : count.errors[0]!.message, /Baseline value: a whole number/);
    assert.deepEqual(fields(await define({ unitType: 'percentage', targetValue: 120 })), ['targetValue']);
    assert.deepEqual(fields(await define({ unitType: 'amount', currency: 'USD', baselineValue: -1 })), [
      'baselineValue',
    ]);
    assert.deepEqual(fields(await define({ unitType: 'amount' })), ['currency']);
    const text = await define({ targetValue: 'a lot' });
    assert.deepEqual(fields(text), ['targetValue']);
    assert.match(text.ok ? '' : text.errors[0]!.message, /Target value: enter a number/);
    assert.ok((await define({ unitType: 'score', baselineValue: -3.5, targetValue: 4.25 })).ok);
    assert.equal(await countIndicators(), before + 1);
  });

  it('refuses a target date before the baseline, an unknown objective, a missing name', async () => {
    const define = (changes: Record<string, unknown>) =>
      defineIndicator(
        ctx.database.db,
        world.principals.secretariat,
        { ...definition, scope: 'objective', network: world.network.slug, gcmObjective: '7', ...changes },
        t,
      );
    const before = await countIndicators();
    const late = await define({ targetOn: '2024-12-31' });
    assert.deepEqual(fields(late), ['targetOn']);
    assert.match(late.ok ? '' : late.errors[0]!.message, /target date cannot be before the baseline/);
    assert.deepEqual(fields(await define({ gcmObjective: '24' })), ['gcmObjective']);
    assert.deepEqual(fields(await define({ name: { en: '   ' } })), ['name']);
    assert.deepEqual(fields(await define({ baselineOn: '2025-13-01' })), ['baselineOn']);
    const impossible = await define({ targetOn: '2026-02-30' });
    assert.deepEqual(fields(impossible), ['targetOn']);
    assert.match(impossible.ok ? '' : impossible.errors[0]!.message, /Target date: a date that exists/);
    assert.equal(await countIndicators(), before);
  });

  it('names an unknown record or network', async () => {
    const db = ctx.database.db;
    const record = await defineIndicator(
      db,
      world.principals.admin,
      { ...definition, scope: 'record', recordId: '00000000-0000-4000-8000-000000000000' },
      t,
    );
    assert.deepEqual(fields(record), ['recordId']);
    const network = await defineIndicator(
      db,
      world.principals.admin,
      { ...definition, scope: 'network', network: 'nowhere' },
      t,
    );
    assert.deepEqual(fields(network), ['network']);
  });
});

describe('addIndicatorValue', () => {
  it('adds a dated value with its source, authored by the caller', async () => {
    const db = ctx.database.db;
    const result = await addIndicatorValue(
      db,
      world.principals.focalOwn,
      world.underWayIndicator,
      { value: 7, measuredOn: '2025-09-30', source: 'Training attendance sheets', note: 'Two sessions' },
      t,
    );
    assert.ok(result.ok);
    const row = await db
      .selectFrom('indicator_values')
      .selectAll()
      .where('id', '=', result.value.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(row.value), 7);
    assert.equal(row.author_id, world.principals.focalOwn.userId);
    assert.equal(row.source, 'Training attendance sheets');
  });

  it('refuses a value of the wrong unit type, a missing source, a date before the baseline; saves nothing', async () => {
    const before = await countValues();
    const add = (input: Record<string, unknown>) =>
      addIndicatorValue(
        ctx.database.db,
        world.principals.secretariat,
        world.networkIndicator,
        { value: 5, measuredOn: '2025-09-30', source: 'Register', ...input },
        t,
      );
    assert.deepEqual(fields(await add({ value: 1.5 })), ['value']);
    assert.deepEqual(fields(await add({ value: -1 })), ['value']);
    assert.deepEqual(fields(await add({ value: 'seven' })), ['value']);
    const noSource = await add({ source: '  ' });
    assert.deepEqual(fields(noSource), ['source']);
    assert.match(noSource.ok ? '' : noSource.errors[0]!.message, /source/);
    assert.deepEqual(fields(await add({ measuredOn: '2023-12-31' })), ['measuredOn']);
    assert.deepEqual(fields(await add({ measuredOn: '2025-02-29' })), ['measuredOn']);
    assert.equal(await countValues(), before);
  });

  it('lets only those who manage the indicator add to it', async () => {
    const add = (name: Exclude<ActorName, 'public'>, id: string) =>
      addIndicatorValue(
        ctx.database.db,
        world.principals[name],
        id,
        { value: 5, measuredOn: '2025-09-30', source: 'R' },
        t,
      );
    await assert.rejects(add('focalOwn', world.networkIndicator), (e: HttpProblem) => e.kind === 'forbidden');
    await assert.rejects(
      add('focalOther', world.underWayIndicator),
      (e: HttpProblem) => e.kind === 'forbidden',
    );
    await assert.rejects(add('member', world.underWayIndicator), (e: HttpProblem) => e.kind === 'forbidden');
    assert.ok((await add('admin', world.underWayIndicator)).ok);
  });
});

describe('updateIndicator', () => {
  it('saves from the current version and refuses a stale one', async () => {
    const db = ctx.database.db;
    const input = { ...definition, targetValue: 12, version: 1 };
    const saved = await updateIndicator(db, world.principals.secretariat, world.networkIndicator, input, t);
    assert.deepEqual(saved, { ok: true, value: { id: world.networkIndicator, version: 2 } });
    const stale = await updateIndicator(db, world.principals.secretariat, world.networkIndicator, input, t);
    assert.ok(!stale.ok && 'conflict' in stale);
    const row = await db
      .selectFrom('indicators')
      .selectAll()
      .where('id', '=', world.networkIndicator)
      .executeTakeFirstOrThrow();
    assert.equal(Number(row.target_value), 12);
    assert.equal(row.version, 2);
  });

  it('refuses a unit type that the values already measured would not fit', async () => {
    const db = ctx.database.db;
    await addIndicatorValue(
      db,
      world.principals.secretariat,
      world.networkIndicator,
      { value: 150, measuredOn: '2025-09-30', source: 'R' },
      t,
    );
    const result = await updateIndicator(
      db,
      world.principals.secretariat,
      world.networkIndicator,
      { ...definition, unitType: 'percentage', targetValue: 100, version: 1 },
      t,
    );
    assert.deepEqual(fields(result), ['unitType']);
  });
});

describe('GET /api/v1/indicators', () => {
  it("shows the public the network's indicators and those of completed records, with values and progress", async () => {
    const response = await new Agent(ctx.app).get(`/api/v1/indicators?network=${world.network.slug}`);
    assert.equal(response.statusCode, 200);
    const list = response.json() as {
      id: string;
      progress: number;
      values: { author: string | null; source: string }[];
    }[];
    assert.deepEqual(list.map((i) => i.id).sort(), [world.networkIndicator, world.completedIndicator].sort());
    const network = list.find((i) => i.id === world.networkIndicator)!;
    assert.equal(network.progress, 40);
    assert.equal(network.values[0]!.source, 'Test factories');
  });

  it("shows the network's members every indicator of the network, and filters by record and objective", async () => {
    const member = agentFor('member', true);
    const all = (await member.get(`/api/v1/indicators?network=${world.network.slug}`)).json() as {
      id: string;
    }[];
    assert.equal(all.length, 3);
    const ofRecord = (await member.get(`/api/v1/indicators?record=${world.underWay}`)).json() as {
      id: string;
    }[];
    assert.deepEqual(
      ofRecord.map((i) => i.id),
      [world.underWayIndicator],
    );
    const none = (await member.get('/api/v1/indicators?objective=5')).json() as unknown[];
    assert.deepEqual(none, []);
  });

  it("names a value's author to members only; others see the author's organisation", async () => {
    await addIndicatorValue(
      ctx.database.db,
      world.principals.focalOwn,
      world.completedIndicator,
      { value: 6, measuredOn: '2025-10-01', source: 'Survey' },
      t,
    );
    const authorsFor = async (agent: Agent) =>
      (
        (await agent.get(`/api/v1/indicators/${world.completedIndicator}`)).json() as {
          values: { author: string | null }[];
        }
      ).values.map((v) => v.author);
    assert.deepEqual(await authorsFor(agentFor('member', true)), [null, 'focalOwn']);
    assert.deepEqual(await authorsFor(new Agent(ctx.app)), [null, 'Owning organisation']);
  });
});

describe('GET /api/v1/indicators/:id', () => {
  it('hides the indicator of a record under way from the public and from outsiders, not from its parties', async () => {
    const url = `/api/v1/indicators/${world.underWayIndicator}`;
    assert.equal((await new Agent(ctx.app).get(url)).statusCode, 404);
    assert.equal((await agentFor('focalOwn', true).get(url)).statusCode, 200);
    assert.equal((await agentFor('member', true).get(url)).statusCode, 200);
    assert.equal(
      (await new Agent(ctx.app).get('/api/v1/indicators/00000000-0000-4000-8000-000000000000')).statusCode,
      404,
    );
  });
});

describe('POST /api/v1/indicators, PUT /api/v1/indicators/:id, POST /api/v1/indicators/:id/values', () => {
  it('defines, changes and feeds an indicator through the API', async () => {
    const secretariat = agentFor('secretariat', true);
    const created = await secretariat.json('POST', '/api/v1/indicators', {
      ...definition,
      scope: 'network',
      network: world.network.slug,
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json() as { id: string };
    const changed = await secretariat.json('PUT', `/api/v1/indicators/${id}`, {
      ...definition,
      targetValue: 90,
      version: 1,
    });
    assert.deepEqual(changed.json(), { id, version: 2 });
    const stale = await secretariat.json('PUT', `/api/v1/indicators/${id}`, { ...definition, version: 1 });
    assert.equal(stale.statusCode, 409);
    const value = await secretariat.json('POST', `/api/v1/indicators/${id}/values`, {
      value: 45,
      measuredOn: '2025-06-30',
      source: 'Ministry register',
    });
    assert.equal(value.statusCode, 201);
    const shown = (await new Agent(ctx.app).get(`/api/v1/indicators/${id}`)).json() as {
      progress: number;
      target: unknown;
    };
    assert.equal(shown.progress, 50);
    assert.deepEqual(shown.target, { value: 90, date: '2026-12-31' });
  });

  it('answers bad input with a problem naming the fields, in the caller’s language', async () => {
    const secretariat = agentFor('secretariat', true);
    const response = await secretariat.json(
      'POST',
      `/api/v1/indicators/${world.networkIndicator}/values`,
      { value: 2.5, measuredOn: '2025-06-30', source: 'Registro' },
      { 'accept-language': 'es' },
    );
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /problem\+json/);
    const body = response.json() as { errors: { field: string; message: string }[] };
    assert.deepEqual(
      body.errors.map((e) => e.field),
      ['value'],
    );
    assert.match(body.errors.find((e) => e.field === 'value')!.message, /número entero/);
    const noSource = await secretariat.json('POST', `/api/v1/indicators/${world.networkIndicator}/values`, {
      value: 2,
      measuredOn: '2025-06-30',
      source: '',
    });
    assert.deepEqual(
      (noSource.json() as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['source'],
    );
    const invalid = await secretariat.json('POST', '/api/v1/indicators', {
      ...definition,
      scope: 'objective',
      network: world.network.slug,
      gcmObjective: '42',
      targetOn: '2020-01-01',
    });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual((invalid.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort(), [
      'gcmObjective',
      'targetOn',
    ]);
  });

  it("refuses a focal point of another organisation the record's indicator (403)", async () => {
    const response = await agentFor('focalOther', true).json(
      'POST',
      `/api/v1/indicators/${world.underWayIndicator}/values`,
      {
        value: 1,
        measuredOn: '2025-06-30',
        source: 'x',
      },
    );
    assert.equal(response.statusCode, 403);
  });
});

describe('GET /{lang}/networks/:slug/indicators', () => {
  it('draws each visible indicator as a chart with its data table and its progress in words', async () => {
    const response = await new Agent(ctx.app).get(`/en/networks/${world.network.slug}/indicators`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.equal((html.match(/<svg[^>]*role="img"/g) ?? []).length, 2);
    assert.match(html, /40 % of the way from baseline to target/);
    assert.match(html, /<caption>Measured values of “Indicator [^”]+”<\/caption>/);
    assert.match(
      html,
      /<th scope="col">Date measured<\/th><th scope="col">Value \(people trained\)<\/th><th scope="col">Source<\/th><th scope="col">Entered by<\/th>/,
    );
    assert.equal((html.match(/<h1/g) ?? []).length, 1);
    assert.ok(!html.includes(world.underWayIndicator), 'no indicator of a record under way for the public');
    assert.ok(!html.includes('/indicators/new'), 'no "define" link for the public');
  });

  it('shows members the indicators of records under way, the secretariat the way to define one', async () => {
    const member = await agentFor('member').get(`/en/networks/${world.network.slug}/indicators`);
    assert.ok(member.body.includes(world.underWayIndicator));
    const secretariat = await agentFor('secretariat').get(`/fr/networks/${world.network.slug}/indicators`);
    assert.match(secretariat.body, /href="\/fr\/indicators\/new\?network=matrix-network"/);
    assert.match(secretariat.body, /40 % du chemin entre la valeur de référence et la cible/);
  });

  it('is a 404 for an unknown network', async () => {
    assert.equal((await new Agent(ctx.app).get('/en/networks/nowhere/indicators')).statusCode, 404);
  });
});

describe('GET /{lang}/indicators/:id and POST /{lang}/indicators/:id/values', () => {
  it('offers the add-value form to those who manage the indicator, not to others', async () => {
    const url = `/en/indicators/${world.underWayIndicator}`;
    const party = await agentFor('focalOwn').get(url);
    assert.equal(party.statusCode, 200);
    assert.match(party.body, /action="\/en\/indicators\/[^/]+\/values"/);
    const member = await agentFor('member').get(url);
    assert.equal(member.statusCode, 200);
    assert.ok(!member.body.includes('/values"'));
    assert.equal((await new Agent(ctx.app).get(url)).statusCode, 404);
  });

  it('re-renders the form with the errors next to the fields, then adds a good value', async () => {
    const agent = agentFor('focalOwn');
    const url = `/en/indicators/${world.underWayIndicator}/values`;
    const bad = await agent.postForm(url, { value: '1,5', measuredOn: '2025-09-30', source: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<p class="field__error" id="field-value-error">Value: a whole number/);
    assert.match(bad.body, /id="field-source-error"/);
    assert.match(bad.body, /value="1,5"/);
    const good = await agent.postForm(url, {
      value: '8',
      measuredOn: '2025-09-30',
      source: 'Attendance <sheets> & "lists"',
    });
    assert.equal(good.statusCode, 303);
    const page = await agent.get(String(good.headers.location));
    assert.match(page.body, /The value is added/);
    assert.match(
      page.body,
      /Attendance &lt;sheets> &amp; &quot;lists&quot;|Attendance &lt;sheets&gt; &amp; "lists"/,
    );
    assert.match(page.body, /80 % of the way/);
  });
});

describe('GET /{lang}/indicators/new, POST /{lang}/indicators, GET/POST /{lang}/indicators/:id/edit', () => {
  it('lets a member choose what they may define indicators for', async () => {
    const party = await agentFor('focalOwn').get('/en/indicators/new');
    assert.equal(party.statusCode, 200);
    assert.ok(party.body.includes(`/en/indicators/new?record=${world.underWay}`));
    const member = await agentFor('member').get('/en/indicators/new');
    assert.match(member.body, /There is no network or cooperation you can define indicators for/);
  });

  it("refuses the network's form to a focal point, shows it to the secretariat", async () => {
    const url = `/en/indicators/new?network=${world.network.slug}`;
    assert.equal((await agentFor('focalOwn').get(url)).statusCode, 403);
    const page = await agentFor('secretariat').get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<select id="field-gcmObjective" name="gcmObjective"/);
  });

  it("defines a record's indicator from the form, errors shown next to the fields first", async () => {
    const agent = agentFor('focalOwn');
    const form = {
      scope: 'record',
      recordId: world.underWay,
      originalLanguage: 'es',
      'name.es': 'Personas orientadas',
      unitType: 'percentage',
      baselineValue: '10',
      baselineOn: '2025-01-01',
      targetValue: '120',
      targetOn: '2024-01-01',
    };
    const bad = await agent.postForm('/en/indicators', form);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="field-targetValue-error">Target value: a percentage from 0 to 100/);
    assert.match(bad.body, /id="field-targetOn-error">The target date cannot be before the baseline date/);
    const good = await agent.postForm('/en/indicators', {
      ...form,
      targetValue: '75,5',
      targetOn: '2026-06-30',
    });
    assert.equal(good.statusCode, 303, good.body);
    const page = await agent.get(String(good.headers.location));
    assert.match(page.body, /<h1 class="page-heading"><span lang="es">Personas orientadas/);
    assert.match(page.body, /75\.5 %/);
  });

  it('shows a conflict, keeping what the user typed, when someone saved meanwhile', async () => {
    const agent = agentFor('secretariat');
    const url = `/en/indicators/${world.networkIndicator}/edit`;
    const form = await agent.get(url);
    assert.match(form.body, /name="version" value="1"/);
    await updateIndicator(
      ctx.database.db,
      world.principals.secretariat,
      world.networkIndicator,
      { ...definition, version: 1 },
      t,
    );
    const stale = await agent.postForm(url, {
      version: '1',
      originalLanguage: 'en',
      'name.en': 'My new name',
      unitType: 'count',
      baselineValue: '0',
      baselineOn: '2024-01-01',
      targetValue: '10',
      targetOn: '2026-12-31',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="My new name"/);
    assert.match(stale.body, /name="version" value="2"/);
    assert.equal((await agentFor('focalOther').get(url)).statusCode, 403);
  });

  it('answers a form posted to an id that is not one with a 404, not a crash', async () => {
    const agent = agentFor('admin');
    assert.equal((await agent.postForm('/en/indicators/not-an-id/values', { value: '1' })).statusCode, 404);
    assert.equal((await agent.postForm('/en/indicators/%20/edit', { version: '1' })).statusCode, 404);
    assert.equal(
      (await agent.postForm('/en/indicators', { scope: 'record', recordId: 'x' })).statusCode,
      404,
    );
  });
});
