import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildNetwork } from '../../test/support/factories.ts';
import { translator } from '../web/i18n.ts';
import {
  IMPORT_MAX_BYTES,
  ORGANISATION_COLUMNS,
  importMemberships,
  importOrganisations,
  MAX_REPORTED_ERRORS,
} from './exchange.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
const t = translator('en');

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  fixtures = await buildActors(ctx.database.db);
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const HEADER = ORGANISATION_COLUMNS.map((column) => column.name).join(',');
const HXL = ORGANISATION_COLUMNS.map((column) => column.hxl).join(',');

/** A CSV line in the export's column order; fields not given are empty. */
function line(fields: Record<string, string>): string {
  return ORGANISATION_COLUMNS.map((column) => {
    const value = fields[column.name] ?? '';
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(',');
}

const good = (n: number) =>
  line({
    name_en: `Organisation ${n}`,
    name_es: `Organización ${n}`,
    stakeholder_group: 'civil-society',
    headquarters_country: 'MX',
    countries_served: 'MX;GT;HN',
    thematic_areas: 'counter-trafficking;labour-migration',
    website: `https://example.org/${n}`,
    description_fr: `Une description, avec « des guillemets " » et\nun retour à la ligne (${n})`,
  });

async function organisationCount(): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

const importCsv = (text: string | Uint8Array) =>
  importOrganisations(
    ctx.database.db,
    'command-line',
    { format: 'csv', bytes: typeof text === 'string' ? Buffer.from(text) : text },
    t,
  );

function agentOf(name: 'member' | 'secretariat' | 'admin'): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = fixtures.actors[name].apiToken;
  return agent;
}

describe('GET /api/v1/exports/organisations.csv', () => {
  it('is a CSV download with the header row, then the HXL hashtag row, then public data only', async () => {
    await ctx.database.db
      .insertInto('focal_points')
      .values({
        organisation_id: fixtures.owningOrganisation.id,
        name: 'Secret Person',
        email: 'secret@example.org',
      })
      .execute();
    const response = await new Agent(ctx.app).get('/api/v1/exports/organisations.csv');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="puente-organisations\.csv"/,
    );
    assert.notEqual(response.body.charCodeAt(0), 0xfeff, 'no BOM');
    const [header, hxl, ...rows] = parse(response.body) as string[][];
    assert.deepEqual(
      header,
      ORGANISATION_COLUMNS.map((column) => column.name),
    );
    assert.ok(hxl!.every((tag) => tag.startsWith('#')));
    assert.ok(hxl!.includes('#org +name +i_en') && hxl!.includes('#country +code +served +list'));
    assert.equal(rows.length, 2);
    assert.doesNotMatch(response.body, /Secret Person|secret@example\.org/);
  });

  it('round-trips through import into an empty database: same organisations, same file', async () => {
    const imported = await importCsv([HEADER, HXL, good(1), good(2), good(3)].join('\r\n'));
    assert.deepEqual(imported, { ok: true, imported: 3 });
    const first = (await new Agent(ctx.app).get('/api/v1/exports/organisations.csv')).body;
    await resetDatabase(ctx.database.db);
    const again = await importCsv(first);
    assert.deepEqual(again, { ok: true, imported: 5 });
    const second = (await new Agent(ctx.app).get('/api/v1/exports/organisations.csv')).body;
    const withoutIds = (csv: string) => (parse(csv) as string[][]).map((record) => record.slice(1));
    assert.deepEqual(withoutIds(second), withoutIds(first));
    const organisation = await ctx.database.db
      .selectFrom('organisations')
      .selectAll()
      .where(({ eb, ref }) => eb(ref('name', '->>').key('en'), '=', 'Organisation 2'))
      .executeTakeFirstOrThrow();
    assert.deepEqual(organisation.countries_served, ['MX', 'GT', 'HN']);
    assert.match(organisation.description.fr!, /« des guillemets " » et\nun retour/);
  });
});

describe('GET /api/v1/exports/… (JSON and memberships)', () => {
  it('exports organisations as JSON that re-imports as it is', async () => {
    const json = await new Agent(ctx.app).get('/api/v1/exports/organisations.json');
    assert.equal(json.statusCode, 200);
    const items = json.json() as { id: string; name: { en: string } }[];
    assert.equal(items.length, 2);
    await resetDatabase(ctx.database.db);
    const result = await importOrganisations(
      ctx.database.db,
      'command-line',
      { format: 'json', bytes: Buffer.from(json.body) },
      t,
    );
    assert.deepEqual(result, { ok: true, imported: 2 });
  });

  it('exports memberships with the network slug, role and start date, as CSV with HXL and as JSON', async () => {
    const network = await buildNetwork(ctx.database.db, { slug: 'perco-test' });
    await ctx.database.db
      .insertInto('network_memberships')
      .values({
        network_id: network.id,
        organisation_id: fixtures.owningOrganisation.id,
        role: 'observer',
        since: '2016-04-01',
      })
      .execute();
    const csv = await new Agent(ctx.app).get('/api/v1/exports/memberships.csv');
    const [header, hxl, ...rows] = parse(csv.body) as string[][];
    assert.deepEqual(header, ['organisation_id', 'organisation_name', 'network', 'role', 'since']);
    assert.deepEqual(hxl, ['#org +id', '#org +name', '#group +code', '#org +role', '#date +start']);
    assert.deepEqual(rows, [
      [fixtures.owningOrganisation.id, 'Owning organisation', 'perco-test', 'observer', '2016-04-01'],
    ]);
    const json = await new Agent(ctx.app).get('/api/v1/exports/memberships.json');
    assert.deepEqual(json.json(), [
      {
        organisationId: fixtures.owningOrganisation.id,
        organisationName: 'Owning organisation',
        network: 'perco-test',
        role: 'observer',
        since: '2016-04-01',
      },
    ]);
  });
});

describe('importOrganisations', () => {
  it('imports nothing when one row anywhere is bad, and names its row and field', async () => {
    const before = await organisationCount();
    const rows = [HEADER, HXL];
    for (let n = 1; n <= 50; n++)
      rows.push(
        n === 40
          ? line({
              name_en: 'Bad',
              stakeholder_group: 'civil-society',
              website: 'not a url',
              headquarters_country: 'XX',
            })
          : good(n),
      );
    const result = await importCsv(rows.join('\n'));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    // Header row 1, HXL row 2, organisation 40 on row 42; multi-line cells count as one row.
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.field]),
      [[42, 'website']],
    );
    assert.equal(await organisationCount(), before);
    const codes = await importCsv(
      [
        HEADER,
        good(1),
        line({
          name_en: 'Bad',
          stakeholder_group: 'nope',
          headquarters_country: 'XX',
          thematic_areas: 'counter-trafficking;magic',
        }),
      ].join('\n'),
    );
    assert.ok(!codes.ok);
    assert.deepEqual(
      codes.errors.map((e) => [e.row, e.field]),
      [
        [3, 'stakeholder_group'],
        [3, 'headquarters_country'],
        [3, 'thematic_areas'],
      ],
    );
    assert.match(codes.errors[1]!.message, /“XX” is not an ISO 3166-1/);
    assert.equal(await organisationCount(), before);
  });

  it('rolls everything back when it stops in the middle of the inserts', async () => {
    const before = await organisationCount();
    const rows = [HEADER];
    for (let n = 1; n <= 1200; n++) rows.push(good(n));
    await assert.rejects(
      importOrganisations(
        ctx.database.db,
        'command-line',
        { format: 'csv', bytes: Buffer.from(rows.join('\n')) },
        t,
        {
          onProgress: (progress) => {
            if (progress.phase === 'insert' && progress.done >= 1000) throw new Error('crash');
          },
        },
      ),
      /crash/,
    );
    assert.equal(await organisationCount(), before);
  });

  it('reports unknown columns and a missing name column in the header, and reads no further', async () => {
    const result = await importCsv('nom,stakeholder_group,colour\nAlpha,academia,blue\n');
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.field]),
      [
        [1, 'nom'],
        [1, 'colour'],
        [1, 'name'],
      ],
    );
    assert.match(result.errors[0]!.message, /Unknown column “nom”/);
  });

  it('refuses a file that is not UTF-8, and one over the size limit', async () => {
    const latin1 = Buffer.from(
      'name_fr,stakeholder_group\nCroix-Rouge fran\xe7aise,red-cross-red-crescent\n',
      'latin1',
    );
    const result = await importCsv(latin1);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.field]),
      [[0, 'file']],
    );
    assert.match(result.errors[0]!.message, /not encoded in UTF-8/);
    const huge = await importCsv(new Uint8Array(IMPORT_MAX_BYTES + 1));
    assert.ok(!huge.ok);
    assert.match(huge.errors[0]!.message, /larger than 32 MB/);
  });

  it('names the row of a wrong column count and of an unclosed quote', async () => {
    const count = await importCsv(`name_en,stakeholder_group\nAlpha,academia\n\nBeta,academia,extra\n`);
    assert.ok(!count.ok);
    assert.deepEqual(
      count.errors.map((e) => [e.row, e.field]),
      [[4, 'file']],
    );
    assert.match(count.errors[0]!.message, /same number of columns/);
    const quote = await importCsv(`name_en,stakeholder_group\n"Alpha,academia\n`);
    assert.ok(!quote.ok);
    assert.deepEqual(
      quote.errors.map((e) => [e.row, e.field]),
      [[2, 'file']],
    );
  });

  it('reports a quote opening in the middle of a field (found by the fuzzer) as malformed CSV', async () => {
    for (const text of [' "', `name_en,stakeholder_group\nAl "pha",academia\n`]) {
      const result = await importCsv(text);
      assert.ok(!result.ok);
      assert.deepEqual(
        result.errors.map((e) => e.field),
        ['file'],
      );
    }
  });

  it(`stops listing after ${MAX_REPORTED_ERRORS} problems in 100,000 lines of garbage, and says how many more`, async () => {
    const garbage = ['name_en,stakeholder_group'];
    for (let n = 0; n < 100_000; n++) garbage.push(`x${n},${'?'.repeat(n % 7)}`);
    const started = Date.now();
    const result = await importCsv(garbage.join('\n'));
    assert.ok(!result.ok);
    assert.equal(result.errors.length, MAX_REPORTED_ERRORS);
    assert.equal(result.more, 100_000 - MAX_REPORTED_ERRORS);
    assert.ok(Date.now() - started < 20_000);
    const binary = await importCsv(Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)));
    assert.ok(!binary.ok);
    assert.ok(binary.errors.length <= MAX_REPORTED_ERRORS);
  });

  it('imports a JSON array of organisations, reporting bad items by their position', async () => {
    const before = await organisationCount();
    const items = [
      {
        name: { fr: 'Croix-Rouge française' },
        stakeholderGroup: 'red-cross-red-crescent',
        headquartersCountry: 'FR',
      },
      { name: {}, stakeholderGroup: 'academia' },
      'not an object',
    ];
    const bad = await importOrganisations(
      ctx.database.db,
      'command-line',
      { format: 'json', bytes: Buffer.from(JSON.stringify(items)) },
      t,
    );
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => [e.row, e.field]),
      [
        [2, 'name'],
        [3, 'body'],
      ],
    );
    const fine = await importOrganisations(
      ctx.database.db,
      'command-line',
      { format: 'json', bytes: Buffer.from(JSON.stringify(items.slice(0, 1))) },
      t,
    );
    assert.deepEqual(fine, { ok: true, imported: 1 });
    assert.equal(await organisationCount(), before + 1);
  });
});

