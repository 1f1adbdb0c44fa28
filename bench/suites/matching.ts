import path from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/schema.ts';
import { insertNetwork, insertOrganisation } from '../../src/directory/index.ts';
import type { Principal } from '../../src/http/access.ts';
import { type NewCooperationItem, insertItemRow } from '../../src/cooperation/cooperation.repository.ts';
import { evaluate, loadLabelledSet } from '../../src/cooperation/matching.labelled.ts';
import {
  DEFAULT_WEIGHTS,
  EMPTY_CONTEXT,
  type MatchableItem,
  rankOffersForDemand,
  scoreMatch,
} from '../../src/cooperation/matching.ts';
import thesaurus from '../../src/practices/thesaurus/thesaurus.json' with { type: 'json' };
import type { Suite } from '../lib/context.ts';
import { fixed, type Table } from '../lib/table.ts';

/**
 * `npm run bench -- matching`: precision@3 on the labelled set (`src/cooperation/matching.labelled.json`),
 * and the time to rank 1,000 offers for one demand — the pure scoring alone (`scoreMatch` over the
 * offers, then a sort) and the whole `rankOffersForDemand` (its queries on a new embedded database,
 * then the same scoring). Offers and demands are generated, deterministic (a seeded PRNG over the
 * thesaurus' terms in fr, es, en, pt and the reference codes).
 */

const OFFERS = Number(process.env.BENCH_MATCHING_OFFERS) || 1_000;
const DEMANDS = 20;
const PASSES = 3;
const ORGANISATIONS = 60;

type Lang = 'fr' | 'es' | 'en' | 'pt';
const LANGS: Lang[] = ['fr', 'es', 'en', 'pt'];
const AREAS = [
  'counter-trafficking',
  'assisted-voluntary-return',
  'migrants-human-rights',
  'emergency-and-post-conflict',
  'resettlement',
  'labour-migration',
  'mass-information',
  'migration-and-health',
  'technical-cooperation',
];
const KINDS = [
  'technical-assistance',
  'training',
  'exchange-visit',
  'expert-secondment',
  'peer-review',
  'data-or-tools',
  'funding',
];
const COUNTRIES = [
  'MX',
  'GT',
  'HN',
  'SV',
  'CO',
  'EC',
  'PE',
  'BR',
  'HT',
  'DO',
  'JM',
  'KZ',
  'KG',
  'PH',
  'SN',
  'MA',
  'FR',
  'ES',
];
const REGIONS = ['013', '419', '005', '029', '019', '143', '142', '002', '011', '150'];
const FILLER: Record<Lang, string[]> = {
  fr: [
    'appui',
    'renforcement',
    'des',
    'capacités',
    'pour',
    'les',
    'services',
    'publics',
    'et',
    'la',
    'société',
    'civile',
  ],
  es: [
    'apoyo',
    'fortalecimiento',
    'de',
    'capacidades',
    'para',
    'los',
    'servicios',
    'públicos',
    'y',
    'la',
    'sociedad',
    'civil',
  ],
  en: [
    'support',
    'strengthening',
    'of',
    'capacities',
    'for',
    'the',
    'public',
    'services',
    'and',
    'civil',
    'society',
  ],
  pt: [
    'apoio',
    'reforço',
    'de',
    'capacidades',
    'para',
    'os',
    'serviços',
    'públicos',
    'e',
    'a',
    'sociedade',
    'civil',
  ],
};

