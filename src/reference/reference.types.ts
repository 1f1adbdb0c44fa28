import type { Lang } from '../web/language.ts';

export type { Lang };

/** The depth of an area in the UN M49 geographic hierarchy. */
export type M49Level = 'world' | 'region' | 'sub-region' | 'intermediate-region';

export interface ReferenceEntry {
  code: string;
  labels: Record<Lang, string>;
  /** A region's enclosing M49 area; a country's most specific M49 area (intermediate region or sub-region). */
  parent?: string;
  /** Set on `regions` entries only. */
  level?: M49Level | undefined;
}
