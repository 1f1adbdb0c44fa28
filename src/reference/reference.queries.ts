import gcmObjectives from './vocabularies/gcm-objectives.json' with { type: 'json' };
import gcmPrinciples from './vocabularies/gcm-principles.json' with { type: 'json' };
import iomAreas from './vocabularies/iom-areas.json' with { type: 'json' };
import migrationStages from './vocabularies/migration-stages.json' with { type: 'json' };
import participationBarriers from './vocabularies/participation-barriers.json' with { type: 'json' };
import targetGroups from './vocabularies/target-groups.json' with { type: 'json' };
import cooperationModalities from './vocabularies/cooperation-modalities.json' with { type: 'json' };
import cooperationKinds from './vocabularies/cooperation-kinds.json' with { type: 'json' };
import relationshipKinds from './vocabularies/relationship-kinds.json' with { type: 'json' };
import stakeholderGroups from './vocabularies/stakeholder-groups.json' with { type: 'json' };
import { COUNTRIES, M49_REGIONS } from './reference.geography.ts';
import type { Lang, ReferenceEntry } from './reference.types.ts';

export type { Lang, M49Level, ReferenceEntry } from './reference.types.ts';

const SOURCES = {
  'gcm-objectives': gcmObjectives,
  'gcm-principles': gcmPrinciples,
  'stakeholder-groups': stakeholderGroups,
  'iom-areas': iomAreas,
  'relationship-kinds': relationshipKinds,
  'migration-stages': migrationStages,
  'participation-barriers': participationBarriers,
  'target-groups': targetGroups,
  'cooperation-modalities': cooperationModalities,
  'cooperation-kinds': cooperationKinds,
  countries: COUNTRIES,
  regions: M49_REGIONS,
} satisfies Record<string, readonly ReferenceEntry[]>;

export type VocabularyName = keyof typeof SOURCES;

interface Vocabulary {
  entries: readonly ReferenceEntry[];
  byCode: ReadonlyMap<string, ReferenceEntry>;
}

// Built once at import, frozen so that no caller can alter the shared lists.
const VOCABULARIES: ReadonlyMap<string, Vocabulary> = new Map(
  Object.entries(SOURCES).map(([name, source]) => {
    const entries = Object.freeze(
      source.map((entry: ReferenceEntry) =>
        Object.freeze({ ...entry, labels: Object.freeze({ ...entry.labels }) }),
      ),
    );
    const byCode = new Map<string, ReferenceEntry>();
    for (const entry of entries) {
      if (byCode.has(entry.code)) throw new Error(`Vocabulary ${name} lists code ${entry.code} twice`);
      byCode.set(entry.code, entry);
    }
    return [name, { entries, byCode }];
  }),
);

export const VOCABULARY_NAMES: readonly string[] = Object.freeze(Object.keys(SOURCES));

export function isVocabularyName(name: string): name is VocabularyName {
  return VOCABULARIES.has(name);
}

/** The entries of a vocabulary in their reference order, or null for an unknown name. */
export function getVocabulary(name: string): readonly ReferenceEntry[] | null {
  return VOCABULARIES.get(name)?.entries ?? null;
}

export function getEntry(name: string, code: string): ReferenceEntry | null {
  return VOCABULARIES.get(name)?.byCode.get(code) ?? null;
}

export function isCode(name: string, code: string): boolean {
  return VOCABULARIES.get(name)?.byCode.has(code) ?? false;
}

export function labelOf(name: string, code: string, lang: Lang): string | null {
  return getEntry(name, code)?.labels[lang] ?? null;
}

export interface M49Areas {
  region: string;
  subRegion: string | null;
  intermediateRegion: string | null;
}

/**
 * The UN M49 areas a country belongs to, e.g. MX → Americas (019), Latin America and
 * the Caribbean (419), Central America (013). Antarctica belongs to no region and
 * gives null, as does an unknown code.
 */
export function m49AreasOf(countryCode: string): M49Areas | null {
  const areas: M49Areas = { region: '', subRegion: null, intermediateRegion: null };
  let code = getEntry('countries', countryCode)?.parent;
  while (code) {
    const area = getEntry('regions', code);
    if (!area) return null;
    if (area.level === 'region') areas.region = area.code;
    else if (area.level === 'sub-region') areas.subRegion = area.code;
    else if (area.level === 'intermediate-region') areas.intermediateRegion = area.code;
    code = area.parent;
  }
  return areas.region ? areas : null;
}
