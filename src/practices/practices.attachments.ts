import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import type { UploadedFile } from '../http/multipart.ts';
import { canManagePractice, canViewPractice } from './practices.access.ts';
import * as repo from './practices.repository.ts';

/**
 * Attachments of a practice: PDF documents and images, kept in the database beside the practice
 * (so that a backup holds them). A file is judged by its bytes, never by the name or the type the
 * browser declares: what is stored and served is the type detected from the content.
 */

/** The types accepted, with the extensions a name of that type may end with (the first is the usual one). */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
};

/** A short name for each type, as people know them ("PDF", "PNG"…). */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

const KNOWN_EXTENSIONS = new Map<string, string>();
for (const [type, extensions] of Object.entries(ATTACHMENT_TYPES))
  for (const extension of extensions) KNOWN_EXTENSIONS.set(extension, type);

/** Room for the form's few fields and part headers beside the file. */
const MULTIPART_OVERHEAD = 16 * 1024;

/** The body limit of an upload route: the file plus the form's few fields and part headers. */
export const uploadBodyLimit = (attachmentLimit: number) => attachmentLimit + MULTIPART_OVERHEAD;

// ---- The file's name --------------------------------------------------------------------------

/** Control characters, invisible and direction marks, and what file systems or headers forbid. */
function isUnsafeInNames(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    '"*:<>?|\\/'.includes(char)
  );
}
const NAME_LIMIT = 200;

/**
 * A name safe to store and to send back in a header: no folder, no control or bidirectional
 * characters (which could disguise "fdp.exe" as "exe.pdf"), no leading dots, at most 200
 * characters with the extension kept.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = [...base]
    .map((char) => (isUnsafeInNames(char) ? '_' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  if ([...name].length > NAME_LIMIT) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name =
      [...name.slice(0, name.length - extension.length)].slice(0, NAME_LIMIT - extension.length).join('') +
      extension;
  }
  return name;
}

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

export type AttachmentCheck =
  | { ok: true; mediaType: string; fileName: string }
  | {
      ok: false;
      reason: 'empty' | 'too-large' | 'type' | 'extension';
      extension?: string;
      detected?: string;
    };

/**
 * Decides whether bytes may be attached, by their content: a detected type among ATTACHMENT_TYPES,
 * and a name whose extension, if it has a known one, agrees (a GIF named .png is refused, not
 * silently served as a GIF: the person meant to send something else). A name without a known
 * extension gets the detected type's.
 */
export async function checkAttachment(
  bytes: Buffer,
  rawName: string,
  limit: number,
): Promise<AttachmentCheck> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > limit) return { ok: false, reason: 'too-large' };
  const detected = await fileTypeFromBuffer(bytes);
  const mediaType = detected?.mime;
  if (!mediaType || !ATTACHMENT_TYPES[mediaType]) return { ok: false, reason: 'type' };
  const extensions = ATTACHMENT_TYPES[mediaType]!;
  let fileName = sanitizeFileName(rawName);
  const extension = extensionOf(fileName);
  if (extension !== null && !extensions.includes(extension)) {
    // Any other extension contradicts the content: a known type's, or one like .exe or .txt.
    return { ok: false, reason: 'extension', extension, detected: TYPE_NAMES[mediaType]! };
  }
  if (extension === null) fileName = `${fileName || 'attachment'}.${extensions[0]}`;
  return { ok: true, mediaType, fileName };
}

/** The localized message for a refused file. */
export function refusalMessage(
  check: Exclude<AttachmentCheck, { ok: true }>,
  limit: number,
  t: Translate,
): string {
  switch (check.reason) {
    case 'empty':
      return t('practiceForm.error.fileEmpty');
    case 'too-large':
      return t('practiceForm.error.fileTooLarge', { limit: formatSize(limit, t) });
    case 'extension':
      return t('practiceForm.error.fileExtension', { extension: check.extension, type: check.detected });
    case 'type':
      return t('practiceForm.error.fileType');
  }
}

export function formatSize(bytes: number, t: Translate): string {
  if (bytes >= 1_048_576) return t('practiceForm.size.mb', { size: Math.round(bytes / 104_857.6) / 10 });
  return t('practiceForm.size.kb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

// ---- Storing, reading, deleting ---------------------------------------------------------------

async function managedPractice(db: Executor, actor: Principal, practiceId: string) {
  const practice = await repo.findPractice(db, practiceId);
  if (!practice) throw new HttpProblem('not-found');
  if (!canManagePractice(actor, practice)) throw new HttpProblem('forbidden');
  return practice;
}

/** Refuses someone who may not manage the practice, before any byte of the file is looked at. */
export async function assertCanAttach(db: Executor, actor: Principal, practiceId: string): Promise<void> {
  await managedPractice(db, actor, practiceId);
}

/**
 * Attaches a file to a practice (its organisation's focal points, its network's secretariat).
 * Expected refusals (no file, wrong type, too large) are field errors on `file`.
 */
export async function attachFile(
  db: Db,
  actor: Principal,
  practiceId: string,
  file: UploadedFile | null,
  limit: number,
  t: Translate,
): Promise<Result<{ id: string; fileName: string; mediaType: string; sizeBytes: number }>> {
  await managedPractice(db, actor, practiceId);
  if (file === null) return invalid([{ field: 'file', message: t('practiceForm.error.fileMissing') }]);
  const bytes = file.bytes();
  const check = await checkAttachment(bytes, file.name, limit);
  if (!check.ok) return invalid([{ field: 'file', message: refusalMessage(check, limit, t) }]);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const row = await db
    .insertInto('practice_attachments')
    .values({
      practice_id: practiceId,
      file_name: check.fileName,
      media_type: check.mediaType,
      size_bytes: bytes.length,
      sha256,
      data: bytes,
      uploaded_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok({ id: row.id, fileName: check.fileName, mediaType: check.mediaType, sizeBytes: bytes.length });
}

export interface AttachmentSummary {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** The attachments of a practice, oldest first, without their bytes (the caller has checked who may see them). */
export async function listAttachments(db: Executor, practiceId: string): Promise<AttachmentSummary[]> {
  return db
    .selectFrom('practice_attachments')
    .select([
      'id',
      'file_name as fileName',
      'media_type as mediaType',
      'size_bytes as sizeBytes',
      'created_at as createdAt',
    ])
    .where('practice_id', '=', practiceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * One attachment with its bytes, for whoever may view the practice (anyone once it is published).
 * Hidden practices answer "not found", as their pages do, so that their existence does not leak.
 */
export async function readAttachment(
  db: Executor,
  actor: Principal | null,
  practiceId: string,
  attachmentId: string,
) {
  const practice = await repo.findPractice(db, practiceId);
  if (!practice || !(await canViewPractice(db, actor, practice))) throw new HttpProblem('not-found');
  const row = await db
    .selectFrom('practice_attachments')
    .select(['file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'sha256', 'data'])
    .where('id', '=', attachmentId)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  if (!row) throw new HttpProblem('not-found');
  return row;
}

/** Deletes an attachment (those who manage the practice). */
export async function deleteAttachment(
  db: Db,
  actor: Principal,
  practiceId: string,
  attachmentId: string,
): Promise<{ fileName: string }> {
  await managedPractice(db, actor, practiceId);
  const row = await db
    .deleteFrom('practice_attachments')
    .where('id', '=', attachmentId)
    .where('practice_id', '=', practiceId)
    .returning('file_name as fileName')
    .executeTakeFirst();
  if (!row) throw new HttpProblem('not-found');
  return row;
}

/** `Content-Disposition` for a download: an ASCII fallback and the exact name in RFC 8187 form. */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '_')
      .trim() || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
