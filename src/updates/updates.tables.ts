import type { ColumnType, Generated } from 'kysely';

type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type UpdateCategory =
  | 'migration-routes'
  | 'return'
  | 'funding'
  | 'civil-society'
  | 'legislation'
  | 'events'
  | 'publications'
  | 'other';
export type UpdateVisibility = 'public' | 'network';
export type UpdateStatus = 'published' | 'withdrawn';
export interface UpdateLink {
  url: string;
  label: string;
}

/** A post of the information-exchange feed, written in one language. */
export interface UpdatesTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string | null;
  author_id: string | null;
  category: UpdateCategory;
  countries: TextArray;
  language: string;
  title: string;
  body: string;
  links: ColumnType<UpdateLink[], UpdateLink[] | string | undefined, UpdateLink[] | string>;
  visibility: ColumnType<UpdateVisibility, UpdateVisibility | undefined, UpdateVisibility>;
  status: ColumnType<UpdateStatus, UpdateStatus | undefined, UpdateStatus>;
  published_at: Timestamp;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface UpdateAttachmentsTable {
  id: Generated<string>;
  update_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  data: Uint8Array;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface UpdatesTables {
  updates: UpdatesTable;
  update_attachments: UpdateAttachmentsTable;
}
