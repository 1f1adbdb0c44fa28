export {
  VOCABULARY_NAMES,
  getEntry,
  getVocabulary,
  isCode,
  isVocabularyName,
  labelOf,
  m49AreasOf,
  type Lang,
  type M49Areas,
  type M49Level,
  type ReferenceEntry,
  type VocabularyName,
} from './reference.queries.ts';