/** Mulberry32: a small seeded PRNG, so that every run generates the same items. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateItems(count: number, seed: number, organisationIds: string[]): MatchableItem[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list))),
  ];
  const term = (lang: Lang) => pick(pick(thesaurus).terms[lang]);
  return Array.from({ length: count }, () => {
    const lang = pick(LANGS);
    const words = Array.from({ length: 25 }, () => pick(FILLER[lang])).join(' ');
    const start = 2025 + Math.floor(random() * 3);
    return {
      organisationId: pick(organisationIds),
      title: { [lang]: `${term(lang)} — ${term(lang)}` },
      description: { [lang]: `${term(lang)}, ${term(lang)}, ${term(lang)}. ${words}.` },
      kind: pick(KINDS),
      thematicAreas: some(AREAS, 3),
      gcmObjectives: some(
        Array.from({ length: 23 }, (_, i) => String(i + 1)),
        3,
      ),
      countries: random() < 0.6 ? some(COUNTRIES, 3) : [],
      regions: random() < 0.5 ? some(REGIONS, 2) : [],
      workingLanguages: some(['fr', 'es', 'en', 'pt', 'ru'], 2),
      startsOn: random() < 0.7 ? `${start}-0${1 + Math.floor(random() * 9)}-01` : null,
      endsOn: random() < 0.5 ? `${start + 1}-12-31` : null,
    };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => fixed(value, 2);

/** Ranks the offers for one demand: copies (nothing cached from an earlier pass), or the same objects (texts read once). */
function rankPure(demand: MatchableItem, offers: MatchableItem[], copy = true): number {
  const fresh = copy
    ? offers.map((offer) => ({ ...offer, title: { ...offer.title }, description: { ...offer.description } }))
    : offers;
  const started = performance.now();
  const scored = fresh.map((offer) => ({
    offer,
    ...scoreMatch(demand, offer, EMPTY_CONTEXT, DEFAULT_WEIGHTS),
  }));
  scored.sort((a, b) => b.score - a.score);
  return performance.now() - started;
}

export async function loadDatabase(db: Db, demands: MatchableItem[], offers: MatchableItem[]) {
  const network = await insertNetwork(db, {
    slug: 'bench-network',
    name: { en: 'Bench network' },
    description: {},
  });
  const organisations: string[] = [];
  for (let n = 0; n < ORGANISATIONS; n++)
    organisations.push((await insertOrganisation(db, { name: { en: `Organisation ${n}` }, acronym: {} })).id);
  await db
    .insertInto('network_memberships')
    .values(organisations.map((id) => ({ network_id: network.id, organisation_id: id })))
    .execute();
  const toRow = (side: 'offer' | 'demand', item: MatchableItem): NewCooperationItem => ({
    ...item,
    side,
    networkId: network.id,
    organisationId: organisations[Number(item.organisationId)]!,
    originalLanguage: Object.keys(item.title)[0]!,
    capacity: null,
    budgetAmount: null,
    budgetCurrency: null,
    status: 'open',
    visibility: 'network',
    createdBy: null,
  });
  for (const offer of offers) await insertItemRow(db, toRow('offer', offer));
  const demandIds: string[] = [];
  for (const demand of demands) demandIds.push(await insertItemRow(db, toRow('demand', demand)));
  await db.executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } } as never);
  return { networkId: network.id, demandIds };
}

