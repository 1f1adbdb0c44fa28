import { diffWordsWithSpace } from 'diff';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { TEXT_FIELDS, type PracticeContent } from './practices.schemas.ts';

/** One run of words: kept, added or removed between two versions. */
export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export type FieldChange =
  | { field: string; kind: 'text'; lang: string; parts: DiffPart[] }
  | { field: string; kind: 'list'; added: string[]; removed: string[] }
  | { field: string; kind: 'value'; before: string | null; after: string | null };

const LIST_FIELDS = [
  'countries',
  'migrationStages',
  'targetGroups',
  'gcmObjectives',
  'gcmPrinciples',
  'thematicAreas',
  'smartPrinciples',
  'notCommunicated',
] as const;

const list = (values: readonly unknown[]) =>
  values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));

/** What changed from one version to another, field by field and, for texts, word by word in each language. */
export function diffVersions(before: PracticeContent, after: PracticeContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TEXT_FIELDS) {
    for (const lang of CONTENT_LANGUAGES) {
      const a = before[field][lang] ?? '';
      const b = after[field][lang] ?? '';
      if (a === b) continue;
      const parts = diffWordsWithSpace(a, b).map((part): DiffPart => ({
        text: part.value,
        change: part.added ? 'added' : part.removed ? 'removed' : 'same',
      }));
      changes.push({ field, kind: 'text', lang, parts });
    }
  }
  const compareList = (field: string, a: string[], b: string[]) => {
    const added = b.filter((value) => !a.includes(value));
    const removed = a.filter((value) => !b.includes(value));
    if (added.length > 0 || removed.length > 0) changes.push({ field, kind: 'list', added, removed });
  };
  for (const field of LIST_FIELDS) compareList(field, list(before[field]), list(after[field]));
  compareList(
    'actors',
    before.actors.map((actor) => `${actor.organisationId}:${actor.role}`),
    after.actors.map((actor) => `${actor.organisationId}:${actor.role}`),
  );
  compareList(
    'links',
    before.links.map((link) => link.url),
    after.links.map((link) => link.url),
  );
  const period = (content: PracticeContent) =>
    content.periodStart || content.periodEnd || content.ongoing
      ? `${content.periodStart ?? '…'} – ${content.ongoing ? 'ongoing' : (content.periodEnd ?? '…')}`
      : null;
  const values: [string, string | null, string | null][] = [
    ['originalLanguage', before.originalLanguage, after.originalLanguage],
    ['period', period(before), period(after)],
    ['modality', before.modality, after.modality],
    ['contactFocalPointId', before.contactFocalPointId, after.contactFocalPointId],
  ];
  for (const [field, a, b] of values)
    if (a !== b) changes.push({ field, kind: 'value', before: a, after: b });
  return changes;
}
