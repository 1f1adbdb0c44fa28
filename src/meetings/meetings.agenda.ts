import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { UploadedFile } from '../http/multipart.ts';
import { HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import { formatSize, sanitizeFileName } from '../practices/index.ts';
import type { Translate } from '../web/i18n.ts';
import { findMeetingForViewer } from './meetings.access.ts';
import { managedMeeting } from './meetings.commands.ts';
import { isUuid } from './meetings.model.ts';
import type { AgendaItemInput } from './meetings.schemas.ts';

/**
 * What a meeting is about: its agenda (ordered items the secretariat adds, edits, deletes and
 * moves) and its documents (PDF, images, office documents, judged by their bytes, never by the
 * name or the type the browser declares).
 */

// ---- Agenda -----------------------------------------------------------------------------------

function checkAgendaItem(input: AgendaItemInput, t: Translate) {
  const title = input.title.trim();
  const errors = [];
  if (title === '') errors.push({ field: 'title', message: t('meetings.error.titleRequired') });
  const duration = input.durationMinutes ?? null;
  if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > 1440))
    errors.push({ field: 'durationMinutes', message: t('meetings.error.duration') });
  return {
    errors,
    values: {
      title,
      description: input.description?.trim() || null,
      presenter: input.presenter?.trim() || null,
      duration,
    },
  };
}

export async function addAgendaItem(
  db: Db,
  actor: Principal,
  meetingId: string,
  input: AgendaItemInput,
  t: Translate,
): Promise<Result<{ id: string }>> {
  const meeting = await managedMeeting(db, actor, meetingId);
  const { errors, values } = checkAgendaItem(input, t);
  if (errors.length > 0) return invalid(errors);
  const lang = meeting.originalLanguage;
  const last = await db
    .selectFrom('meeting_agenda_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  const row = await db
    .insertInto('meeting_agenda_items')
    .values({
      meeting_id: meeting.id,
      position: Number(last?.max ?? 0) + 1,
      title: JSON.stringify({ [lang]: values.title }),
      description: JSON.stringify(values.description ? { [lang]: values.description } : {}),
      presenter: values.presenter,
      duration_minutes: values.duration,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}

async function agendaItemOf(db: Executor, meetingId: string, itemId: string) {
  if (!isUuid(itemId)) throw new HttpProblem('not-found');
  const item = await db
    .selectFrom('meeting_agenda_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!item) throw new HttpProblem('not-found');
  return item;
}

export async function updateAgendaItem(
  db: Db,
  actor: Principal,
  meetingId: string,
  itemId: string,
  input: AgendaItemInput,
  t: Translate,
): Promise<Result<{ id: string }>> {
  const meeting = await managedMeeting(db, actor, meetingId);
  const item = await agendaItemOf(db, meeting.id, itemId);
  const { errors, values } = checkAgendaItem(input, t);
  if (errors.length > 0) return invalid(errors);
  const lang = meeting.originalLanguage;
  const description = { ...item.description };
  if (values.description) description[lang as 'en'] = values.description;
  else delete description[lang as 'en'];
  await db
    .updateTable('meeting_agenda_items')
    .set({
      title: JSON.stringify({ ...item.title, [lang]: values.title }),
      description: JSON.stringify(description),
      presenter: values.presenter,
      duration_minutes: values.duration,
    })
    .where('id', '=', item.id)
    .execute();
  return ok({ id: item.id });
}

export async function deleteAgendaItem(db: Db, actor: Principal, meetingId: string, itemId: string) {
  const meeting = await managedMeeting(db, actor, meetingId);
  const item = await agendaItemOf(db, meeting.id, itemId);
  await db.deleteFrom('meeting_agenda_items').where('id', '=', item.id).execute();
}

/** Swaps an item with its neighbour above or below (nothing happens at either end). */
export async function moveAgendaItem(
  db: Db,
  actor: Principal,
  meetingId: string,
  itemId: string,
  direction: 'up' | 'down',
) {
  const meeting = await managedMeeting(db, actor, meetingId);
  await agendaItemOf(db, meeting.id, itemId);
  await db.transaction().execute(async (tx) => {
    const items = await tx
      .selectFrom('meeting_agenda_items')
      .select(['id', 'position'])
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .orderBy('id')
      .forUpdate()
      .execute();
    const index = items.findIndex((i) => i.id === itemId);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || other < 0 || other >= items.length) return;
    [items[index], items[other]] = [items[other]!, items[index]!];
    // Renumber all: positions stay 1..n whatever happened before.
    for (const [i, item] of items.entries()) {
      if (item.position !== i + 1)
        await tx
          .updateTable('meeting_agenda_items')
          .set({ position: i + 1 })
          .where('id', '=', item.id)
          .execute();
    }
  });
}

// ---- Documents --------------------------------------------------------------------------------

/** The types accepted, by the type read from the bytes, with the extensions a name may end with. */
export const DOCUMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
};

/** Attaches a document to a meeting (its secretariat). Refusals are field errors on `file` or `title`. */
export async function attachDocument(
  db: Db,
  actor: Principal,
  meetingId: string,
  input: { title: string; file: UploadedFile | null },
  limit: number,
  t: Translate,
): Promise<Result<{ id: string; fileName: string; mediaType: string }>> {
  const meeting = await managedMeeting(db, actor, meetingId);
  const file = input.file;
  if (file === null || file.size === 0)
    return invalid([{ field: 'file', message: t('meetings.error.fileMissing') }]);
  if (file.size > limit)
    return invalid([
      { field: 'file', message: t('meetings.error.fileTooLarge', { limit: formatSize(limit, t) }) },
    ]);
  const bytes = file.bytes();
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const extensions = detected ? DOCUMENT_TYPES[detected] : undefined;
  if (!detected || !extensions) return invalid([{ field: 'file', message: t('meetings.error.fileType') }]);
  let fileName = sanitizeFileName(file.name);
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : null;
  if (extension !== null && !extensions.includes(extension))
    return invalid([{ field: 'file', message: t('meetings.error.fileExtension', { extension }) }]);
  if (extension === null) fileName = `${fileName || 'document'}.${extensions[0]}`;
  const title = input.title.trim() || fileName;
  const row = await db
    .insertInto('meeting_documents')
    .values({
      meeting_id: meeting.id,
      title: title.slice(0, 300),
      language: null,
      file_name: fileName,
      media_type: detected,
      size_bytes: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      data: bytes,
      uploaded_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok({ id: row.id, fileName, mediaType: detected });
}

/** A document with its bytes, for whoever may see the meeting (others: not found). */
export async function readDocument(
  db: Executor,
  actor: Principal | null,
  meetingId: string,
  documentId: string,
) {
  const meeting = await findMeetingForViewer(db, actor, meetingId);
  if (meeting === null || !isUuid(documentId)) throw new HttpProblem('not-found');
  const row = await db
    .selectFrom('meeting_documents')
    .select(['file_name', 'media_type', 'data'])
    .where('id', '=', documentId)
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (!row) throw new HttpProblem('not-found');
  return row;
}

export async function deleteDocument(db: Db, actor: Principal, meetingId: string, documentId: string) {
  const meeting = await managedMeeting(db, actor, meetingId);
  if (!isUuid(documentId)) throw new HttpProblem('not-found');
  const removed = await db
    .deleteFrom('meeting_documents')
    .where('id', '=', documentId)
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw new HttpProblem('not-found');
}
