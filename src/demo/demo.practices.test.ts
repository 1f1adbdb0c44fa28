import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Value } from 'typebox/value';
import {
  DISCLOSABLE_FIELDS,
  PracticeContentInput,
  TEXT_FIELDS,
  type DisclosableField,
} from '../practices/practices.schemas.ts';
import { isCode, m49AreasOf } from '../reference/index.ts';
import { COALITION_MEMBERS, DEMO_MEMBERSHIPS, DEMO_NETWORKS, DEMO_ORGANISATIONS } from './demo.data.ts';
import { DEMO_PRACTICES, DEMO_PRINCIPLES, type DemoPractice } from './demo.practices.ts';

const DUMMY_UUID = '00000000-0000-4000-8000-000000000000';
const SEED_000_KEY = 'coalition-joint-advocacy-northern-triangle';
const LANGUAGES = ['fr', 'es', 'en', 'pt'] as const;

const organisationKeys = new Set(DEMO_ORGANISATIONS.map((organisation) => organisation.key));
const networkSlugs = new Set(DEMO_NETWORKS.map((network) => network.slug));

/** The content as the loader will submit it: actors carry organisation ids instead of keys. */
function asInput(practice: DemoPractice): unknown {
  const { actors, ...rest } = practice.content;
  return {
    ...rest,
    ...(actors ? { actors: actors.map(({ role }) => ({ organisationId: DUMMY_UUID, role })) } : {}),
  };
}

/** Whether the practice carries anything for a disclosable field. */
function hasValue(practice: DemoPractice, field: DisclosableField): boolean {
  const content = practice.content;
  switch (field) {
    case 'period':
      return content.periodStart != null || content.periodEnd != null || content.ongoing !== undefined;
    case 'modality':
      return content.modality != null;
    case 'contact':
      return false; // the demo sets no focal point; the loader may, for fields not marked
    case 'actors':
    case 'countries':
    case 'migrationStages':
    case 'targetGroups':
    case 'links':
      return (content[field]?.length ?? 0) > 0;
    default: {
      const text = content[field] as Record<string, string | undefined> | undefined;
      return Object.values(text ?? {}).some((value) => (value ?? '').trim() !== '');
    }
  }
}

const count = <T>(items: readonly T[], keyOf: (item: T) => string) =>
  items.reduce((counts, item) => counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1), new Map());

