import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildPractice } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import { translator } from '../web/i18n.ts';
import {
  checkAttachment,
  contentDisposition,
  refusalMessage,
  sanitizeFileName,
} from './practices.attachments.ts';

// ---- Real files, made here ----------------------------------------------------------------------

/** A one-page PDF with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG: signature, IHDR, IDAT (deflated scanline), IEND, each chunk with its CRC. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0xc8, 0x10, 0x2e, 0xff]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The classic 1×1 transparent GIF. */
const tinyGif = () =>
  Buffer.from(
    '47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b',
    'hex',
  );

const t = translator('en');

describe('checkAttachment', () => {
  it('accepts a real PDF and a real PNG, by their content', async () => {
    assert.deepEqual(await checkAttachment(tinyPdf(), 'report.pdf', 10_000), {
      ok: true,
      mediaType: 'application/pdf',
      fileName: 'report.pdf',
    });
    assert.deepEqual(await checkAttachment(tinyPng(), 'Photo.PNG', 10_000), {
      ok: true,
      mediaType: 'image/png',
      fileName: 'Photo.PNG',
    });
  });

  it('refuses a text file named .pdf: its content is no allowed type', async () => {
    const check = await checkAttachment(Buffer.from('Just some text, not a PDF.\n'), 'report.pdf', 10_000);
    assert.deepEqual(check, { ok: false, reason: 'type' });
    assert.match(
      refusalMessage(check as never, 10_000, t),
      /Only PDF files and PNG, JPEG, WebP or GIF images/,
    );
  });

  it('refuses a GIF named .png: the name contradicts the content', async () => {
    const check = await checkAttachment(tinyGif(), 'chart.png', 10_000);
    assert.deepEqual(check, { ok: false, reason: 'extension', extension: 'png', detected: 'GIF' });
    assert.equal(
      refusalMessage(check as never, 10_000, t),
      'The file’s name ends in .png but its content is GIF: rename it or choose another file.',
    );
    assert.equal((await checkAttachment(tinyPng(), 'virus.exe', 10_000)).ok, false);
  });

  it('names a file without an extension after its content, and refuses empty and oversize files', async () => {
    assert.deepEqual(await checkAttachment(tinyGif(), 'scan', 10_000), {
      ok: true,
      mediaType: 'image/gif',
      fileName: 'scan.gif',
    });
    assert.deepEqual(await checkAttachment(Buffer.alloc(0), 'empty.pdf', 10_000), {
      ok: false,
      reason: 'empty',
    });
    assert.deepEqual(await checkAttachment(tinyPdf(), 'big.pdf', 100), { ok: false, reason: 'too-large' });
    assert.equal(
      refusalMessage({ ok: false, reason: 'too-large' }, 10_485_760, t),
      'This file is larger than the limit of 10 MB.',
    );
  });
});

describe('sanitizeFileName and contentDisposition', () => {
  it('keeps the base name only, without control or direction characters', () => {
    assert.equal(sanitizeFileName('../../etc/passwd.pdf'), 'passwd.pdf');
    assert.equal(sanitizeFileName('C:\\Users\\ana\\informe final.pdf'), 'informe final.pdf');
    assert.equal(sanitizeFileName('photo\u202egnp.exe'), 'photo_gnp.exe');
    assert.equal(sanitizeFileName('a\u0000b\r\n"c".pdf'), 'a_b___c_.pdf');
    assert.equal(sanitizeFileName('...hidden.pdf'), 'hidden.pdf');
    const long = sanitizeFileName(`${'é'.repeat(300)}.pdf`);
    assert.equal([...long].length, 200);
    assert.ok(long.endsWith('.pdf'));
  });

  it('sends an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(
      contentDisposition('Informe año 2023 (final).pdf'),
      'attachment; filename="Informe ano 2023 (final).pdf"; filename*=UTF-8\'\'Informe%20a%C3%B1o%202023%20%28final%29.pdf',
    );
  });
});

// ---- Over HTTP ----------------------------------------------------------------------------------

const LIMIT = 4096;
let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp({ PUENTE_ATTACHMENT_LIMIT: String(LIMIT) });
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

function client(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

/** A multipart body as a browser makes it: the CSRF token first, then the file. */
async function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file)
    form.append(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  };
}

async function upload(
  who: Who,
  practiceId: string,
  file?: { name: string; bytes: Buffer },
  fields: Record<string, string> = {},
) {
  const agent = browser(who);
  const csrf = who === 'public' ? 'none' : await agent.csrfToken();
  const body = await multipart({ _csrf: csrf, ...fields }, file);
  return agent.request({ method: 'POST', url: `/en/practices/${practiceId}/attachments`, ...body });
}

