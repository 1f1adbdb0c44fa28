/** A field-level problem with an input, in the caller's language. */
export interface FieldError {
  field: string;
  message: string;
}

/** The result of a command: commands return expected failures instead of throwing them. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function invalid<T = never>(errors: FieldError[]): Result<T> {
  return { ok: false, errors };
}

export type ProblemKind =
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'conflict'
  | 'too-large'
  | 'bad-request'
  | 'validation'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'server';

export const STATUS_OF: Record<ProblemKind, number> = {
  'bad-request': 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  server: 500,
};

/**
 * An expected HTTP failure with a stable id. The error handler renders it as a localized page or
 * as an RFC 9457 problem+json; its message is never shown as is.
 */
export class HttpProblem extends Error {
  readonly statusCode: number;
  constructor(
    readonly kind: ProblemKind,
    readonly errors: FieldError[] = [],
  ) {
    super(kind);
    this.statusCode = STATUS_OF[kind];
  }
}

export const notFound = () => new HttpProblem('not-found');
export const forbidden = () => new HttpProblem('forbidden');
export const unauthorized = () => new HttpProblem('unauthorized');
