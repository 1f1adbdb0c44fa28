import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { translator } from './i18n.ts';
import { CountryMap, isOnMap } from './map.tsx';
import type { PageContext } from './render.tsx';

const ctx: PageContext = {
  lang: 'en',
  t: translator('en'),
  principal: null,
  pathWithoutLang: '/',
  csrfToken: () => 'token',
};

function render(countries: { code: string; label: string; value?: number }[]) {
  return renderToString(
    <CountryMap
      ctx={ctx}
      title="Where members work"
      countryHeader="Country"
      valueHeader="Members"
      countries={countries}
    />,
  );
}

describe('CountryMap', () => {
  it('highlights exactly the given countries', () => {
    const html = render([
      { code: 'BR', label: 'Brazil', value: 3 },
      { code: 'FR', label: 'France', value: 1 },
      { code: 'MX', label: 'Mexico' },
    ]);
    const highlighted = [...html.matchAll(/data-country="([A-Z]{2})"/g)].map((m) => m[1]).sort();
    assert.deepEqual(highlighted, ['BR', 'FR', 'MX']);
    // Each shape starts absolute and steps relatively: `M x y` then an explicit `l` (pairs after
    // `M` would otherwise be absolute line-tos, drawing rays from the corner).
    for (const [, d] of html.matchAll(/<path d="([^"]+)"/g)) assert.match(d!, /^M\d+ \d+l-?\d/);
  });

  it('is an image with a title that labels it', () => {
    const html = render([{ code: 'PE', label: 'Peru' }]);
    const svg = /<svg[^>]*>/.exec(html)?.[0] ?? '';
    assert.match(svg, /role="img"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    assert.ok(labelledBy);
    assert.ok(html.includes(`<title id="${labelledBy}">Where members work</title>`));
    assert.ok(!html.includes('style='), 'no inline style (CSP)');
  });

  it('lists the same countries in a table beside the map, with their values', () => {
    const html = render([
      { code: 'BR', label: 'Brazil', value: 3 },
      { code: 'FR', label: 'France', value: 1 },
    ]);
    const table = html.slice(html.indexOf('<table'));
    assert.match(table, /<caption>Where members work<\/caption>/);
    assert.match(table, /<th scope="col">Country<\/th><th scope="col">Members<\/th>/);
    const rows = [...table.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(rows, [
      ['Brazil', '3'],
      ['France', '1'],
    ]);
  });

  it('lists in the table a country too small to draw, without a shape for it', () => {
    assert.equal(isOnMap('MC'), false);
    const html = render([{ code: 'MC', label: 'Monaco' }]);
    assert.ok(!html.includes('data-country='));
    assert.match(html, /<td>Monaco<\/td>/);
  });

  it('draws the world once, small: under 45 KB of HTML', () => {
    const html = render([{ code: 'BR', label: 'Brazil' }]);
    assert.ok(html.length < 45_000, `${html.length} characters`);
    assert.equal(render([{ code: 'BR', label: 'Brazil' }]).length, html.length);
  });
});
