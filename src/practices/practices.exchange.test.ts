import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { principalOfUser } from '../accounts/index.ts';
import { IMPORT_MAX_BYTES, MAX_REPORTED_ERRORS } from '../directory/exchange.ts';
import type { Principal } from '../http/access.ts';
import { translator } from '../web/i18n.ts';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildNetwork, buildOrganisation, buildPractice } from '../../test/support/factories.ts';
import { checkContent, toContent } from './practices.content.ts';
import { PRACTICE_COLUMNS } from './practices.exchange.columns.ts';
import { checkImportedContent, importPractices, type PracticeImportResult } from './practices.exchange.ts';
import { FEED_SIZE } from './practices.feed.ts';
import * as repo from './practices.repository.ts';
import type { PracticeContentInput } from './practices.schemas.ts';
import { searchPractices } from './practices.search.ts';

const t = translator('en');
let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
let secretariat: Principal;
let organisationId: string;

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  fixtures = await buildActors(ctx.database.db);
  organisationId = fixtures.owningOrganisation.id;
  await ctx.database.db
    .insertInto('network_memberships')
    .values({ network_id: fixtures.network.id, organisation_id: organisationId })
    .execute();
  secretariat = (await principalOfUser(ctx.database.db, fixtures.actors.secretariat.userId!))!;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const db = () => ctx.database.db;
const HEADER = PRACTICE_COLUMNS.map((column) => column.name);
const HXL = PRACTICE_COLUMNS.map((column) => column.hxl);

/** A CSV row in the export's column order; columns not given are empty. */
const record = (cells: Record<string, string>) => HEADER.map((name) => cells[name] ?? '');
const csvOf = (rows: string[][], { hxl = true } = {}) => stringify([HEADER, ...(hxl ? [HXL] : []), ...rows]);

const goodCells = (n: number): Record<string, string> => ({
  network: 'matrix-network',
  organisation_id: organisationId,
  original_language: 'es',
  title_es: `Ventanilla de orientación ${n}`,
  title_en: `Guidance desk ${n}`,
  summary_es:
    'Orientación jurídica para personas migrantes en tránsito, con "comillas", comas y\nun salto de línea.',
  countries: 'MX;GT',
  period_start: '2019-03-01',
  period_end: '2021-06-30',
  ongoing: 'false',
  modality: 'bilateral',
  migration_stages: 'transit',
  target_groups: 'children;women',
  gcm_objectives: '3;7',
  gcm_principles: 'human-rights',
  thematic_areas: 'labour-migration',
  links: 'https://example.org/report Final report\nhttps://example.org/',
  not_communicated: 'evaluation',
});

const importCsv = (text: string | Uint8Array, actor: Principal | 'command-line' = 'command-line', lang = t) =>
  importPractices(
    db(),
    actor,
    typeof text === 'string' ? { format: 'csv', text } : { format: 'csv', bytes: text },
    lang,
  );
const importJson = (items: unknown, actor: Principal | 'command-line' = 'command-line') =>
  importPractices(db(), actor, { format: 'json', text: JSON.stringify(items) }, t);

const problems = (result: PracticeImportResult) => {
  assert.ok(!result.ok, 'the import should have been refused');
  return result.errors.map((error) => [error.row, error.field]);
};

async function count(table: 'practices' | 'practice_versions' | 'practice_search' | 'practice_events') {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db());
  return rows[0]!.n;
}

async function published(content: Partial<PracticeContentInput> = {}) {
  return buildPractice(db(), { organisationId, networkId: fixtures.network.id, published: true, content });
}

