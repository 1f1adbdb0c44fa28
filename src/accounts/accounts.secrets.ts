import crypto from 'node:crypto';

/** A random token for a cookie, a reset link or an API token; only its hash is stored. */
export function newToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A keyed hash: throttling keys (an email, an address) are kept only in this form. */
export function keyedHash(secret: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(value).digest('hex');
}

export const API_TOKEN_PREFIX = 'pnt_';