describe('the demo practices', () => {
  it('has at least 45 practices, each with a unique kebab-case key', () => {
    assert.ok(DEMO_PRACTICES.length >= 45, `${DEMO_PRACTICES.length} practices`);
    const keys = DEMO_PRACTICES.map((practice) => practice.key);
    assert.equal(new Set(keys).size, keys.length, 'duplicate keys');
    for (const key of keys) assert.match(key, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('passes the practice content schema, with actors mapped to organisation ids', () => {
    const known = new Set(Object.keys(PracticeContentInput.properties));
    for (const practice of DEMO_PRACTICES) {
      const input = asInput(practice);
      const errors = [...Value.Errors(PracticeContentInput, input)].map(
        (e) => `${e.instancePath} ${e.message}`,
      );
      assert.ok(Value.Check(PracticeContentInput, input), `${practice.key}: ${errors.join('; ')}`);
      // The schema lets unknown properties through; the API would strip them, so none may exist.
      for (const field of Object.keys(input as object))
        assert.ok(known.has(field), `${practice.key}.${field}`);
    }
  });

  it('is written in its original language, at least its title and summary', () => {
    for (const { key, content } of DEMO_PRACTICES) {
      const lang = content.originalLanguage as (typeof LANGUAGES)[number];
      assert.ok(content.title[lang], `${key}: no title in ${lang}`);
      assert.ok(content.summary?.[lang], `${key}: no summary in ${lang}`);
      for (const field of TEXT_FIELDS) {
        const text = content[field] as Record<string, string> | undefined;
        if (text && Object.keys(text).length > 0) assert.ok(text[lang], `${key}.${field} lacks ${lang}`);
      }
    }
  });

  it('uses only codes of the reference vocabularies', () => {
    const vocabularies = [
      ['countries', 'countries'],
      ['gcmObjectives', 'gcm-objectives'],
      ['gcmPrinciples', 'gcm-principles'],
      ['thematicAreas', 'iom-areas'],
      ['migrationStages', 'migration-stages'],
      ['targetGroups', 'target-groups'],
    ] as const;
    for (const { key, content } of DEMO_PRACTICES) {
      for (const [field, vocabulary] of vocabularies) {
        for (const code of content[field] ?? [])
          assert.ok(isCode(vocabulary, code), `${key}: ${vocabulary} ${code}`);
      }
      if (content.modality) assert.ok(isCode('cooperation-modalities', content.modality), key);
    }
  });

  it('is submitted by a member of an existing network, and names only existing organisations', () => {
    for (const { key, network, organisation, content } of DEMO_PRACTICES) {
      assert.ok(networkSlugs.has(network), `${key}: network ${network}`);
      assert.ok(organisationKeys.has(organisation), `${key}: organisation ${organisation}`);
      const members = (DEMO_MEMBERSHIPS[network] ?? []).filter((m) => m.role !== 'observer');
      assert.ok(
        members.some((m) => m.organisation === organisation),
        `${key}: ${organisation} is not a member of ${network}`,
      );
      for (const actor of content.actors ?? []) {
        assert.ok(organisationKeys.has(actor.organisation), `${key}: actor ${actor.organisation}`);
      }
      const actorKeys = (content.actors ?? []).map((actor) => actor.organisation);
      assert.equal(new Set(actorKeys).size, actorKeys.length, `${key}: an actor twice`);
    }
  });

  it('has a publication date for each published practice, and only for those', () => {
    for (const { key, status, publishedOn, content } of DEMO_PRACTICES) {
      if (status === 'published') {
        assert.match(publishedOn ?? '', /^\d{4}-\d{2}-\d{2}$/, key);
        assert.ok(publishedOn! >= '2019-01-01' && publishedOn! <= '2026-12-31', `${key}: ${publishedOn}`);
        assert.ok(
          !content.periodStart || content.periodStart <= publishedOn!,
          `${key}: published before it began`,
        );
      } else {
        assert.equal(publishedOn, undefined, key);
      }
    }
  });

  it('ends no period before it starts, and gives no end to an ongoing practice', () => {
    for (const { key, content } of DEMO_PRACTICES) {
      if (content.periodStart && content.periodEnd) assert.ok(content.periodEnd >= content.periodStart, key);
      if (content.ongoing) assert.ok(!content.periodEnd, `${key}: ongoing with an end`);
    }
  });

  it('leaves every field marked "not communicated" without content', () => {
    for (const practice of DEMO_PRACTICES) {
      for (const field of practice.content.notCommunicated ?? []) {
        assert.ok((DISCLOSABLE_FIELDS as readonly string[]).includes(field));
        assert.equal(hasValue(practice, field), false, `${practice.key}.${field}`);
      }
    }
  });

  it('spreads over the four languages, at least ten practices each', () => {
    const byLanguage = count(DEMO_PRACTICES, (practice) => practice.content.originalLanguage);
    for (const lang of LANGUAGES)
      assert.ok((byLanguage.get(lang) ?? 0) >= 10, `${lang}: ${byLanguage.get(lang)}`);
    const translated = DEMO_PRACTICES.filter(({ content }) => Object.keys(content.title).length > 1);
    assert.ok(translated.length >= 5, `${translated.length} translated`);
  });

  it('covers at least 18 GCM objectives, all IOM areas, modalities and migration stages', () => {
    const covered = (field: 'gcmObjectives' | 'thematicAreas' | 'migrationStages') =>
      new Set(DEMO_PRACTICES.flatMap((practice) => practice.content[field] ?? []));
    assert.ok(covered('gcmObjectives').size >= 18, `${covered('gcmObjectives').size} objectives`);
    assert.equal(covered('thematicAreas').size, 9);
    assert.equal(covered('migrationStages').size, 4);
    const modalities = new Set(DEMO_PRACTICES.map((practice) => practice.content.modality).filter(Boolean));
    assert.equal(modalities.size, 5);
  });

  it('spans the Americas, Europe, Asia, Oceania and Africa', () => {
    const regions = new Set(
      DEMO_PRACTICES.flatMap((practice) => practice.content.countries ?? []).map(
        (country) => m49AreasOf(country)?.region,
      ),
    );
    for (const region of ['019', '150', '142', '009', '002']) assert.ok(regions.has(region), region);
    const centralAsia = DEMO_PRACTICES.some((practice) =>
      (practice.content.countries ?? []).some((country) => m49AreasOf(country)?.subRegion === '143'),
    );
    assert.ok(centralAsia, 'Central Asia');
  });

  it('has practices in every state of the review workflow, most of them published', () => {
    const byStatus = count(DEMO_PRACTICES, (practice) => practice.status);
    for (const status of ['published', 'draft', 'submitted', 'in-review', 'returned']) {
      assert.ok((byStatus.get(status) ?? 0) >= 1, status);
    }
    assert.ok(byStatus.get('published') > DEMO_PRACTICES.length * 0.8);
  });

  it('keeps the coalition practice of seed 000 as the seed gives it', () => {
    const practice = DEMO_PRACTICES.find((candidate) => candidate.key === SEED_000_KEY);
    assert.ok(practice);
    assert.equal(practice.network, 'northern-triangle-ngo-group');
    assert.equal(practice.illustrative, false);
    assert.equal(practice.content.originalLanguage, 'fr');
    assert.deepEqual(practice.content.smartPrinciples, ['P1', 'P4']);
    assert.deepEqual([...(practice.content.notCommunicated ?? [])].sort(), [
      'challenges',
      'lessonsLearned',
      'results',
    ]);
    assert.deepEqual(Object.keys(practice.content.description ?? {}), ['fr']);
    assert.match(practice.content.summary?.fr ?? '', /^Des acteurs joignent leurs forces/);
    assert.match(practice.content.description?.fr ?? '', /a\).*b\).*c\).*d\)/s);
    assert.deepEqual(
      practice.content.actors?.map((actor) => actor.organisation),
      [...COALITION_MEMBERS],
    );
    assert.ok(practice.content.actors?.every((actor) => actor.role === 'partner'));
    assert.deepEqual([...(practice.content.countries ?? [])].sort(), ['GT', 'HN', 'MX', 'SV', 'US']);
  });

  it('has the two principles of seed 000, in four languages, and uses no other', () => {
    assert.deepEqual(
      DEMO_PRINCIPLES.map(({ network, code, stage }) => [network, code, stage]),
      [
        ['northern-triangle-ngo-group', 'P1', 'design'],
        ['northern-triangle-ngo-group', 'P4', 'implementation'],
      ],
    );
    for (const principle of DEMO_PRINCIPLES) {
      for (const lang of LANGUAGES) assert.ok(principle.label[lang].length > 0);
    }
    for (const { key, network, content } of DEMO_PRACTICES) {
      for (const code of content.smartPrinciples ?? []) {
        assert.ok(
          DEMO_PRINCIPLES.some((principle) => principle.network === network && principle.code === code),
          `${key}: ${code}`,
        );
      }
    }
  });
});