async function stored(practiceId: string) {
  return db
    .selectFrom('practice_attachments')
    .select(['id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_by'])
    .where('practice_id', '=', practiceId)
    .execute();
}

const ownDraft = () =>
  buildPractice(db, { organisationId: world.owningOrganisation.id, networkId: world.network.id });

describe('POST /{lang}/practices/{id}/attachments', () => {
  it('stores a real PDF with its detected type, size and SHA-256, and comes back to the form', async () => {
    const { id } = await ownDraft();
    const pdf = tinyPdf();
    const response = await upload('focalOwn', id, { name: 'Informe año 2023.pdf', bytes: pdf });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.equal(response.headers.location, `/en/practices/${id}/edit?notice=attached#attachments`);
    const [row] = await stored(id);
    assert.ok(row);
    assert.equal(row.file_name, 'Informe año 2023.pdf');
    assert.equal(row.media_type, 'application/pdf');
    assert.equal(row.size_bytes, pdf.length);
    assert.equal(row.sha256, crypto.createHash('sha256').update(pdf).digest('hex'));
    assert.equal(row.uploaded_by, world.actors.focalOwn.userId);
    const edit = await browser('focalOwn').get(`/en/practices/${id}/edit?notice=attached`);
    assert.match(edit.body, /The file is attached/);
    assert.match(edit.body, new RegExp(`href="/en/practices/${id}/attachments/${row.id}"`));
  });

  it('goes back to the practice page when the upload came from there', async () => {
    const { id } = await ownDraft();
    const response = await upload(
      'secretariat',
      id,
      { name: 'map.png', bytes: tinyPng() },
      { returnTo: 'practice' },
    );
    assert.equal(response.statusCode, 303);
    assert.equal(
      response.headers.location,
      `/en/practices/${id}?version=working&notice=attached#attachments`,
    );
  });

  it('refuses a text file renamed .pdf, with the message next to the file field', async () => {
    const { id } = await ownDraft();
    const response = await upload('focalOwn', id, { name: 'notes.pdf', bytes: Buffer.from('plain text\n') });
    assert.equal(response.statusCode, 400);
    assert.match(
      response.body,
      /id="field-file-error">Only PDF files and PNG, JPEG, WebP or GIF images can be attached\.</,
    );
    assert.match(response.body, /href="#field-file"/);
    assert.deepEqual(await stored(id), []);
  });

  it('refuses a GIF named .png', async () => {
    const { id } = await ownDraft();
    const response = await upload('focalOwn', id, { name: 'chart.png', bytes: tinyGif() });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /its content is GIF/);
    assert.deepEqual(await stored(id), []);
  });

  it('refuses a file over the limit: a form message just above it, a 413 page far above it', async () => {
    const { id } = await ownDraft();
    const justOver = Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT)]);
    const near = await upload('focalOwn', id, { name: 'big.pdf', bytes: justOver });
    assert.equal(near.statusCode, 413);
    assert.match(near.body, /id="field-file-error">This file is larger than the limit of 4 KB\.</);
    const far = await upload('focalOwn', id, {
      name: 'huge.pdf',
      bytes: Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT * 20)]),
    });
    assert.equal(far.statusCode, 413);
    assert.match(far.body, /Upload too large/);
    assert.deepEqual(await stored(id), []);
  });

  it('asks for a file when none was chosen', async () => {
    const { id } = await ownDraft();
    const response = await upload('focalOwn', id);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Choose a file to attach\./);
  });

  it("refuses another organisation's focal point (403), the public (401) and a missing CSRF token (403)", async () => {
    const { id } = await ownDraft();
    assert.equal((await upload('focalOther', id, { name: 'a.pdf', bytes: tinyPdf() })).statusCode, 403);
    assert.equal((await upload('member', id, { name: 'a.pdf', bytes: tinyPdf() })).statusCode, 403);
    assert.equal((await upload('public', id, { name: 'a.pdf', bytes: tinyPdf() })).statusCode, 401);
    const agent = browser('focalOwn');
    const body = await multipart({}, { name: 'a.pdf', bytes: tinyPdf() });
    const noToken = await agent.request({ method: 'POST', url: `/en/practices/${id}/attachments`, ...body });
    assert.equal(noToken.statusCode, 403);
    assert.deepEqual(await stored(id), []);
  });

  it('answers 400, not 500, to a broken multipart body, and 404 to an unknown practice', async () => {
    const { id } = await ownDraft();
    const agent = browser('focalOwn');
    const broken = await agent.request({
      method: 'POST',
      url: `/en/practices/${id}/attachments`,
      headers: { 'content-type': 'multipart/form-data; boundary=nothing-here' },
      payload: 'garbage',
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(
      (await upload('focalOwn', crypto.randomUUID(), { name: 'a.pdf', bytes: tinyPdf() })).statusCode,
      404,
    );
  });

  it('leaves every other route closed to multipart bodies', async () => {
    const body = await multipart({ email: 'a@example.org', password: 'x' });
    const response = await new Agent(ctx.app).request({ method: 'POST', url: '/en/login', ...body });
    assert.equal(response.statusCode, 415);
  });
});

