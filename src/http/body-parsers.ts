import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown by the parsers; the error handler localizes it (the field is named, the bytes are not echoed). */
export class BodyParseError extends Error {
  constructor(
    readonly reason: 'malformed-json' | 'invalid-utf8',
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
