import type { Principal } from '../http/access.ts';
import type { UpdatePost } from './updates.repository.ts';
import { LINKS_MAX } from './updates.schemas.ts';
import type { PostFormValues } from './updates.form.views.tsx';

/** From the browser's flat form to the command's input, and back. */

const one = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
const many = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );

export function postFromForm(body: Record<string, unknown>) {
  const links: { url: string; label: string }[] = [];
  for (let index = 0; index < LINKS_MAX; index++) {
    const url = one(body[`links.${index}.url`]).trim();
    const label = one(body[`links.${index}.label`]).trim();
    if (url !== '' || label !== '') links.push({ url, label });
  }
  const values: PostFormValues = {
    networkId: one(body.networkId),
    organisationId: one(body.organisationId),
    category: one(body.category),
    countries: many(body.countries),
    language: one(body.language),
    title: one(body.title),
    body: one(body.body),
    links,
    visibility: one(body.visibility) || 'network',
  };
  const versionText = one(body.version);
  const version = /^[0-9]{1,9}$/.test(versionText) ? Number(versionText) : null;
  const input = {
    networkId: values.networkId,
    organisationId: values.organisationId === '' ? null : values.organisationId,
    category: values.category,
    countries: values.countries,
    language: values.language,
    title: values.title,
    body: values.body,
    // A link row with a label but no address is reported on its address field.
    links: values.links,
    visibility: values.visibility,
    ...(version !== null ? { version } : {}),
  };
  return { values, input, version };
}

export function formValuesOf(post: UpdatePost): PostFormValues {
  return {
    networkId: post.networkId,
    organisationId: post.organisationId ?? '',
    category: post.category,
    countries: post.countries,
    language: post.language,
    title: post.title,
    body: post.body,
    links: post.links,
    visibility: post.visibility,
  };
}

export function emptyValues(principal: Principal, lang: string, networks: { id: string }[]): PostFormValues {
  return {
    networkId: networks.length === 1 ? networks[0]!.id : '',
    organisationId: principal.organisationId ?? '',
    category: '',
    countries: [],
    language: lang,
    title: '',
    body: '',
    links: [],
    visibility: 'network',
  };
}
