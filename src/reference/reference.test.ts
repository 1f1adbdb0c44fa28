import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../web/language.ts';
import {
  VOCABULARY_NAMES,
  getEntry,
  getVocabulary,
  isCode,
  labelOf,
  m49AreasOf,
  type ReferenceEntry,
} from './reference.queries.ts';

function entriesOf(name: string): readonly ReferenceEntry[] {
  const entries = getVocabulary(name);
  assert.ok(entries, `vocabulary ${name} exists`);
  return entries;
}

describe('reference vocabularies', () => {
  it('lists every vocabulary the platform tags content with', () => {
    assert.deepEqual([...VOCABULARY_NAMES].sort(), [
      'cooperation-kinds',
      'cooperation-modalities',
      'countries',
      'gcm-objectives',
      'gcm-principles',
      'iom-areas',
      'migration-stages',
      'participation-barriers',
      'regions',
      'relationship-kinds',
      'stakeholder-groups',
      'target-groups',
    ]);
  });

  const expectedSizes: Record<string, number> = {
    'gcm-objectives': 23,
    'gcm-principles': 10,
    'iom-areas': 9,
    'relationship-kinds': 6,
    'migration-stages': 4,
    'participation-barriers': 6,
    'target-groups': 16,
    'cooperation-modalities': 5,
    'cooperation-kinds': 7,
  };
  for (const [name, size] of Object.entries(expectedSizes)) {
    it(`has ${size} entries in ${name}`, () => assert.equal(entriesOf(name).length, size));
  }

  it('numbers the GCM objectives 1 to 23 in order', () => {
    assert.deepEqual(
      entriesOf('gcm-objectives').map((entry) => entry.code),
      Array.from({ length: 23 }, (_, index) => String(index + 1)),
    );
  });

  it('names the relationship kinds, stages and barriers of the seeds', () => {
    const codes = (name: string) => entriesOf(name).map((entry) => entry.code);
    assert.deepEqual(codes('relationship-kinds'), [
      'partner',
      'service-provider',
      'project-manager',
      'donor',
      'technical-cooperation-beneficiary',
      'funds-recipient',
    ]);
    assert.deepEqual(codes('migration-stages'), [
      'before-departure',
      'transit',
      'destination',
      'return-and-reintegration',
    ]);
    assert.deepEqual(codes('participation-barriers'), [
      'structural',
      'gender',
      'legal',
      'linguistic',
      'physical',
      'technological',
    ]);
  });

  it('includes governments, intergovernmental organisations and the whole-of-society groups', () => {
    for (const code of [
      'migrants',
      'migrant-led-organisations',
      'diasporas',
      'local-communities',
      'local-authorities',
      'civil-society',
      'academia',
      'private-sector',
      'employers-organisations',
      'trade-unions',
      'parliamentarians',
      'national-human-rights-institutions',
      'media',
      'red-cross-red-crescent',
      'government',
      'intergovernmental-organisation',
    ]) {
      assert.ok(isCode('stakeholder-groups', code), code);
    }
  });

  for (const name of VOCABULARY_NAMES) {
    describe(name, () => {
      it('has unique codes', () => {
        const codes = entriesOf(name).map((entry) => entry.code);
        assert.equal(new Set(codes).size, codes.length);
      });

      it('labels every entry in fr, es, en and pt, with distinct labels in each language', () => {
        for (const lang of LANGUAGES) {
          const labels = entriesOf(name).map((entry) => entry.labels[lang]);
          for (const [index, label] of labels.entries()) {
            assert.equal(typeof label, 'string', `${name} ${entriesOf(name)[index]?.code} ${lang}`);
            assert.ok(label.trim().length >= 2 && label === label.trim(), `${name} ${lang} label "${label}"`);
          }
          assert.equal(new Set(labels).size, labels.length, `${name} repeats a ${lang} label`);
        }
      });

      // Country names and the modalities (bilateral, regional…) are rightly the same in Spanish and Portuguese.
      if (name !== 'countries' && name !== 'cooperation-modalities') {
        // Catches a language column pasted from another; a few labels are rightly the same (Transit, Asia).
        it('translates rather than copies between languages', () => {
          for (const lang of LANGUAGES) {
            for (const other of LANGUAGES) {
              if (lang >= other) continue;
              const same = entriesOf(name).filter(
                (entry) => entry.labels[lang] === entry.labels[other],
              ).length;
              assert.ok(
                same <= entriesOf(name).length / 2,
                `${name}: ${same} ${lang} labels equal their ${other} label`,
              );
            }
          }
        });
      }
    });
  }

  it('answers null or false for an unknown vocabulary or code', () => {
    assert.equal(getVocabulary('planets'), null);
    assert.equal(getVocabulary('__proto__'), null);
    assert.equal(isCode('countries', 'ZZ'), false);
    assert.equal(isCode('planets', 'MX'), false);
    assert.equal(labelOf('countries', 'ZZ', 'fr'), null);
    assert.equal(labelOf('gcm-objectives', '24', 'en'), null);
  });

  it('cannot be altered by a caller', () => {
    const mexico = getEntry('countries', 'MX');
    assert.ok(mexico);
    assert.throws(() => {
      (mexico.labels as Record<string, string>).es = 'Mejico';
    });
    assert.equal(labelOf('countries', 'MX', 'es'), 'México');
  });
});