describe('GET /{lang}/practices/{id}/attachments/{attachmentId}', () => {
  async function attached(published: boolean) {
    const practice = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
      published,
    });
    const response = await upload('focalOwn', practice.id, {
      name: 'Informe año 2023.pdf',
      bytes: tinyPdf(),
    });
    assert.equal(response.statusCode, 303);
    const [row] = await stored(practice.id);
    return { practiceId: practice.id, attachmentId: row!.id };
  }

  it('downloads with the detected type, as an attachment named in UTF-8, never sniffed', async () => {
    const { practiceId, attachmentId } = await attached(true);
    const response = await browser('public').get(`/en/practices/${practiceId}/attachments/${attachmentId}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; .*filename\*=UTF-8''Informe%20a%C3%B1o%202023\.pdf$/,
    );
    assert.deepEqual(response.rawPayload, tinyPdf());
  });

  it("keeps a draft's attachments to those who may see the draft", async () => {
    const { practiceId, attachmentId } = await attached(false);
    const url = `/en/practices/${practiceId}/attachments/${attachmentId}`;
    assert.equal((await browser('public').get(url)).statusCode, 404);
    assert.equal((await browser('focalOther').get(url)).statusCode, 404);
    assert.equal((await browser('focalOwn').get(url)).statusCode, 200);
    assert.equal((await browser('secretariat').get(url)).statusCode, 200);
    assert.equal(
      (await browser('focalOwn').get(`/en/practices/${practiceId}/attachments/${crypto.randomUUID()}`))
        .statusCode,
      404,
    );
  });
});

describe('POST /{lang}/practices/{id}/attachments/{attachmentId}/delete', () => {
  it('deletes for those who manage the practice, and refuses another organisation', async () => {
    const { id } = await ownDraft();
    await upload('focalOwn', id, { name: 'a.pdf', bytes: tinyPdf() });
    const [row] = await stored(id);
    const url = `/en/practices/${id}/attachments/${row!.id}/delete`;
    assert.equal((await browser('focalOther').postForm(url, {})).statusCode, 403);
    assert.equal((await stored(id)).length, 1);
    const response = await browser('focalOwn').postForm(url, {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/en/practices/${id}/edit?notice=deleted#attachments`);
    assert.deepEqual(await stored(id), []);
    assert.equal((await browser('focalOwn').postForm(url, {})).statusCode, 404);
  });
});

describe('POST /api/v1/practices/{id}/attachments', () => {
  async function apiUpload(who: Who, practiceId: string, file?: { name: string; bytes: Buffer }) {
    const body = await multipart({}, file);
    return client(who).request({
      method: 'POST',
      url: `/api/v1/practices/${practiceId}/attachments`,
      ...body,
    });
  }

  it('answers 201 with the id, the detected type and the size', async () => {
    const { id } = await ownDraft();
    const png = tinyPng();
    const response = await apiUpload('focalOwn', id, { name: 'map.png', bytes: png });
    assert.equal(response.statusCode, 201, response.body);
    const json = response.json();
    assert.equal(json.mediaType, 'image/png');
    assert.equal(json.sizeBytes, png.length);
    assert.match(json.id, /^[0-9a-f-]{36}$/);
  });

  it('answers a refused file with a problem document naming the field', async () => {
    const { id } = await ownDraft();
    const response = await apiUpload('focalOwn', id, { name: 'notes.pdf', bytes: Buffer.from('text') });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(response.json().errors[0].field, 'file');
    const tooBig = await apiUpload('focalOwn', id, {
      name: 'big.pdf',
      bytes: Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT)]),
    });
    assert.equal(tooBig.statusCode, 413);
    assert.equal(tooBig.json().errors[0].field, 'file');
    const none = await client('focalOwn').json('POST', `/api/v1/practices/${id}/attachments`, {});
    assert.equal(none.statusCode, 400);
  });

  it("refuses another organisation's focal point (403) and an anonymous caller (401)", async () => {
    const { id } = await ownDraft();
    assert.equal((await apiUpload('focalOther', id, { name: 'a.pdf', bytes: tinyPdf() })).statusCode, 403);
    const anonymous = await multipart({}, { name: 'a.pdf', bytes: tinyPdf() });
    const response = await new Agent(ctx.app).request({
      method: 'POST',
      url: `/api/v1/practices/${id}/attachments`,
      ...anonymous,
    });
    assert.equal(response.statusCode, 401);
    assert.deepEqual(await stored(id), []);
  });
});
