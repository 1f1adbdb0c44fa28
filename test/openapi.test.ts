import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { buildTestApp, type TestContext } from './support/app.ts';
import { closeTestDatabase } from './support/database.ts';

let ctx: TestContext;
before(async () => {
  ctx = await buildTestApp();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await ctx.app.inject('/api/openapi.json');
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    await SwaggerParser.validate(structuredClone(document));
  });

  it('describes every /api/v1 route, and no page route', async () => {
    const document = (await ctx.app.inject('/api/openapi.json')).json();
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const apiRoutes = ctx.app.routeTable.filter((route) => route.url.startsWith('/api/v1/'));
    assert.ok(apiRoutes.length >= 6);
    for (const route of apiRoutes) {
      assert.ok(
        documented.has(`${route.method} ${openApiPath(route.url)}`),
        `${route.method} ${route.url} is documented`,
      );
    }
    for (const key of documented) assert.match(key, / \/api\/v1\//);
  });

  it('gives every operation a tag, a summary and its responses', async () => {
    const document = (await ctx.app.inject('/api/openapi.json')).json();
    for (const [path, item] of Object.entries(
      document.paths as Record<
        string,
        Record<string, { tags?: string[]; summary?: string; responses?: object }>
      >,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        assert.ok(operation.tags?.length, `${method} ${path} has a tag`);
        assert.ok(operation.summary, `${method} ${path} has a summary`);
        assert.ok(
          operation.responses && Object.keys(operation.responses).length > 0,
          `${method} ${path} has responses`,
        );
      }
    }
  });
});

describe('API documentation pages', () => {
  it('redirects /api/docs to the readable page in the caller’s language', async () => {
    const response = await ctx.app.inject({
      url: '/api/docs',
      headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' },
    });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/es/api');
  });

  it('lists every operation of the document, without JavaScript', async () => {
    const page = await ctx.app.inject('/fr/api');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /API ouverte de Puente/);
    assert.match(page.body, /GET \/api\/v1\/reference\/\{name\}/);
    assert.match(page.body, /POST \/api\/v1\/tokens/);
    assert.doesNotMatch(page.body, /<script/);
  });
});

describe('GET /api/v1/reference/{name}', () => {
  it('serves each vocabulary with labels in the four languages', async () => {
    const names = (await ctx.app.inject('/api/v1/reference')).json() as string[];
    for (const name of [
      'gcm-objectives',
      'gcm-principles',
      'stakeholder-groups',
      'iom-areas',
      'relationship-kinds',
      'countries',
      'regions',
      'migration-stages',
      'participation-barriers',
    ]) {
      assert.ok(names.includes(name), name);
    }
    const objectives = (await ctx.app.inject('/api/v1/reference/gcm-objectives')).json();
    assert.equal(objectives.entries.length, 23);
    for (const entry of objectives.entries)
      for (const lang of ['fr', 'es', 'en', 'pt']) assert.ok(entry.labels[lang]);
    const relationships = (await ctx.app.inject('/api/v1/reference/relationship-kinds')).json();
    assert.equal(relationships.entries.length, 6);
  });

  it('answers 404 as a problem document for an unknown vocabulary', async () => {
    const response = await ctx.app.inject({
      url: '/api/v1/reference/nope',
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().title, 'Page introuvable');
  });
});
