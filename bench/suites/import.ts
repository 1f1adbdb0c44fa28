import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ORGANISATION_COLUMNS } from '../../src/directory/exchange.ts';
import type { Suite } from '../lib/context.ts';
import { ROOT } from '../lib/process.ts';
import { seconds } from '../lib/table.ts';

const ORGANISATIONS = 10_000;
const TARGET_MS = 10_000;
const GROUPS = [
  'civil-society',
  'faith-based-organisations',
  'academia',
  'red-cross-red-crescent',
  'government',
];
const COUNTRIES = ['MX', 'GT', 'HN', 'SV', 'CO', 'FR', 'DE', 'KZ', 'PH', 'US'];
const AREAS = ['counter-trafficking', 'labour-migration', 'migration-and-health', 'resettlement'];

/**
 * A CSV of `count` valid organisations in the export's format (header row, HXL row), with names in
 * two languages, lists, a website and a description with quotes, commas and a line break.
 */
export function generateOrganisationsCsv(count: number): string {
  const records: string[][] = [
    ORGANISATION_COLUMNS.map((column) => column.name),
    ORGANISATION_COLUMNS.map((column) => column.hxl),
  ];
  for (let n = 1; n <= count; n++) {
    const cells: Record<string, string> = {
      name_en: `Generated organisation ${n}`,
      name_es: `Organización generada ${n}`,
      acronym_en: `GO${n}`,
      stakeholder_group: GROUPS[n % GROUPS.length]!,
      headquarters_country: COUNTRIES[n % COUNTRIES.length]!,
      countries_served: [0, 3, 7].map((k) => COUNTRIES[(n + k) % COUNTRIES.length]!).join(';'),
      thematic_areas: AREAS.slice(0, 1 + (n % AREAS.length)).join(';'),
      website: `https://org-${n}.example.org/`,
      description_en: `Organisation ${n} works with migrants "on the move", in transit, at destination,\nand on return.`,
    };
    records.push(ORGANISATION_COLUMNS.map((column) => cells[column.name] ?? ''));
  }
  return stringify(records, { record_delimiter: 'windows' });
}

/** `puente import:organisations` of 10,000 organisations into a new embedded database. */
export const importSuite: Suite = {
  name: 'import',
  description: `puente import:organisations of ${ORGANISATIONS} organisations (CSV with HXL) into a new embedded database`,
  async run(ctx) {
    const dir = ctx.tempDir('import');
    const file = path.join(dir, 'organisations.csv');
    fs.writeFileSync(file, generateOrganisationsCsv(ORGANISATIONS));
    const env: NodeJS.ProcessEnv = { ...process.env, PUENTE_DATA_DIR: path.join(dir, 'data'), LANG: 'C' };
    delete env.DATABASE_URL;
    const bin = path.join(ROOT, 'bin/puente.mjs');
    ctx.log('import: migrating a new embedded database');
    spawnSync(process.execPath, [bin, 'migrate'], { env, cwd: ROOT });
    ctx.log(`import: importing ${ORGANISATIONS} organisations`);
    const run = spawnSync(process.execPath, [bin, 'import:organisations', file], {
      env,
      cwd: ROOT,
      encoding: 'utf8',
    });
    const inside = /in ([\d.]+) s\./.exec(run.stdout)?.[1];
    if (run.status !== 0 || !inside) {
      ctx.fail(`import:organisations exited with ${run.status}: ${run.stderr.slice(-500)}`);
      return { tables: [], figures: [] };
    }
    const ms = Number(inside) * 1000;
    return {
      tables: [
        {
          title: 'Import of organisations (embedded database)',
          columns: [
            { header: 'file' },
            { header: 'import (s)', right: true },
            { header: 'target (s)', right: true },
          ],
          rows: [
            [
              `${ORGANISATIONS} organisations, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`,
              seconds(ms),
              seconds(TARGET_MS),
            ],
          ],
          notes: [
            'Read, decode, parse, validate every row, insert in one transaction; excludes opening the database.',
          ],
        },
      ],
      figures: [
        `- import of ${ORGANISATIONS} organisations (CSV, embedded database): ${seconds(ms)} s (target < 10 s)`,
      ],
    };
  },
};