describe('POST /api/v1/imports/organisations', () => {
  const body = { format: 'csv', content: [HEADER, HXL, good(1), good(2)].join('\n') };

  it('imports for the secretariat and answers how many', async () => {
    const response = await agentOf('secretariat').json('POST', '/api/v1/imports/organisations', body);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { imported: 2 });
  });

  it('answers a localized problem+json naming row and field, and imports nothing', async () => {
    const before = await organisationCount();
    const response = await agentOf('admin').json(
      'POST',
      '/api/v1/imports/organisations',
      {
        format: 'csv',
        content: [
          HEADER,
          good(1),
          line({ name_es: 'Mala', stakeholder_group: 'academia', website: 'ftp://x' }),
        ].join('\n'),
      },
      { 'accept-language': 'es' },
    );
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const problem = response.json() as { errors: { field: string; message: string }[] };
    assert.equal(problem.errors[0]!.field, 'row 3: website');
    assert.match(problem.errors[0]!.message, /website/);
    assert.equal(await organisationCount(), before);
  });

  it('takes the bytes in base64 and refuses them when they are not UTF-8', async () => {
    const response = await agentOf('admin').json('POST', '/api/v1/imports/organisations', {
      format: 'csv',
      encoding: 'base64',
      content: Buffer.from('name_fr,stakeholder_group\nSoci\xe9t\xe9,academia\n', 'latin1').toString(
        'base64',
      ),
    });
    assert.equal(response.statusCode, 400);
    assert.equal((response.json() as { errors: { field: string }[] }).errors[0]!.field, 'file');
  });

  it('is 403 for a member and 401 for the public', async () => {
    assert.equal(
      (await agentOf('member').json('POST', '/api/v1/imports/organisations', body)).statusCode,
      403,
    );
    assert.equal(
      (await new Agent(ctx.app).json('POST', '/api/v1/imports/organisations', body)).statusCode,
      401,
    );
    assert.equal(await organisationCount(), 2);
  });

  it('says how many more problems there were after the first hundred', async () => {
    const rows = ['name_en,stakeholder_group'];
    for (let n = 0; n < 250; n++) rows.push(`x${n},nope`);
    const response = await agentOf('admin').json('POST', '/api/v1/imports/organisations', {
      format: 'csv',
      content: rows.join('\n'),
    });
    const errors = (response.json() as { errors: { field: string; message: string }[] }).errors;
    assert.equal(errors.length, MAX_REPORTED_ERRORS + 1);
    assert.deepEqual(errors.at(-1), {
      field: 'file',
      message: '150 more problems are not listed. Nothing was imported.',
    });
  });
});