describe('countries', () => {
  it('names countries in the four languages', () => {
    assert.equal(labelOf('countries', 'MX', 'es'), 'México');
    assert.equal(labelOf('countries', 'MX', 'fr'), 'Mexique');
    assert.equal(labelOf('countries', 'BR', 'pt'), 'Brasil');
    assert.equal(labelOf('countries', 'DE', 'en'), 'Germany');
  });

  it('covers all ISO 3166-1 codes', () => {
    assert.ok(entriesOf('countries').length >= 249);
    for (const entry of entriesOf('countries')) assert.match(entry.code, /^[A-Z]{2}$/);
  });

  it('places every country in an M49 area, and every country but Antarctica in a region', () => {
    for (const entry of entriesOf('countries')) {
      assert.ok(entry.parent && isCode('regions', entry.parent), `${entry.code} has an M49 area`);
      if (entry.code !== 'AQ') assert.ok(m49AreasOf(entry.code), `${entry.code} has a region`);
    }
  });

  it('gives the region, sub-region and intermediate region of a country', () => {
    assert.deepEqual(m49AreasOf('MX'), { region: '019', subRegion: '419', intermediateRegion: '013' });
    assert.deepEqual(m49AreasOf('US'), { region: '019', subRegion: '021', intermediateRegion: null });
    assert.deepEqual(m49AreasOf('FR'), { region: '150', subRegion: '155', intermediateRegion: null });
    assert.deepEqual(m49AreasOf('SN'), { region: '002', subRegion: '202', intermediateRegion: '011' });
    assert.deepEqual(m49AreasOf('PH'), { region: '142', subRegion: '035', intermediateRegion: null });
    assert.equal(m49AreasOf('AQ'), null);
    assert.equal(m49AreasOf('ZZ'), null);
  });
});

describe('regions', () => {
  it('holds the M49 regions and sub-regions, each under an existing area', () => {
    for (const code of ['019', '419', '021', '150', '142', '002', '009', '029', '013', '005']) {
      assert.ok(isCode('regions', code), code);
    }
    assert.equal(labelOf('regions', '419', 'es'), 'América Latina y el Caribe');
    for (const entry of entriesOf('regions')) {
      if (entry.code === '001') continue;
      assert.ok(entry.parent && isCode('regions', entry.parent), `${entry.code} has a parent`);
    }
  });

  it('gives the level of every area', () => {
    assert.equal(getEntry('regions', '001')?.level, 'world');
    assert.equal(getEntry('regions', '019')?.level, 'region');
    assert.equal(getEntry('regions', '419')?.level, 'sub-region');
    assert.equal(getEntry('regions', '029')?.level, 'intermediate-region');
  });
});