export const matching: Suite = {
  name: 'matching',
  description: `precision@3 on the labelled set; time to rank ${OFFERS} offers for one demand (pure scoring, and rankOffersForDemand on the embedded database)`,
  async run(ctx) {
    const set = loadLabelledSet();
    const withText = evaluate(set);
    const withoutText = evaluate(set, { ...DEFAULT_WEIGHTS, text: 0 });
    const onlyTags = evaluate(set, { ...DEFAULT_WEIGHTS, text: 0, geography: 0, language: 0, period: 0 });

    const organisationKeys = Array.from({ length: ORGANISATIONS }, (_, n) => String(n));
    const offers = generateItems(OFFERS, 42, organisationKeys);
    const demands = generateItems(DEMANDS, 7, organisationKeys);

    ctx.log(`matching: pure scoring of ${OFFERS} offers for ${DEMANDS} demands, ${PASSES} passes`);
    for (const demand of demands.slice(0, 3)) rankPure(demand, offers); // warm-up (JIT)
    const pure: number[] = [];
    for (let pass = 0; pass < PASSES; pass++)
      for (const demand of demands) pure.push(rankPure(demand, offers));
    const warm: number[] = [];
    rankPure(demands[0]!, offers, false);
    for (let pass = 0; pass < PASSES; pass++)
      for (const demand of demands) warm.push(rankPure(demand, offers, false));

    ctx.log('matching: loading a new embedded database');
    const dir = ctx.tempDir('matching');
    const handle = await openDatabase({ dataDir: path.join(dir, 'data'), databaseUrl: null });
    const whole: number[] = [];
    let cold: number;
    try {
      await migrateToLatest(handle.db as never);
      const { networkId, demandIds } = await loadDatabase(handle.db, demands, offers);
      const secretariat: Principal = {
        userId: '00000000-0000-4000-8000-000000000000',
        email: 'bench@example.org',
        name: 'Bench',
        locale: 'en',
        isAdmin: false,
        organisationId: null,
        roles: [{ networkId, role: 'secretariat' }],
        via: 'token',
      };
      ctx.log(`matching: rankOffersForDemand for ${DEMANDS} demands, ${PASSES} passes`);
      // The first ranking reads every offer's text; later ones find them cached by id and version.
      const coldStarted = performance.now();
      await rankOffersForDemand(handle.db, secretariat, demandIds[0]!);
      cold = performance.now() - coldStarted;
      for (const id of demandIds.slice(1, 3)) await rankOffersForDemand(handle.db, secretariat, id);
      for (let pass = 0; pass < PASSES; pass++)
        for (const id of demandIds) {
          const started = performance.now();
          const ranking = await rankOffersForDemand(handle.db, secretariat, id);
          whole.push(performance.now() - started);
          if (ranking.total !== OFFERS - offersOfSameOrganisation(demands, offers, demandIds.indexOf(id)))
            ctx.log(`matching: unexpected candidate count ${ranking.total}`);
        }
    } finally {
      await handle.close();
    }

    const tables: Table[] = [
      {
        title: 'Matching: precision@3 on the labelled set',
        columns: [
          { header: 'weights' },
          { header: 'precision@3', right: true },
          { header: 'ceiling', right: true },
        ],
        rows: [
          ['default', fixed(withText.precisionAt3, 3), fixed(withText.ceiling, 3)],
          ['default, text similarity off', fixed(withoutText.precisionAt3, 3), fixed(withText.ceiling, 3)],
          [
            'areas, objectives, kind, history only',
            fixed(onlyTags.precisionAt3, 3),
            fixed(withText.ceiling, 3),
          ],
        ],
        notes: [
          `${withText.pairs} labelled pairs, ${withText.demands} demands, each ranked against its own candidates (4–6).`,
          'The ceiling is the precision@3 of a perfect ranking: most demands have two relevant offers.',
        ],
      },
      {
        title: `Matching: ranking ${OFFERS} offers for one demand (ms, ${DEMANDS} demands × ${PASSES} passes)`,
        columns: [
          { header: 'what' },
          { header: 'p50', right: true },
          { header: 'p95', right: true },
          { header: 'max', right: true },
        ],
        rows: [
          [
            'scoreMatch × offers + sort (fresh items)',
            ms(percentile(pure, 50)),
            ms(percentile(pure, 95)),
            ms(Math.max(...pure)),
          ],
          [
            'scoreMatch × offers + sort (texts already read)',
            ms(percentile(warm, 50)),
            ms(percentile(warm, 95)),
            ms(Math.max(...warm)),
          ],
          [
            'rankOffersForDemand (queries + scoring, texts cached)',
            ms(percentile(whole, 50)),
            ms(percentile(whole, 95)),
            ms(Math.max(...whole)),
          ],
          ['rankOffersForDemand, first call (texts read, none cached)', ms(cold), '', ''],
        ],
        notes: [
          'Pure scoring of fresh objects reads every text into thesaurus concepts; of the same objects, only scores.',
          'rankOffersForDemand runs on a new embedded database (PGlite) after ANALYZE; it keeps the texts it read by id and',
          'version, so its first call (shown apart) reads them all and the 2 warm-up calls and the passes find them cached.',
        ],
      },
    ];
    return {
      tables,
      figures: [
        `- matching precision@3 on the labelled set (${withText.pairs} pairs): ${fixed(withText.precisionAt3, 3)} (ceiling ${fixed(withText.ceiling, 3)}; ${fixed(withoutText.precisionAt3, 3)} without text similarity)`,
        `- ranking ${OFFERS} offers for one demand: scoring p50/p95 ${ms(percentile(pure, 50))}/${ms(percentile(pure, 95))} ms; rankOffersForDemand on PGlite p50/p95 ${ms(percentile(whole, 50))}/${ms(percentile(whole, 95))} ms (first call ${ms(cold)} ms)`,
      ],
    };
  },
};

/** Offers of the demand's own organisation: never candidates. */
function offersOfSameOrganisation(demands: MatchableItem[], offers: MatchableItem[], index: number): number {
  const organisation = demands[index]?.organisationId;
  return offers.filter((offer) => offer.organisationId === organisation).length;
}
