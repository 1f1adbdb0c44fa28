import crypto from 'node:crypto';
import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import type { UploadedFile } from '../http/multipart.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { checkAttachment, refusalMessage } from '../practices/index.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { canManageUpdate, canPostAs, canViewUpdate } from './updates.access.ts';
import {
  type NewUpdateRow,
  type UpdatePost,
  deleteAttachmentRow,
  findUpdate,
  insertAttachmentRow,
  insertUpdateRow,
  readAttachmentRow as readAttachmentRowOf,
  updateUpdateRow,
} from './updates.repository.ts';
import { UpdateEdit, UpdateInput, WithdrawInput } from './updates.schemas.ts';
import type { UpdateLink } from './updates.tables.ts';

/** Writes of the feed: each authorizes first, validates, and saves the post and its files in one transaction. */

const validateInput = inputValidator(UpdateInput);
const validateEdit = inputValidator(UpdateEdit);
const validateWithdraw = inputValidator(WithdrawInput);

export type Saved = { id: string; version: number };

/** A save that lost a race: the caller shows the saved post beside the user's values. */
export interface UpdateConflict {
  ok: false;
  conflict: UpdatePost;
  errors: FieldError[];
}

/** A file to attach, as received, with the limit it must keep under. */
export interface Attachments {
  files: readonly UploadedFile[];
  limit: number;
}

const NO_FILES: Attachments = { files: [], limit: 0 };

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What a schema cannot check: non-blank texts, country codes, web addresses. */
function checkPost(input: UpdateInput, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  if (input.title.trim() === '') errors.push({ field: 'title', message: t('updates.error.titleRequired') });
  if (input.body.trim() === '') errors.push({ field: 'body', message: t('updates.error.bodyRequired') });
  for (const [index, code] of (input.countries ?? []).entries())
    if (!isCode('countries', code))
      errors.push({ field: `countries.${index}`, message: t('updates.error.unknownCountry', { code }) });
  for (const [index, link] of (input.links ?? []).entries())
    if (!isWebAddress(link.url.trim()))
      errors.push({ field: `links.${index}.url`, message: t('updates.error.linkScheme') });
  return errors;
}

/**
 * When the schema refuses an input (a missing title, say), its links are still checked, so that
 * the form shows every problem at once rather than one after the other.
 */
function withLinkErrors(errors: FieldError[], input: unknown, t: Translate): FieldError[] {
  // A blank title or text gets the form's own words rather than the schema's.
  const own: Record<string, string> = {
    title: t('updates.error.titleRequired'),
    body: t('updates.error.bodyRequired'),
  };
  const value = (field: string) => (input as Record<string, unknown> | null)?.[field];
  errors = errors.map((error) => {
    const text = value(error.field);
    return own[error.field] && (text === undefined || (typeof text === 'string' && text.trim() === ''))
      ? { field: error.field, message: own[error.field]! }
      : error;
  });
  const links = (input as { links?: unknown } | null)?.links;
  if (!Array.isArray(links)) return errors;
  const extra: FieldError[] = [];
  for (const [index, link] of links.entries()) {
    const url = (link as { url?: unknown } | null)?.url;
    const field = `links.${index}.url`;
    if (typeof url === 'string' && !isWebAddress(url.trim()) && !errors.some((e) => e.field === field))
      extra.push({ field, message: t('updates.error.linkScheme') });
  }
  return [...errors, ...extra];
}

const linksOf = (links: UpdateInput['links']): UpdateLink[] =>
  (links ?? []).map((link) => ({ url: link.url.trim(), label: link.label.trim() }));

type Checked = { fileName: string; mediaType: string; bytes: Buffer };

/** Every file is checked before anything is saved: one refused file refuses the whole post. */
async function checkFiles(
  attachments: Attachments,
  t: Translate,
): Promise<{ files: Checked[]; errors: FieldError[] }> {
  const files: Checked[] = [];
  const errors: FieldError[] = [];
  for (const file of attachments.files) {
    const bytes = file.bytes();
    const check = await checkAttachment(bytes, file.name, attachments.limit);
    if (check.ok) files.push({ fileName: check.fileName, mediaType: check.mediaType, bytes });
    else
      errors.push({
        field: 'attachments',
        message: t('updates.error.attachment', {
          name: file.name || '—',
          reason: refusalMessage(check, attachments.limit, t),
        }),
      });
  }
  return { files, errors };
}

async function storeFiles(tx: Executor, updateId: string, files: Checked[], uploadedBy: string) {
  for (const file of files)
    await insertAttachmentRow(tx, {
      updateId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.bytes.length,
      sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
      data: file.bytes,
      uploadedBy,
    });
}

async function networkExists(db: Executor, networkId: string) {
  return (
    (await db.selectFrom('networks').select('id').where('id', '=', networkId).executeTakeFirst()) !==
    undefined
  );
}

/**
 * Who may post where: a 403 when the actor may not speak for that organisation (or for the
 * network), a field error when the organisation is not a member of the chosen network.
 */
async function authorizePost(
  db: Executor,
  actor: Principal,
  networkId: string,
  organisationId: string | null,
  t: Translate,
): Promise<FieldError[]> {
  const speaksFor = organisationId === null ? false : actor.organisationId === organisationId;
  if (!speaksFor && !isSecretariat(actor, networkId)) throw new HttpProblem('forbidden');
  if (!(await networkExists(db, networkId)))
    return [{ field: 'networkId', message: t('updates.error.unknownNetwork') }];
  if (!(await canPostAs(db, actor, networkId, organisationId)))
    return [
      {
        field: organisationId === null ? 'networkId' : 'organisationId',
        message: t('updates.error.notMember'),
      },
    ];
  return [];
}

