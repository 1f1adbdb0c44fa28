/**
 * Loads the bench corpus into a new embedded database through the real import path
 * (`importPractices`, as `puente practices:import` and POST /api/v1/imports/practices do), then
 * does the upkeep PGlite never does by itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { insertNetwork, insertOrganisation } from '../../src/directory/index.ts';
import { importPractices } from '../../src/practices/practices.exchange.ts';
import { translator } from '../../src/web/i18n.ts';
import { type CorpusPractice, NETWORKS, ORGANISATIONS } from './practices-corpus.ts';

/** Practices per importPractices call: one JSON text, one transaction each (the import's limit is 32 MB). */
export const IMPORT_CHUNK = 5_000;

/** The publication time the bench gives practice `index`: one a minute, the newest last. */
export const publishedAtOf = (index: number): number => Date.UTC(2024, 0, 1) + index * 60_000;

/** The networks of the corpus and its organisations, each a member of every network. */
async function prepareDirectory(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const networkIds: string[] = [];
  for (const network of NETWORKS)
    networkIds.push(
      (await insertNetwork(db, { slug: network.slug, name: network.name, description: {} })).id,
    );
  const organisationIds: string[] = [];
  for (let n = 1; n <= ORGANISATIONS; n++)
    organisationIds.push(
      (await insertOrganisation(db, { name: { en: `Bench organisation ${n}` }, acronym: { en: `BO${n}` } }))
        .id,
    );
  await db
    .insertInto('network_memberships')
    .values(
      organisationIds.flatMap((organisationId) =>
        networkIds.map((networkId) => ({ network_id: networkId, organisation_id: organisationId })),
      ),
    )
    .execute();
  return organisationIds;
}

/** One practice as the JSON import reads it (the JSON export's shape). */
function importRecord(practice: CorpusPractice, index: number, organisationIds: string[]) {
  return {
    network: practice.network,
    organisationId: organisationIds[practice.organisation]!,
    originalLanguage: practice.originalLanguage,
    title: practice.title,
    summary: practice.summary,
    description: practice.description,
    countries: practice.countries,
    gcmObjectives: practice.gcmObjectives,
    thematicAreas: practice.thematicAreas,
    migrationStages: practice.migrationStages,
    targetGroups: practice.targetGroups,
    modality: practice.modality,
    periodStart: practice.periodStart,
    periodEnd: practice.periodEnd,
    ongoing: practice.periodEnd === null,
    publishedAt: new Date(publishedAtOf(index)).toISOString(),
  };
}

/** Imports the practices in chunks; the time counts importPractices only, not making the JSON. */
export async function importCorpus(
  handle: DatabaseHandle,
  practices: CorpusPractice[],
  log: (imported: number, ms: number) => void,
): Promise<{ imported: number; importMs: number }> {
  const organisationIds = await prepareDirectory(handle);
  const t = translator('en');
  let imported = 0;
  let importMs = 0;
  for (let start = 0; start < practices.length; start += IMPORT_CHUNK) {
    const text = JSON.stringify(
      practices
        .slice(start, start + IMPORT_CHUNK)
        .map((practice, offset) => importRecord(practice, start + offset, organisationIds)),
    );
    const started = performance.now();
    const result = await importPractices(handle.db, 'command-line', { format: 'json', text }, t);
    importMs += performance.now() - started;
    if (!result.ok) {
      const first = result.errors
        .slice(0, 3)
        .map((error) => `row ${error.row}, ${error.field}: ${error.message}`);
      throw new Error(`importPractices refused the chunk at ${start}: ${first.join('; ')}`);
    }
    imported += result.value.imported;
    log(imported, importMs);
  }
  return { imported, importMs };
}

/**
 * ANALYZE, and the GIN indexes' pending lists of the search table merged into their trees. PGlite
 * has no autovacuum: without this the planner has no statistics at all, and every search reads
 * the pending lists (a few MB per index after a bulk load) from end to end.
 */
export async function keepUp(handle: DatabaseHandle): Promise<string[]> {
  await sql`ANALYZE`.execute(handle.db);
  const indexes = await sql<{ name: string }>`
    SELECT i.relname AS name FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_am a ON a.oid = i.relam
    WHERE t.relname = 'practice_search' AND a.amname = 'gin' ORDER BY 1`.execute(handle.db);
  for (const { name } of indexes.rows)
    await sql`SELECT gin_clean_pending_list(${name}::regclass)`.execute(handle.db);
  return indexes.rows.map((row) => row.name);
}

/** The size of a folder, recursively, in bytes. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    total += item.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}
