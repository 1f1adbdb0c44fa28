import type { UpdateCategory, UpdateVisibility } from './updates.tables.ts';

/** The feed's categories (seed 003's exchange of information), in the order lists show them. */
export const UPDATE_CATEGORIES: readonly UpdateCategory[] = [
  'migration-routes',
  'return',
  'funding',
  'civil-society',
  'legislation',
  'events',
  'publications',
  'other',
];

export const UPDATE_VISIBILITIES: readonly UpdateVisibility[] = ['public', 'network'];

/** The languages a post may be written in (the interface's; the post is marked with its `lang`). */
export const POST_LANGUAGES = ['fr', 'es', 'en', 'pt'] as const;

export const isCategory = (value: string): value is UpdateCategory =>
  (UPDATE_CATEGORIES as readonly string[]).includes(value);

/** The message key of a category's label ('updates.category.funding'). */
export function categoryLabelKey(category: string): string {
  switch (category) {
    case 'migration-routes':
      return 'updates.category.migration-routes';
    case 'return':
      return 'updates.category.return';
    case 'funding':
      return 'updates.category.funding';
    case 'civil-society':
      return 'updates.category.civil-society';
    case 'legislation':
      return 'updates.category.legislation';
    case 'events':
      return 'updates.category.events';
    case 'publications':
      return 'updates.category.publications';
    default:
      return 'updates.category.other';
  }
}