/** Publishes a post, with its attachments, for an organisation of a network or for the network. */
export async function createUpdate(
  db: Db,
  actor: Principal,
  rawInput: unknown,
  t: Translate,
  attachments: Attachments = NO_FILES,
): Promise<Result<Saved>> {
  const input = plainCopy(rawInput) as UpdateInput;
  const schemaErrors = validateInput(input, t);
  if (schemaErrors.length > 0) {
    // Authorization still comes first when the input names an organisation the actor may not speak for.
    const org = input?.organisationId;
    if (typeof org === 'string' && org !== actor.organisationId && !isSecretariat(actor))
      throw new HttpProblem('forbidden');
    return invalid(withLinkErrors(schemaErrors, input, t));
  }
  // A focal point who names no organisation posts for their own.
  const organisationId = input.organisationId === undefined ? actor.organisationId : input.organisationId;
  const errors = [
    ...(await authorizePost(db, actor, input.networkId, organisationId, t)),
    ...checkPost(input, t),
  ];
  const files = await checkFiles(attachments, t);
  errors.push(...files.errors);
  if (errors.length > 0) return invalid(errors);
  const row: NewUpdateRow = {
    networkId: input.networkId,
    organisationId,
    authorId: actor.userId,
    category: input.category,
    countries: input.countries ?? [],
    language: input.language,
    title: input.title.trim(),
    body: input.body.trim(),
    links: linksOf(input.links),
    visibility: input.visibility ?? 'network',
  };
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertUpdateRow(tx, row);
    await storeFiles(tx, id, files.files, actor.userId);
    return id;
  });
  return ok({ id, version: 1 });
}

/** The post if the actor may manage it: unknown or hidden is 404, visible but not theirs is 403. */
async function managedUpdate(db: Executor, actor: Principal, id: string): Promise<UpdatePost> {
  const post = await findUpdate(db, id);
  if (!post || !(await canViewUpdate(db, actor, post))) throw new HttpProblem('not-found');
  if (!canManageUpdate(actor, post)) throw new HttpProblem('forbidden');
  return post;
}

async function conflictOf(db: Executor, id: string, t: Translate): Promise<UpdateConflict> {
  const saved = await findUpdate(db, id);
  if (!saved) throw new HttpProblem('not-found');
  return { ok: false, conflict: saved, errors: [{ field: 'version', message: t('updates.error.conflict') }] };
}

/** Changes a post from the version the user read, adding attachments; a stale version is a conflict. */
export async function editUpdate(
  db: Db,
  actor: Principal,
  id: string,
  rawInput: unknown,
  t: Translate,
  attachments: Attachments = NO_FILES,
): Promise<Result<Saved> | UpdateConflict> {
  const current = await managedUpdate(db, actor, id);
  const input = plainCopy(rawInput) as UpdateEdit;
  const schemaErrors = validateEdit(input, t);
  if (schemaErrors.length > 0) return invalid(withLinkErrors(schemaErrors, input, t));
  const organisationId = input.organisationId === undefined ? current.organisationId : input.organisationId;
  const moved = input.networkId !== current.networkId || organisationId !== current.organisationId;
  const errors = [
    ...(moved ? await authorizePost(db, actor, input.networkId, organisationId, t) : []),
    ...checkPost(input, t),
  ];
  const files = await checkFiles(attachments, t);
  errors.push(...files.errors);
  if (errors.length > 0) return invalid(errors);
  const saved = await db.transaction().execute(async (tx) => {
    const changed = await updateUpdateRow(tx, id, input.version, {
      networkId: input.networkId,
      organisationId,
      category: input.category,
      countries: input.countries ?? [],
      language: input.language,
      title: input.title.trim(),
      body: input.body.trim(),
      links: linksOf(input.links),
      visibility: input.visibility ?? current.visibility,
    });
    if (changed) await storeFiles(tx, id, files.files, actor.userId);
    return changed;
  });
  if (!saved) return conflictOf(db, id, t);
  return ok({ id, version: input.version + 1 });
}

/** Withdraws a post: it leaves every list and feed; those who manage it still see it, marked. */
export async function withdrawUpdate(
  db: Db,
  actor: Principal,
  id: string,
  rawInput: unknown,
  t: Translate,
): Promise<Result<Saved> | UpdateConflict> {
  await managedUpdate(db, actor, id);
  const input = plainCopy(rawInput) as { version: number };
  const errors = validateWithdraw(input, t);
  if (errors.length > 0) return invalid(errors);
  if (!(await updateUpdateRow(db, id, input.version, { status: 'withdrawn' }))) return conflictOf(db, id, t);
  return ok({ id, version: input.version + 1 });
}

/** Removes one attachment of a post (those who manage the post). */
export async function removeAttachment(db: Db, actor: Principal, id: string, attachmentId: string) {
  await managedUpdate(db, actor, id);
  if (!(await deleteAttachmentRow(db, id, attachmentId))) throw new HttpProblem('not-found');
}

/** One attachment with its bytes, for whoever may see the post. */
export async function readAttachment(
  db: Executor,
  reader: Principal | null,
  id: string,
  attachmentId: string,
) {
  const post = await findUpdate(db, id);
  if (!post || !(await canViewUpdate(db, reader, post))) throw new HttpProblem('not-found');
  const file = await readAttachmentRowOf(db, id, attachmentId);
  if (!file) throw new HttpProblem('not-found');
  return file;
}
