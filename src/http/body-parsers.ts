import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown by the parsers; the error handler localizes it (the field is named, the bytes are not echoed). */
export class BodyParseError extends Error {
  constructor(
    readonly reason: 'malformed-json' | 'invalid-utf8' | 'null-character',
    readonly field: string,
  ) {
    super(reason);
  }
}

function decodeUtf8(body: Buffer, field: string): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new BodyParseError('invalid-utf8', field);
  }
}

/**
 * Replaces Fastify's JSON and adds a form parser, both strict about UTF-8: invalid bytes (raw or
 * percent-encoded) are refused with a 400 naming the field instead of being silently replaced
 * by U+FFFD and saved.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    ['application/json', 'application/problem+json'],
    { parseAs: 'buffer' },
    (_req, body, done) => {
      const text = decodeUtf8(body as Buffer, 'body');
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }));
      } catch {
        done(new BodyParseError('malformed-json', 'body'), undefined);
      }
    },
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseForm(decodeUtf8(body as Buffer, 'body')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** Parses a urlencoded form; a repeated name becomes a list, as checkboxes need. */
export function parseForm(text: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  if (text === '') return result;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const name = strictDecode(rawName, 'body');
    const value = strictDecode(rawValue, name);
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const existing = result[name];
    if (existing === undefined) result[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[name] = [existing, value];
  }
  return { ...result };
}

function strictDecode(component: string, field: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    throw new BodyParseError('invalid-utf8', field);
  }
}

/** The path of the first string holding U+0000 (PostgreSQL text cannot store it), or null. */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found =
        findNulCharacter(key, path || 'body') ?? findNulCharacter(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses a NUL character anywhere in the path parameters, query string or body. */
export function rejectNulCharacters(request: { params: unknown; query: unknown; body: unknown }): void {
  const field =
    findNulCharacter(request.params) ?? findNulCharacter(request.query) ?? findNulCharacter(request.body);
  if (field) throw new BodyParseError('null-character', field);
}