describe('importPractices', () => {
  it('publishes each row as makePublic does: a version of kind "import", published, its search row written', async () => {
    const result = await importCsv(csvOf([record(goodCells(1)), record(goodCells(2))]), secretariat);
    assert.deepEqual(result, { ok: true, value: { imported: 2 } });
    const practice = await db()
      .selectFrom('practices as p')
      .innerJoin('practice_versions as v', 'v.id', 'p.published_version_id')
      .select([
        'p.status',
        'p.working_version_id',
        'p.first_published_at',
        'p.created_by',
        'v.kind',
        'v.state',
        'v.number',
        'v.content',
        'v.completeness',
      ])
      .where(sql<boolean>`v.content->'title'->>'en' = 'Guidance desk 1'`)
      .executeTakeFirstOrThrow();
    assert.equal(practice.status, 'published');
    assert.equal(practice.working_version_id, null);
    assert.ok(practice.first_published_at);
    assert.equal(practice.created_by, secretariat.userId);
    assert.deepEqual([practice.kind, practice.state, practice.number], ['import', 'published', 1]);
    assert.deepEqual(practice.content.countries, ['MX', 'GT']);
    assert.deepEqual(practice.content.links, [
      { url: 'https://example.org/report', label: 'Final report' },
      { url: 'https://example.org/' },
    ]);
    assert.match(practice.content.summary.es!, /"comillas", comas y\nun salto/);
    assert.deepEqual(practice.content.notCommunicated, ['evaluation']);
    assert.ok(practice.completeness > 0);
    assert.equal(await count('practice_search'), 2);
    assert.equal(await count('practice_events'), 4, 'created and published, for each');
    const found = await searchPractices(db(), { q: 'ventanilla', country: ['GT'] });
    assert.equal(found.total, 2);
  });

  it('makes drafts of the rows marked draft: a working version, no search row', async () => {
    const result = await importCsv(csvOf([record({ ...goodCells(1), status: 'draft' })]));
    assert.ok(result.ok);
    const practice = await db().selectFrom('practices').selectAll().executeTakeFirstOrThrow();
    assert.equal(practice.status, 'draft');
    assert.equal(practice.published_version_id, null);
    assert.ok(practice.working_version_id);
    assert.equal(await count('practice_search'), 0);
  });

  it('reads a CSV without the HXL row, and keeps a publication date written in the file', async () => {
    const result = await importCsv(
      csvOf([record({ ...goodCells(1), published_at: '2017-05-04' })], { hxl: false }),
    );
    assert.ok(result.ok);
    const practice = await db()
      .selectFrom('practices')
      .select('first_published_at')
      .executeTakeFirstOrThrow();
    assert.equal(new Date(practice.first_published_at!).toISOString(), '2017-05-04T00:00:00.000Z');
    const event = await db()
      .selectFrom('practice_events')
      .select('at')
      .where('kind', '=', 'published')
      .executeTakeFirstOrThrow();
    assert.equal(new Date(event.at).toISOString(), '2017-05-04T00:00:00.000Z', 'the event keeps the date');
  });

  it('imports nothing when one row anywhere is bad, and names the row and column of each problem', async () => {
    const other = await buildOrganisation(db());
    const rows = [
      record(goodCells(1)),
      record({ ...goodCells(2), network: 'no-such-network' }),
      record({ ...goodCells(3), organisation_id: other.id }),
      record({ ...goodCells(4), countries: 'MX;XX', gcm_objectives: '99' }),
      record({ ...goodCells(5), period_start: '2020-01-01', period_end: '2019-01-01' }),
      record({ ...goodCells(6), title_en: 'x'.repeat(301) }),
      record({ ...goodCells(7), status: 'archived', published_at: 'yesterday' }),
      record({ ...goodCells(8), evaluation_en: 'Evaluated.', ongoing: 'maybe' }),
    ];
    const result = await importCsv(csvOf(rows));
    assert.deepEqual(problems(result), [
      [4, 'network'],
      [5, 'organisation_id'],
      [6, 'gcm_objectives'],
      [6, 'countries'],
      [7, 'period_end'],
      [8, 'title_en'],
      [9, 'status'],
      [9, 'published_at'],
      [10, 'ongoing'],
    ]);
    assert.ok(!result.ok);
    const message = (field: string) => result.errors.find((error) => error.field === field)!.message;
    assert.match(message('countries'), /“XX” is not a known value/);
    assert.match(message('title_en'), /“title_en” must be at most 300 characters/);
    assert.match(message('period_end'), /end must come after the start/);
    assert.match(message('organisation_id'), /not a member of this network/);
    assert.equal(await count('practices'), 0);
  });

  it('reports a field marked "not communicated" that is filled, in the not_communicated column', async () => {
    const result = await importCsv(csvOf([record({ ...goodCells(1), evaluation_en: 'Evaluated.' })]));
    assert.deepEqual(problems(result), [[3, 'not_communicated']]);
  });

  it('speaks the importer’s language', async () => {
    const result = await importCsv(
      csvOf([record({ ...goodCells(1), countries: 'XX' })]),
      'command-line',
      translator('es'),
    );
    assert.ok(!result.ok);
    assert.match(result.errors[0]!.message, /no es un valor conocido/);
  });

  it('reports unknown and missing columns in the header, and reads no further', async () => {
    const result = await importCsv('titulo,network,colour\nA,matrix-network,blue\n');
    assert.deepEqual(problems(result), [
      [1, 'titulo'],
      [1, 'colour'],
      [1, 'organisation_id'],
      [1, 'original_language'],
      [1, 'title'],
    ]);
  });

  it('names the row of broken quoting and of a wrong column count', async () => {
    const header = 'network,organisation_id,original_language,title_en';
    const quote = await importCsv(`${header}\nmatrix-network,${organisationId},en,"Unclosed\n`);
    assert.deepEqual(problems(quote), [[2, 'file']]);
    const columns = await importCsv(
      `${header}\nmatrix-network,${organisationId},en,Fine\nmatrix-network,x\n`,
    );
    assert.deepEqual(problems(columns), [[3, 'file']]);
    assert.ok(!columns.ok);
    assert.match(columns.errors[0]!.message, /same number of columns/);
  });

  it('refuses a file that is not UTF-8, one over the size limit, and one with a null character', async () => {
    const latin1 = Buffer.from(
      `network,organisation_id,original_language,title_fr\nmatrix-network,${organisationId},fr,Pratique fran\xe7aise\n`,
      'latin1',
    );
    const encoding = await importCsv(latin1);
    assert.deepEqual(problems(encoding), [[0, 'file']]);
    assert.ok(!encoding.ok);
    assert.match(encoding.errors[0]!.message, /not encoded in UTF-8/);
    const huge = await importCsv(new Uint8Array(IMPORT_MAX_BYTES + 1));
    assert.ok(!huge.ok);
    assert.match(huge.errors[0]!.message, /larger than 32 MB/);
    const nul = await importCsv(csvOf([record({ ...goodCells(1), title_en: 'A\u0000B' })]));
    assert.deepEqual(problems(nul), [[0, 'file']]);
  });

  it(`lists ${MAX_REPORTED_ERRORS} problems of a long bad file, then counts the rest`, async () => {
    const rows = Array.from({ length: 500 }, (_, n) => record({ ...goodCells(n), countries: 'XX' }));
    const result = await importCsv(csvOf(rows));
    assert.ok(!result.ok);
    assert.equal(result.errors.length, MAX_REPORTED_ERRORS);
    assert.equal(result.more, 500 - MAX_REPORTED_ERRORS);
  });

  it('lets the secretariat import only into the networks it runs, and refuses everyone else', async () => {
    await buildNetwork(db(), { slug: 'other-network' });
    const result = await importCsv(
      csvOf([record({ ...goodCells(1), network: 'other-network' })]),
      secretariat,
    );
    assert.deepEqual(problems(result), [[3, 'network']]);
    assert.ok(!result.ok);
    assert.match(result.errors[0]!.message, /not the secretariat of the network “other-network”/);
    const focal = (await principalOfUser(db(), fixtures.actors.focalOwn.userId!))!;
    const refused = await importCsv(csvOf([record(goodCells(1))]), focal);
    assert.ok(!refused.ok && refused.forbidden);
    assert.equal(await count('practices'), 0);
  });

  it('imports a JSON array, naming a bad item by its position and its fields by their path', async () => {
    const good = {
      network: 'matrix-network',
      organisationId,
      originalLanguage: 'fr',
      title: { fr: 'Accueil' },
    };
    const result = await importJson([
      good,
      'not a practice',
      {
        ...good,
        title: { en: 'No French title' },
        smartPrinciples: ['P9'],
        actors: [{ organisationId: crypto.randomUUID(), role: 'partner' }],
      },
    ]);
    assert.deepEqual(problems(result), [
      [2, 'body'],
      [3, 'title.fr'],
      [3, 'smartPrinciples.0'],
      [3, 'actors.0.organisationId'],
    ]);
    assert.deepEqual(problems(await importJson([{ ...good, summary: { fr: 'a\u0000b' } }])), [
      [1, 'summary.fr'],
    ]);
    const [closed, open] = await db()
      .insertInto('practice_calls')
      .values([
        {
          network_id: fixtures.network.id,
          title: JSON.stringify({ en: 'Closed' }),
          opens_on: '2001-01-01',
          closes_on: '2001-12-31',
        },
        {
          network_id: fixtures.network.id,
          title: JSON.stringify({ en: 'Open' }),
          opens_on: '2001-01-01',
          closes_on: '2999-12-31',
        },
      ])
      .returning('id')
      .execute();
    assert.deepEqual(
      problems(
        await importJson([
          { ...good, callId: closed!.id },
          { ...good, callId: open!.id },
        ]),
      ),
      [[1, 'callId']],
    );
    assert.deepEqual(problems(await importJson({ not: 'a list' })), [[0, 'file']]);
    assert.deepEqual(problems(await importJson([])), [[0, 'file']]);
    assert.deepEqual(await importJson([good, { ...good, status: 'draft' }]), {
      ok: true,
      value: { imported: 2 },
    });
  });

  it('rolls everything back when it stops in the middle of the inserts', async () => {
    const rows = Array.from({ length: 1200 }, (_, n) => record(goodCells(n)));
    await assert.rejects(
      importPractices(db(), 'command-line', { format: 'csv', text: csvOf(rows) }, t, (progress) => {
        if (progress.phase === 'insert' && progress.done >= 1000) throw new Error('crash');
      }),
      /crash/,
    );
    for (const table of ['practices', 'practice_versions', 'practice_search', 'practice_events'] as const)
      assert.equal(await count(table), 0, table);
  });

  it('checks each row as checkContent does, reading the database once for the whole file', async () => {
    await db()
      .insertInto('smart_principles')
      .values({
        network_id: fixtures.network.id,
        code: 'P1',
        stage: 'design',
        label: JSON.stringify({ en: 'P1' }),
      })
      .execute();
    const [focal, elsewhere] = await db()
      .insertInto('focal_points')
      .values([
        { organisation_id: organisationId, name: 'Contact' },
        { organisation_id: fixtures.otherOrganisation.id, name: 'Contact elsewhere' },
      ])
      .returning('id')
      .execute();
    const contents = [
      { smartPrinciples: ['P1', 'P2'] },
      {
        actors: [
          { organisationId, role: 'lead' as const },
          { organisationId: crypto.randomUUID(), role: 'funder' as const },
        ],
      },
      { contactFocalPointId: focal!.id, notCommunicated: ['contact' as const, 'actors' as const] },
      { contactFocalPointId: crypto.randomUUID(), countries: ['ZZ'], title: { en: 'Only English' } },
      { notCommunicated: ['actors' as const], actors: [{ organisationId, role: 'partner' as const }] },
      { contactFocalPointId: elsewhere!.id },
      {
        contactFocalPointId: elsewhere!.id,
        actors: [{ organisationId: fixtures.otherOrganisation.id, role: 'partner' as const }],
      },
    ];
    const lookups = {
      principles: new Set([`${fixtures.network.id} P1`]),
      organisations: new Set([organisationId, fixtures.otherOrganisation.id]),
      focalPoints: new Map([
        [focal!.id, organisationId],
        [elsewhere!.id, fixtures.otherOrganisation.id],
      ]),
    };
    for (const extra of contents) {
      const content = toContent({ originalLanguage: 'fr', title: { fr: 'Titre' }, ...extra });
      const expected = await checkContent(db(), content, fixtures.network.id, t, organisationId);
      const actual = await checkImportedContent(
        db(),
        content,
        fixtures.network.id,
        organisationId,
        lookups,
        t,
      );
      const sorted = (errors: { field: string; message: string }[]) =>
        [...errors].sort((a, b) => a.field.localeCompare(b.field) || a.message.localeCompare(b.message));
      assert.deepEqual(sorted(actual), sorted(expected), JSON.stringify(extra));
    }
  });

  it('writes the same search rows as writeSearchRow does, one at a time', async () => {
    const content = toContent({
      originalLanguage: 'pt',
      title: { pt: 'Reunificação familiar', fr: 'Regroupement familial' },
      summary: { pt: 'Apoio às famílias' },
      description: { fr: 'Les familles séparées' },
      lessonsLearned: { pt: 'Paciência' },
      countries: ['BR', 'PT'],
      thematicAreas: ['resettlement'],
      actors: [{ organisationId, role: 'lead' }],
      modality: 'triangular',
      periodStart: '2015-02-01',
    });
    const one = await published();
    const two = await published();
    const at = new Date('2020-01-02T03:04:05.678Z');
    await repo.writeSearchRow(
      db(),
      { id: one.id, networkId: fixtures.network.id, organisationId, firstPublishedAt: at },
      content,
    );
    await repo.writeSearchRows(db(), [
      {
        practice: { id: two.id, networkId: fixtures.network.id, organisationId, firstPublishedAt: at },
        content,
      },
    ]);
    const { rows } = await sql<Record<string, unknown>>`
      SELECT network_id, published_at, year, modality, languages, gcm_objectives, gcm_principles, thematic_areas,
        countries, regions, stages, organisations, document::text AS document
      FROM practice_search WHERE practice_id IN (${one.id}, ${two.id}) ORDER BY practice_id = ${one.id}`.execute(
      db(),
    );
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0], rows[1]);
  });
});