describe('importMemberships', () => {
  async function membershipCount(): Promise<number> {
    const row = await ctx.database.db
      .selectFrom('network_memberships')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  const MEMBERSHIP_HEADER = 'organisation_id,organisation_name,network,role,since';
  const MEMBERSHIP_HXL = '#org +id,#org +name,#group +code,#org +role,#date +start';
  const asSecretariat = (text: string) =>
    importMemberships(
      ctx.database.db,
      secretariatPrincipal(),
      { format: 'csv', bytes: Buffer.from(text) },
      t,
    );
  function secretariatPrincipal() {
    return {
      userId: fixtures.actors.secretariat.userId!,
      isAdmin: false,
      organisationId: null,
      roles: [{ networkId: fixtures.network.id, role: 'secretariat' as const }],
    } as unknown as Parameters<typeof importMemberships>[1];
  }

  it('round-trips the CSV and JSON exports into a database without memberships', async () => {
    const other = await buildNetwork(ctx.database.db, { slug: 'other-network' });
    await ctx.database.db
      .insertInto('network_memberships')
      .values([
        {
          network_id: fixtures.network.id,
          organisation_id: fixtures.owningOrganisation.id,
          role: 'coordinator',
          since: '2016-04-01',
        },
        { network_id: fixtures.network.id, organisation_id: fixtures.otherOrganisation.id, role: 'member' },
        {
          network_id: other.id,
          organisation_id: fixtures.owningOrganisation.id,
          role: 'observer',
          since: '2020-02-29',
        },
      ])
      .execute();
    const csv = (await new Agent(ctx.app).get('/api/v1/exports/memberships.csv')).body;
    const json = (await new Agent(ctx.app).get('/api/v1/exports/memberships.json')).body;
    await ctx.database.db.deleteFrom('network_memberships').execute();
    const fromCsv = await importMemberships(
      ctx.database.db,
      'command-line',
      { format: 'csv', bytes: Buffer.from(csv) },
      t,
    );
    assert.deepEqual(fromCsv, { ok: true, imported: 3 });
    assert.equal((await new Agent(ctx.app).get('/api/v1/exports/memberships.csv')).body, csv);
    await ctx.database.db.deleteFrom('network_memberships').execute();
    const fromJson = await importMemberships(
      ctx.database.db,
      'command-line',
      { format: 'json', bytes: Buffer.from(json) },
      t,
    );
    assert.deepEqual(fromJson, { ok: true, imported: 3 });
    assert.equal((await new Agent(ctx.app).get('/api/v1/exports/memberships.json')).body, json);
  });

  it('imports nothing and names row and field for an unknown network, organisation, role, date or a duplicate', async () => {
    const owning = fixtures.owningOrganisation.id;
    const other = fixtures.otherOrganisation.id;
    await ctx.database.db
      .insertInto('network_memberships')
      .values({ network_id: fixtures.network.id, organisation_id: owning, role: 'member' })
      .execute();
    const before = await membershipCount();
    const result = await importMemberships(
      ctx.database.db,
      'command-line',
      {
        format: 'csv',
        bytes: Buffer.from(
          [
            MEMBERSHIP_HEADER,
            MEMBERSHIP_HXL,
            `${other},Other,matrix-network,observer,2019-05-01`,
            `${other},Other,no-such-network,member,`,
            `${crypto.randomUUID()},Ghost,matrix-network,member,`,
            `not-a-uuid,Ghost,matrix-network,member,`,
            `${other},Other,matrix-network,chair,2019-02-30`,
            `${owning},Owning,matrix-network,member,`,
          ].join('\r\n'),
        ),
      },
      t,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.field]),
      [
        [4, 'network'],
        [5, 'organisation_id'],
        [6, 'organisation_id'],
        [7, 'role'],
        [7, 'since'],
        [7, 'organisation_id'],
        [8, 'organisation_id'],
      ],
    );
    assert.match(result.errors[0]!.message, /No network has the slug “no-such-network”/);
    assert.match(result.errors[5]!.message, /Row 3 already lists this organisation/);
    assert.match(result.errors[6]!.message, /already a member of the network “matrix-network”/);
    assert.equal(await membershipCount(), before);
    const json = await importMemberships(
      ctx.database.db,
      'command-line',
      {
        format: 'json',
        bytes: Buffer.from(
          JSON.stringify([{ organisationId: other, network: 'matrix-network', role: 'boss' }]),
        ),
      },
      t,
    );
    assert.ok(!json.ok);
    assert.deepEqual(
      json.errors.map((e) => [e.row, e.field]),
      [[1, 'role']],
    );
    const header = await importMemberships(
      ctx.database.db,
      'command-line',
      { format: 'csv', bytes: Buffer.from('organisation_id,colour\n') },
      t,
    );
    assert.ok(!header.ok);
    assert.deepEqual(
      header.errors.map((e) => [e.row, e.field]),
      [
        [1, 'colour'],
        [1, 'network'],
        [1, 'role'],
      ],
    );
  });

  it('refuses, row by row, a network the secretariat does not run, and imports nothing', async () => {
    await buildNetwork(ctx.database.db, { slug: 'elsewhere' });
    const other = fixtures.otherOrganisation.id;
    const result = await asSecretariat(
      [MEMBERSHIP_HEADER, `${other},Other,matrix-network,member,`, `${other},Other,elsewhere,member,`].join(
        '\n',
      ),
    );
    assert.ok(!result.ok);
    assert.ok(!result.forbidden);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.field]),
      [[3, 'network']],
    );
    assert.match(result.errors[0]!.message, /not the secretariat of the network “elsewhere”/);
    assert.equal(await membershipCount(), 0);
    const fine = await asSecretariat([MEMBERSHIP_HEADER, `${other},Other,matrix-network,member,`].join('\n'));
    assert.deepEqual(fine, { ok: true, imported: 1 });
  });
});

