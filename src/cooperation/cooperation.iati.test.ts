import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase } from '../../test/support/database.ts';
import { buildActors, buildCooperationRecord, buildOrganisation } from '../../test/support/factories.ts';
import { insertIndicatorRow, insertIndicatorValueRow, insertRecordRow } from './cooperation.repository.ts';

/** The IATI 2.03 activity schema, unchanged, kept in the repository so that a fresh clone validates. */
const SCHEMA = path.resolve(import.meta.dirname, '../../test/fixtures/iati-2.03/iati-activities-schema.xsd');
const HOSTILE = 'Niños & <familias> "en tránsito" — l’accueil 🤝 \'ok\'';

/** Runs xmllint; without it the tests skip, except under CI, where a missing xmllint fails. */
function xmllint(args: string[], xml: string): { status: number; stdout: string; stderr: string } | null {
  if (spawnSync('xmllint', ['--version']).error) {
    if (process.env.CI) assert.fail('xmllint is missing: CI must install libxml2-utils');
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'iati-'));
  try {
    const file = path.join(dir, 'activities.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', [...args, file], { encoding: 'utf8' });
    return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
before(async () => {
  ctx = await buildTestApp({ PUENTE_IATI_ORG_PREFIX: 'XM-TEST' });
  world = await buildWorld();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

/** A completed record in three languages between a government, an NGO and a funder, with a budget and two indicators. */
async function buildWorld() {
  const db = ctx.database.db;
  const fixtures = await buildActors(db);
  const ministry = await buildOrganisation(db, {
    name: { es: 'Ministerio de Migración', en: 'Ministry of Migration' },
  });
  const ngo = await buildOrganisation(db, { name: { fr: HOSTILE } });
  const donor = await buildOrganisation(db, { name: { en: 'Donor <Foundation>' } });
  for (const [id, group] of [
    [ministry.id, 'government'],
    [ngo.id, 'civil-society'],
    [donor.id, 'private-sector'],
  ] as const)
    await db.updateTable('organisations').set({ stakeholder_group: group }).where('id', '=', id).execute();
  for (const id of [ministry.id, ngo.id, donor.id])
    await db
      .insertInto('network_memberships')
      .values({ network_id: fixtures.network.id, organisation_id: id, role: 'member' })
      .execute();
  const completed = await insertRecordRow(db, {
    networkId: fixtures.network.id,
    matchId: null,
    originalLanguage: 'es',
    title: { es: HOSTILE, en: 'Children & families in transit', fr: 'Enfants « en transit »' },
    summary: { es: 'Formación de 120 funcionarios <br> & protocolos', en: 'Training for 120 officials' },
    activities: { es: 'Talleres; visitas de estudio' },
    results: { en: 'A shared protocol' },
    resources: {},
    modality: 'triangular',
    thematicAreas: ['counter-trafficking', 'migrant-protection'],
    gcmObjectives: ['7', '10'],
    countries: ['MX', 'GT', 'HN'],
    startsOn: '2024-03-01',
    endsOn: '2025-02-28',
    budgetAmount: 85000.5,
    budgetCurrency: 'USD',
    status: 'completed',
    createdBy: null,
    parties: [
      { organisationId: ngo.id, role: 'provider' },
      { organisationId: ministry.id, role: 'beneficiary' },
      { organisationId: donor.id, role: 'funder' },
      { organisationId: fixtures.owningOrganisation.id, role: 'facilitator' },
    ],
    practiceIds: [],
  });
  const count = await insertIndicatorRow(db, {
    networkId: fixtures.network.id,
    scope: 'record',
    recordId: completed,
    gcmObjective: null,
    originalLanguage: 'es',
    name: { es: 'Funcionarios formados', en: 'Officials trained & certified' },
    description: { en: 'Counted from <attendance> sheets' },
    unitType: 'count',
    unit: { en: 'officials' },
    currency: null,
    baselineValue: 0,
    baselineOn: '2024-03-01',
    targetValue: 120,
    targetOn: '2025-02-28',
    createdBy: null,
  });
  for (const [value, on] of [
    [40, '2024-06-30'],
    [95, '2024-12-31'],
  ] as const)
    await insertIndicatorValueRow(db, {
      indicatorId: count,
      value,
      measuredOn: on,
      source: `Registro "${on}" & <acta>`,
      note: null,
      authorId: null,
    });
  const share = await insertIndicatorRow(db, {
    networkId: fixtures.network.id,
    scope: 'record',
    recordId: completed,
    gcmObjective: null,
    originalLanguage: 'en',
    name: { en: 'Cases referred within 48 hours' },
    description: {},
    unitType: 'percentage',
    unit: {},
    currency: null,
    baselineValue: 60,
    baselineOn: '2024-03-01',
    targetValue: 40,
    targetOn: '2025-02-28',
    createdBy: null,
  });
  await insertIndicatorValueRow(db, {
    indicatorId: share,
    value: 52.5,
    measuredOn: '2024-09-30',
    source: 'Case files',
    note: null,
    authorId: null,
  });
  const underWay = await buildCooperationRecord(db, {
    networkId: fixtures.network.id,
    providerId: fixtures.owningOrganisation.id,
    beneficiaryId: ministry.id,
  });
  return { ...fixtures, completed, underWay };
}

const member = () => {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors.member.apiToken;
  return agent;
};

describe('GET /api/v1/exports/cooperation.iati.xml', () => {
  it('is valid against the IATI 2.03 activity schema, hostile texts included', async () => {
    for (const agent of [new Agent(ctx.app), member()]) {
      const response = await agent.get('/api/v1/exports/cooperation.iati.xml');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^application\/xml/);
      const result = xmllint(['--noout', '--schema', SCHEMA], response.body);
      if (result === null) return; // (not CI) xmllint missing: the structure checks below still ran elsewhere
      assert.equal(result.status, 0, result.stderr);
    }
  });

  it('shows the public completed records only, and members the records under way too', async () => {
    const publicXml = (await new Agent(ctx.app).get('/api/v1/exports/cooperation.iati.xml')).body;
    assert.match(publicXml, /<iati-activities version="2\.03" generated-datetime="\d{4}-\d\d-\d\dT[^"]+"/);
    assert.equal((publicXml.match(/<iati-activity /g) ?? []).length, 1);
    assert.ok(
      publicXml.includes(`<iati-identifier>XM-TEST-matrix-network-${world.completed}</iati-identifier>`),
    );
    assert.ok(!publicXml.includes(world.underWay));
    const memberXml = (await member().get('/api/v1/exports/cooperation.iati.xml')).body;
    assert.equal((memberXml.match(/<iati-activity /g) ?? []).length, 2);
    assert.ok(memberXml.includes(world.underWay));
  });

  it('escapes every text and keeps it whole, per language', async () => {
    const xml = (await new Agent(ctx.app).get('/api/v1/exports/cooperation.iati.xml')).body;
    assert.ok(!xml.includes('<familias>') && !xml.includes('<br>') && !xml.includes('<acta>'));
    const titles = xmllint(['--xpath', "//iati-activity/title/narrative[@xml:lang='es']/text()"], xml);
    if (titles === null) return;
    assert.equal(
      titles.stdout
        .trim()
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
      HOSTILE,
    );
    const languages = xmllint(['--xpath', 'count(//iati-activity/title/narrative)'], xml);
    assert.equal(languages?.stdout.trim(), '3');
  });

  it('maps parties, status, dates, sectors, budget and indicators onto the codelists', async () => {
    const xml = (await new Agent(ctx.app).get('/api/v1/exports/cooperation.iati.xml')).body;
    const count = (xpath: string) => xmllint(['--xpath', `count(${xpath})`], xml)?.stdout.trim();
    if (count('/') === undefined) return;
    assert.equal(count("//participating-org[@role='4'][@type='22']"), '1'); // provider NGO: implementing
    assert.equal(count("//participating-org[@role='2'][@type='10']"), '1'); // beneficiary ministry: accountable
    assert.equal(count("//participating-org[@role='1'][@type='70']"), '1'); // funder: funding
    assert.equal(count("//participating-org[@role='3']"), '1'); // facilitator: extending
    assert.equal(count("//activity-status[@code='4']"), '1');
    assert.equal(count("//activity-date[@type='2'][@iso-date='2024-03-01']"), '1');
    assert.equal(count("//activity-date[@type='4'][@iso-date='2025-02-28']"), '1');
    assert.equal(count('//recipient-country'), '3');
    assert.equal(count("//sector[@vocabulary='1'][@code='15190']"), '1');
    assert.equal(count("//sector[@vocabulary='99']"), '2');
    assert.equal(count("//tag[@vocabulary='99']"), '2');
    assert.equal(count("//collaboration-type[@code='8']"), '1');
    assert.equal(count("//budget/value[@currency='USD'][.='85000.5']"), '1');
    assert.equal(count('//result/indicator'), '2');
    assert.equal(count("//indicator[@measure='1'][@ascending='1']/baseline[@year='2024'][@value='0']"), '1');
    assert.equal(count("//indicator[@measure='2'][@ascending='0']"), '1');
    assert.equal(count("//indicator[@measure='1']/period/actual"), '2');
    assert.equal(count("//indicator[@measure='1']/period/target[@value='120']"), '1');
  });
});

describe('GET /api/v1/cooperation/:id/iati.xml', () => {
  it('answers one completed record to anyone, valid against the schema', async () => {
    const response = await new Agent(ctx.app).get(`/api/v1/cooperation/${world.completed}/iati.xml`);
    assert.equal(response.statusCode, 200);
    assert.equal((response.body.match(/<iati-activity /g) ?? []).length, 1);
    const result = xmllint(['--noout', '--schema', SCHEMA], response.body);
    if (result) assert.equal(result.status, 0, result.stderr);
  });

  it('hides a record under way from the public (404), not from members', async () => {
    const url = `/api/v1/cooperation/${world.underWay}/iati.xml`;
    assert.equal((await new Agent(ctx.app).get(url)).statusCode, 404);
    const response = await member().get(url);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<activity-status code="2"\/>/);
    const result = xmllint(['--noout', '--schema', SCHEMA], response.body);
    if (result) assert.equal(result.status, 0, result.stderr);
  });
});