describe('GET /api/v1/exports/practices.csv', () => {
  it('is a CSV download: the header row, the HXL row, then each published practice, texts by language', async () => {
    const practice = await published({
      originalLanguage: 'en',
      title: { en: 'Safe return', es: 'Retorno seguro' },
      countries: ['MX', 'US'],
      notCommunicated: ['evaluation', 'links'],
    });
    await buildPractice(db(), { organisationId, networkId: fixtures.network.id }); // a draft: not exported
    const response = await new Agent(ctx.app).get('/api/v1/exports/practices.csv');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="puente-practices\.csv"/,
    );
    const [header, hxl, ...rows] = parse(response.body) as string[][];
    assert.deepEqual(header, HEADER);
    assert.ok(hxl!.every((tag) => tag.startsWith('#')));
    assert.ok(hxl!.includes('#activity +name +i_es') && hxl!.includes('#country +code +list'));
    assert.equal(rows.length, 1);
    const cells = Object.fromEntries(header!.map((name, index) => [name, rows[0]![index]]));
    assert.equal(cells.id, practice.id);
    assert.equal(cells.url, `http://localhost:3000/en/practices/${practice.id}`);
    assert.equal(cells.network, 'matrix-network');
    assert.equal(cells.organisation_name, 'Owning organisation');
    assert.equal(cells.status, 'published');
    assert.deepEqual([cells.title_en, cells.title_es, cells.title_fr], ['Safe return', 'Retorno seguro', '']);
    assert.equal(cells.countries, 'MX;US');
    assert.equal(cells.not_communicated, 'evaluation;links');
    assert.match(cells.completeness!, /^\d+$/);
  });

  it('applies the search’s filters, the query included', async () => {
    await published({ title: { en: 'Consular registration' }, countries: ['MX'] });
    await published({ title: { en: 'Language courses' }, countries: ['FR'] });
    const rows = async (query: string) =>
      (
        parse((await new Agent(ctx.app).get(`/api/v1/exports/practices.csv?${query}`)).body) as string[][]
      ).slice(2);
    assert.equal((await rows('')).length, 2);
    assert.equal((await rows('country=MX')).length, 1);
    assert.equal((await rows('q=courses')).length, 1);
    assert.equal((await rows('q=courses&country=MX')).length, 0);
  });

  it('exports every match, past the search page’s 1,000 candidates', async () => {
    const rows = Array.from({ length: 1100 }, (_, n) => record(goodCells(n)));
    assert.ok((await importCsv(csvOf(rows))).ok);
    const csv = (await new Agent(ctx.app).get('/api/v1/exports/practices.csv')).body;
    const records = (parse(csv) as string[][]).slice(2);
    assert.equal(records.length, 1100);
    assert.equal(new Set(records.map((cells) => cells[0])).size, 1100, 'each practice once');
  });

  it('re-imports into an empty database as it is, and exports the same file again', async () => {
    assert.ok(
      (
        await importCsv(
          csvOf([record(goodCells(1)), record({ ...goodCells(2), published_at: '2018-01-01' })]),
        )
      ).ok,
    );
    const first = (await new Agent(ctx.app).get('/api/v1/exports/practices.csv')).body;
    await db().deleteFrom('practices').execute();
    assert.deepEqual(await importCsv(first), { ok: true, value: { imported: 2 } });
    const second = (await new Agent(ctx.app).get('/api/v1/exports/practices.csv')).body;
    const withoutIds = (csv: string) => (parse(csv) as string[][]).map((cells) => cells.slice(2));
    assert.deepEqual(withoutIds(second), withoutIds(first));
  });
});

