import { BodyParseError } from '../http/body-parsers.ts';

/**
 * The import page's form sends a file, so it is `multipart/form-data` (RFC 7578). It is parsed
 * here, whole, during body parsing, like the urlencoded forms: the CSRF check that follows reads
 * the `_csrf` field, which a parser working in the handler would not have read yet. The file's
 * bytes ride on the body under a symbol, out of reach of the schema (which strips unknown fields)
 * and of the NUL-character check (the import checks the file itself, UTF-8 included).
 */
export const UPLOADED_FILE = Symbol('uploaded file');

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export type MultipartBody = Record<string, string | string[]> & { [UPLOADED_FILE]?: UploadedFile };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function dispositionParameter(headers: string, name: 'name' | 'filename'): string | undefined {
  const disposition = /^content-disposition:[ \t]*form-data(.*)$/im.exec(headers)?.[1];
  if (disposition === undefined) return undefined;
  const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(disposition);
  return match?.[1];
}

/**
 * Text fields (a repeated name becomes a list, as in urlencoded forms) and the first file. A
 * malformed body yields the fields read so far: without its CSRF token the request is refused.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const fields: Record<string, string | string[]> = Object.create(null);
  let file: UploadedFile | undefined;
  const boundary = boundaryOf(contentType);
  if (boundary !== null) {
    const delimiter = Buffer.from(`--${boundary}`);
    const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
    let position = body.indexOf(delimiter);
    while (position >= 0) {
      position += delimiter.length;
      if (body[position] === 0x2d && body[position + 1] === 0x2d) break; // the closing delimiter
      const lineEnd = body.indexOf(CRLF, position);
      const headersEnd = lineEnd < 0 ? -1 : body.indexOf(HEADERS_END, lineEnd);
      if (headersEnd < 0) break;
      const headers = body.subarray(lineEnd + 2, headersEnd).toString('utf8');
      const start = headersEnd + HEADERS_END.length;
      const end = body.indexOf(nextDelimiter, start);
      if (end < 0) break;
      const name = dispositionParameter(headers, 'name');
      const fileName = dispositionParameter(headers, 'filename');
      const content = body.subarray(start, end);
      if (name !== undefined && !FORBIDDEN_NAMES.has(name)) {
        if (fileName !== undefined) {
          // A file input left empty still sends its part, with no name and no bytes.
          if (file === undefined && (fileName !== '' || content.length > 0))
            file = { fileName, bytes: Buffer.from(content) };
        } else {
          let value: string;
          try {
            value = strictUtf8.decode(content);
          } catch {
            throw new BodyParseError('invalid-utf8', name);
          }
          const existing = fields[name];
          if (existing === undefined) fields[name] = value;
          else if (Array.isArray(existing)) existing.push(value);
          else fields[name] = [existing, value];
        }
      }
      position = end + 2;
    }
  }
  const result: MultipartBody = { ...fields };
  if (file) result[UPLOADED_FILE] = file;
  return result;
}
