import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Translate } from '../web/i18n.ts';
import type { FieldError } from './problems.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    removeAdditional: 'all', // unknown fields are removed, never stored
    useDefaults: true,
    coerceTypes,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

// JSON bodies keep their types (a number where a text is expected is an error); query strings,
// path parameters and HTML forms only carry text, so they are coerced.
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

export function registerValidators(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart, url }) => {
    const jsonBody = httpPart === 'body' && url.startsWith('/api/');
    return (jsonBody ? strictAjv : coercingAjv).compile(schema) as never;
  });
}

/** The name of the field an Ajv error is about: `title`, `tags.2`, or `body` for the whole. */
export function fieldOf(error: Pick<ErrorObject, 'instancePath' | 'params' | 'keyword'>): string {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
    path.push(error.params.missingProperty);
  }
  return path.length > 0 ? path.join('.') : 'body';
}

/** Turns validation errors into localized field errors, one per field. */
export function localizeValidationErrors(
  errors: readonly (FastifySchemaValidationError | ErrorObject)[],
  t: Translate,
  prefix?: string,
): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    let field = fieldOf(error as ErrorObject);
    if (field === 'body' && prefix && prefix !== 'body') field = prefix;
    if (seen.has(field)) continue;
    seen.add(field);
    const params = (error.params ?? {}) as Record<string, unknown>;
    let message: string;
    switch (error.keyword) {
      case 'required':
        message = t('validation.required', { field });
        break;
      case 'type':
        message = t('validation.type', { field, type: String(params.type ?? 'other').split(',')[0] });
        break;
      case 'maxLength':
      case 'maxItems':
        message = t('validation.maxLength', { field, limit: Number(params.limit) });
        break;
      case 'minLength':
      case 'minItems':
        message =
          Number(params.limit) <= 1
            ? t('validation.required', { field })
            : t('validation.minLength', { field, limit: Number(params.limit) });
        break;
      case 'format':
        message = t('validation.format', { field, format: String(params.format) });
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
      case 'oneOf':
        message = t('validation.enum', { field });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        message = t('validation.range', { field });
        break;
      case 'pattern':
        message = t('validation.pattern', { field });
        break;
      default:
        message = t('validation.invalid', { field });
    }
    result.push({ field, message });
  }
  return result;
}

/**
 * A copy of a command's input made of plain JSON values: validation removes unknown fields and
 * fills defaults in place, which must not alter the caller's object (a form re-rendered with its
 * values, a fixture reused by a test), and a class instance or `undefined` never reaches the schema.
 */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

/**
 * A validator for a command's input, the same rules as the API (no coercion, unknown fields
 * removed): commands validate what they are given whoever calls them (routes, CLI, demo).
 */
export function inputValidator(schema: object): (value: unknown, t: Translate) => FieldError[] {
  const validate = strictAjv.compile(schema);
  return (value, t) => (validate(value) ? [] : localizeValidationErrors(validate.errors ?? [], t));
}