describe('POST /api/v1/imports/memberships', () => {
  const body = () => ({
    format: 'csv',
    content: `organisation_id,network,role,since\n${fixtures.otherOrganisation.id},matrix-network,member,2021-06-01\n`,
  });

  it('imports for the secretariat of the network and answers how many', async () => {
    const response = await agentOf('secretariat').json('POST', '/api/v1/imports/memberships', body());
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { imported: 1 });
  });

  it('answers a localized problem naming row and field when a network is not the caller’s', async () => {
    await buildNetwork(ctx.database.db, { slug: 'elsewhere' });
    const response = await agentOf('secretariat').json(
      'POST',
      '/api/v1/imports/memberships',
      {
        format: 'json',
        content: JSON.stringify([
          {
            organisationId: fixtures.otherOrganisation.id,
            network: 'elsewhere',
            role: 'member',
            since: null,
          },
        ]),
      },
      { 'accept-language': 'fr' },
    );
    assert.equal(response.statusCode, 400);
    const problem = response.json() as { errors: { field: string; message: string }[] };
    assert.equal(problem.errors[0]!.field, 'row 1: network');
    assert.match(problem.errors[0]!.message, /secrétariat du réseau « elsewhere »/);
  });

  it('is 403 for a member and 401 for the public', async () => {
    assert.equal(
      (await agentOf('member').json('POST', '/api/v1/imports/memberships', body())).statusCode,
      403,
    );
    assert.equal(
      (await new Agent(ctx.app).json('POST', '/api/v1/imports/memberships', body())).statusCode,
      401,
    );
    const count = await ctx.database.db
      .selectFrom('network_memberships')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.count), 0);
  });
});