describe('GET /api/v1/exports/practices.json', () => {
  it('is an array in PracticeInput’s shape that re-imports as it is', async () => {
    await published({
      originalLanguage: 'fr',
      title: { fr: 'Accueil' },
      links: [{ url: 'https://example.org/', label: 'Site' }],
    });
    const response = await new Agent(ctx.app).get('/api/v1/exports/practices.json');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const items = response.json() as Record<string, unknown>[];
    assert.equal(items.length, 1);
    assert.deepEqual(items[0]!.title, { fr: 'Accueil' });
    assert.equal(items[0]!.network, 'matrix-network');
    assert.equal(items[0]!.status, 'published');
    assert.ok(!('contactFocalPointId' in items[0]!), 'no person in open data');
    await db().deleteFrom('practices').execute();
    assert.deepEqual(await importJson(items), { ok: true, value: { imported: 1 } });
    const again = (await new Agent(ctx.app).get('/api/v1/exports/practices.json')).json() as Record<
      string,
      unknown
    >[];
    const { id: _a, url: _b, ...before } = items[0]!;
    const { id: _c, url: _d, ...now } = again[0]!;
    assert.deepEqual(now, before);
  });

  it('is an empty array when nothing matches', async () => {
    const response = await new Agent(ctx.app).get('/api/v1/exports/practices.json?country=ZZ');
    assert.deepEqual(response.json(), []);
  });
});

