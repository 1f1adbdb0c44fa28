/**
 * Query-string values that are the names of Object.prototype's members (`constructor`,
 * `__proto__`, `toString`…) reach lookups in plain objects (`LABELS[status]`, `value in LABELS`):
 * every page and API list must answer them like any unknown code, never with a 5xx. Each route
 * gets every parameter at once, and one at a time only when it refuses that with a 4xx (about
 * 60 routes × 4 values × 24 parameters one by one took 41 s; this way 20 s).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { L } from '../src/web/routes.ts';
import { Agent, buildTestApp, type TestContext } from './support/app.ts';
import { closeTestDatabase } from './support/database.ts';
import { buildActors } from './support/factories.ts';

const PARAMETERS = [
  'status',
  'stage',
  'kind',
  'area',
  'objective',
  'country',
  'region',
  'modality',
  'rows',
  'columns',
  'network',
  'organisation',
  'sort',
  'language',
  'scope',
  'item',
  'record',
  'side',
  'year',
  'principle',
  'q',
  'page',
  'role',
  'format',
];
const VALUES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

let ctx: TestContext;
let adminCookie: string;
before(async () => {
  ctx = await buildTestApp();
  adminCookie = (await buildActors(ctx.database.db)).actors.admin.sessionCookie!;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

describe('GET routes without path parameters', () => {
  it('answer prototype member names in any filter without a 5xx', async () => {
    const failures: string[] = [];
    const routes = ctx.app.routeTable.filter(
      (route) =>
        route.method === 'GET' &&
        !route.url.replace(L, '').includes(':') &&
        !route.url.startsWith('/assets/'),
    );
    for (const route of routes) {
      const url = route.url.replace(L, '/fr');
      const agent = new Agent(ctx.app);
      agent.cookies.set('puente_session', adminCookie);
      for (const value of VALUES) {
        // Every parameter at once first; one by one only when the route refuses that (a 4xx: a
        // parameter its schema types, such as `page`, would hide what the others do).
        const all = await agent.get(`${url}?${PARAMETERS.map((name) => `${name}=${value}`).join('&')}`);
        if (all.statusCode >= 500) failures.push(`${url}?…=${value}: ${all.statusCode}`);
        if (all.statusCode < 400) continue;
        for (const name of PARAMETERS) {
          const response = await agent.get(`${url}?${name}=${value}`);
          if (response.statusCode >= 500) failures.push(`${url}?${name}=${value}: ${response.statusCode}`);
        }
      }
    }
    assert.ok(routes.length > 20, `${routes.length} routes`);
    assert.deepEqual(failures, []);
  });
});