describe('GET /{lang}/practices/export.csv and export.json', () => {
  it('export the current search, with links and organisation names in the page’s language', async () => {
    const practice = await published({ countries: ['CO'] });
    await published({ countries: ['PE'] });
    const csv = await new Agent(ctx.app).get('/es/practices/export.csv?country=CO');
    assert.equal(csv.statusCode, 200);
    const rows = (parse(csv.body) as string[][]).slice(2);
    assert.deepEqual(
      rows.map((cells) => cells[1]),
      [`http://localhost:3000/es/practices/${practice.id}`],
    );
    const json = await new Agent(ctx.app).get('/pt/practices/export.json?country=PE');
    assert.equal((json.json() as unknown[]).length, 1);
  });
});

/** Well-formed XML, checked by xmllint where it is installed (CI installs it). */
function xmllint(xml: string, xpath?: string): string | null {
  const probe = spawnSync('xmllint', ['--version']);
  if (probe.error) {
    if (process.env.CI) assert.fail('xmllint is missing');
    return null;
  }
  const run = spawnSync('xmllint', xpath ? ['--xpath', xpath, '-'] : ['--noout', '-'], {
    input: xml,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

describe('GET /{lang}/practices/feed.atom', () => {
  it('is an Atom feed of the newest publications, titles in the page’s language or else the original', async () => {
    const old = await published({
      originalLanguage: 'en',
      title: { en: 'Older practice', fr: 'Pratique ancienne' },
    });
    const recent = await published({
      originalLanguage: 'es',
      title: { es: 'Práctica <b>reciente</b> & "otra"' },
      summary: { es: 'Resumen' },
    });
    await db()
      .updateTable('practices')
      .set({ first_published_at: new Date('2020-01-01T00:00:00Z') })
      .where('id', '=', old.id)
      .execute();
    await db()
      .updateTable('practice_search')
      .set({ published_at: new Date('2020-01-01T00:00:00Z') })
      .where('practice_id', '=', old.id)
      .execute();
    const response = await new Agent(ctx.app).get('/fr/practices/feed.atom');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/atom\+xml/);
    const xml = response.body;
    xmllint(xml);
    assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    const entries = [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((match) => match[0]);
    assert.equal(entries.length, 2);
    assert.ok(entries[0]!.includes(`http://localhost:3000/fr/practices/${recent.id}`), 'newest first');
    // type="html": the title's markup is escaped, so readers show it as text.
    assert.ok(entries[0]!.includes('Práctica &lt;b>reciente&lt;/b> &amp; &quot;otra&quot;'), entries[0]);
    assert.ok(entries[1]!.includes('Pratique ancienne'));
    assert.ok(entries[1]!.includes('<updated>2020-01-01T00:00:00.000Z</updated>'));
    if (xmllint(xml, "count(//*[local-name()='entry'])") !== null)
      assert.equal(xmllint(xml, "count(//*[local-name()='entry'])")!.trim(), '2');
  });

  it(`follows the search’s filters and carries at most the newest ${FEED_SIZE}`, async () => {
    assert.ok(
      (await importCsv(csvOf(Array.from({ length: FEED_SIZE + 5 }, (_, n) => record(goodCells(n)))))).ok,
    );
    await published({ title: { en: 'In France' }, countries: ['FR'] });
    const all = (await new Agent(ctx.app).get('/en/practices/feed.atom')).body;
    assert.equal([...all.matchAll(/<entry>/g)].length, FEED_SIZE);
    const filtered = (await new Agent(ctx.app).get('/en/practices/feed.atom?country=FR')).body;
    assert.equal([...filtered.matchAll(/<entry>/g)].length, 1);
    assert.match(
      filtered,
      /<link rel="self" href="http:\/\/localhost:3000\/en\/practices\/feed\.atom\?country=FR"\/>/,
    );
    xmllint(filtered);
  });

  it('is a valid empty feed when nothing is published', async () => {
    const response = await new Agent(ctx.app).get('/pt/practices/feed.atom');
    assert.equal(response.statusCode, 200);
    xmllint(response.body);
    assert.doesNotMatch(response.body, /<entry>/);
  });
});

function signedIn(name: 'member' | 'secretariat' | 'admin'): Agent {
  const agent = new Agent(ctx.app);
  agent.cookies.set('puente_session', fixtures.actors[name].sessionCookie!);
  return agent;
}

/** A multipart form as a browser sends it: the CSRF token, the format, and a file. */
async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
) {
  const boundary = '----PuenteTestBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  const all = { _csrf: await agent.csrfToken(), ...fields };
  for (const [name, value] of Object.entries(all))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return agent.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

describe('GET /{lang}/practices/import', () => {
  it('shows the secretariat a file form in its language', async () => {
    const response = await signedIn('secretariat').get('/es/practices/import');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>Importar prácticas<\/h1>/);
    assert.match(response.body, /enctype="multipart\/form-data"/);
    assert.match(response.body, /<label for="field-file">/);
    assert.match(response.body, /<input id="field-file" name="file" type="file"/);
  });

  it('is refused to a member (403) and asks the public to sign in (401)', async () => {
    assert.equal((await signedIn('member').get('/en/practices/import')).statusCode, 403);
    assert.equal((await new Agent(ctx.app).get('/en/practices/import')).statusCode, 401);
  });
});

describe('POST /{lang}/practices/import', () => {
  it('imports an uploaded file and says how many practices it added', async () => {
    const agent = signedIn('secretariat');
    const file = {
      name: 'practices.csv',
      bytes: Buffer.from(csvOf([record(goodCells(1)), record(goodCells(2))])),
    };
    const response = await postMultipart(agent, '/fr/practices/import', { format: '' }, file);
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, '/fr/practices/import?imported=2');
    const page = await agent.get('/fr/practices/import?imported=2');
    assert.match(page.body, /2 pratiques ont été importées/);
    assert.equal(await count('practices'), 2);
  });

  it('shows the report of a bad file by row and column, and imports nothing', async () => {
    const agent = signedIn('secretariat');
    const file = {
      name: 'practices.csv',
      bytes: Buffer.from(csvOf([record(goodCells(1)), record({ ...goodCells(2), countries: 'XX' })])),
    };
    const response = await postMultipart(agent, '/en/practices/import', { format: 'csv' }, file);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<caption>The problem to fix before importing<\/caption>/);
    assert.match(
      response.body,
      /<td>4<\/td><td><code>countries<\/code><\/td><td>“XX” is not a known value.<\/td>/,
    );
    assert.equal(await count('practices'), 0);
  });

  it('takes pasted content too, telling JSON from its first character', async () => {
    const content = JSON.stringify([
      { network: 'matrix-network', organisationId, originalLanguage: 'en', title: { en: 'Pasted' } },
    ]);
    const response = await signedIn('secretariat').postForm('/en/practices/import', { format: '', content });
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(await count('practices'), 1);
  });

  it('asks for a file when there is none, and refuses a file that is not UTF-8', async () => {
    const agent = signedIn('secretariat');
    const empty = await postMultipart(agent, '/en/practices/import', { format: 'csv' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<a href="#field-file">Choose a file or paste its content.<\/a>/);
    const latin1 = await postMultipart(
      agent,
      '/en/practices/import',
      { format: 'csv' },
      { name: 'x.csv', bytes: Buffer.from('title_fr\nfran\xe7ais\n', 'latin1') },
    );
    assert.equal(latin1.statusCode, 400);
    assert.match(latin1.body, /not encoded in UTF-8/);
  });

  it('refuses a multipart form without its CSRF token', async () => {
    const agent = signedIn('secretariat');
    const response = await agent.request({
      method: 'POST',
      url: '/en/practices/import',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="format"\r\n\r\ncsv\r\n--x--\r\n',
    });
    assert.equal(response.statusCode, 403);
  });
});

describe('POST /api/v1/imports/practices', () => {
  it('imports for the secretariat with a token, and answers the report as problem+json', async () => {
    const agent = new Agent(ctx.app);
    agent.bearer = fixtures.actors.secretariat.apiToken;
    const ok = await agent.json('POST', '/api/v1/imports/practices', {
      format: 'csv',
      content: csvOf([record(goodCells(1))]),
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { imported: 1 });
    const bad = await agent.json('POST', '/api/v1/imports/practices', {
      format: 'csv',
      content: Buffer.from(csvOf([record({ ...goodCells(1), modality: 'telepathy' })])).toString('base64'),
      encoding: 'base64',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(
      (bad.json() as { errors: { field: string }[] }).errors.map((error) => error.field),
      ['row 3: modality'],
    );
  });

  it('is refused to a member (403)', async () => {
    const agent = new Agent(ctx.app);
    agent.bearer = fixtures.actors.member.apiToken;
    const response = await agent.json('POST', '/api/v1/imports/practices', { format: 'json', content: '[]' });
    assert.equal(response.statusCode, 403);
  });
});

describe('import of many practices', () => {
  it(
    'imports 2,000 practices in one file, all or nothing, in batches',
    { timeout: 120_000 },
    async (test) => {
      const rows = Array.from({ length: 2000 }, (_, n) => record(goodCells(n)));
      const phases: string[] = [];
      const started = performance.now();
      const result = await importPractices(
        db(),
        'command-line',
        { format: 'csv', text: csvOf(rows) },
        t,
        (progress) => phases.push(`${progress.phase} ${progress.done}/${progress.total}`),
      );
      const seconds = (performance.now() - started) / 1000;
      assert.deepEqual(result, { ok: true, value: { imported: 2000 } });
      assert.ok(
        phases.includes('validate 2000/2000') && phases.includes('insert 2000/2000'),
        phases.join(', '),
      );
      assert.equal(await count('practice_search'), 2000);
      test.diagnostic(
        `imported 2,000 practices in ${seconds.toFixed(1)} s (${Math.round(2000 / seconds)}/s)`,
      );
    },
  );
});
