import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { DataTable } from './components.tsx';
import type { PageContext } from './render.tsx';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** The fills of the map (SVG presentation attributes: the CSP forbids inline styles). */
const LAND = '#dfe3e8';
const BORDER = '#ffffff';
const HIGHLIGHT = ['#6baed6', '#3182bd', '#08519c'] as const;

interface CountryShape {
  code: string;
  d: string;
}

/**
 * A d3-geo path context that writes SVG path data with relative, whole-pixel steps and drops
 * steps that round to nothing: about a third of the size of geoPath's absolute decimals.
 */
class CompactPath {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private explicitLine = false;
  moveTo(x: number, y: number): void {
    const rx = Math.round(x);
    const ry = Math.round(y);
    // A shape starts absolute (M), so that shapes can be concatenated into one path.
    // Pairs after M would be absolute line-tos: the first step after it says `l` explicitly.
    const absolute = this.parts.length === 0;
    this.parts.push(absolute ? `M${rx} ${ry}` : `m${rx - this.x} ${ry - this.y}`);
    this.explicitLine = absolute;
    this.x = this.startX = rx;
    this.y = this.startY = ry;
  }
  lineTo(x: number, y: number): void {
    const rx = Math.round(x);
    const ry = Math.round(y);
    if (rx === this.x && ry === this.y) return;
    const dx = rx - this.x;
    const dy = ry - this.y;
    this.parts.push(`${this.explicitLine ? 'l' : ''}${dx}${dy < 0 ? '' : ' '}${dy}`);
    this.explicitLine = false;
    this.x = rx;
    this.y = ry;
  }
  closePath(): void {
    this.parts.push('z');
    this.x = this.startX;
    this.y = this.startY;
  }
  beginPath(): void {}
  arc(): void {}
  /** The path data so far, as one string; the context starts again from the origin. */
  take(): string {
    // After m, further pairs are implicit relative line-tos; each pair needs its own separator.
    const data = this.parts
      .join(' ')
      .replace(/ -/g, '-')
      .replace(/ l/g, 'l')
      .replace(/ z/g, 'z')
      .replace(/z m/g, 'zm');
    this.parts = [];
    this.x = this.y = this.startX = this.startY = 0;
    return data;
  }
}

/**
 * The projected outline of every country, computed once when the module loads: rendering a map
 * is then string assembly only. World-atlas names countries by ISO 3166-1 numeric code; the
 * directory speaks alpha-2. Coordinates are whole pixels, as relative steps, to keep the SVG small.
 */
const { shapes, unnamedLand } = (() => {
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const context = new CompactPath();
  const path = geoPath(projection, context);
  const shapes = new Map<string, CountryShape>();
  const unnamed: string[] = [];
  for (const country of collection.features) {
    path(country);
    const d = context.take();
    if (d === '') continue;
    const code = country.id === undefined ? undefined : countries.numericToAlpha2(String(country.id));
    if (code) shapes.set(code, { code, d: (shapes.get(code)?.d ?? '') + d });
    else unnamed.push(d); // N. Cyprus, Somaliland, Kosovo: no numeric code in the atlas
  }
  return { shapes, unnamedLand: unnamed.join('') };
})();

/** Whether the map can draw this alpha-2 code (tiny states are absent at 1:110m). */
export function isOnMap(code: string): boolean {
  return shapes.has(code);
}

export interface MapCountry {
  code: string;
  label: string;
  value?: number;
}

function shadeOf(value: number | undefined, max: number): string {
  if (value === undefined || max <= 0) return HIGHLIGHT[1];
  const step = Math.min(HIGHLIGHT.length - 1, Math.floor((value / max) * HIGHLIGHT.length));
  return HIGHLIGHT[Math.max(0, step)]!;
}

let mapCounter = 0;

/**
 * A world map with the given countries highlighted, drawn on the server as SVG, and beside it
 * the same countries as a table: the map is a picture for sighted readers, the table is the
 * content for everyone else (screen readers, text browsers, copy and paste).
 */
export function CountryMap({
  countries: highlighted,
  title,
  ctx,
  countryHeader,
  valueHeader,
  id,
}: {
  countries: MapCountry[];
  title: string;
  ctx: PageContext;
  countryHeader: string;
  /** The header of the value column; without it the table has no value column. */
  valueHeader?: string;
  /** A stable id prefix for the title (one is made otherwise). */
  id?: string;
}) {
  const titleId = `${id ?? `country-map-${++mapCounter}`}-title`;
  const byCode = new Map(highlighted.map((country) => [country.code, country]));
  const max = Math.max(0, ...highlighted.map((country) => country.value ?? 0));
  const plain: string[] = [unnamedLand];
  for (const shape of shapes.values()) if (!byCode.has(shape.code)) plain.push(shape.d);
  const sorted = [...highlighted].sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  const number = new Intl.NumberFormat(ctx.lang);
  return (
    <figure class="country-map">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        <path d={plain.join('')} fill={LAND} stroke={BORDER} stroke-width="0.5" />
        {sorted.map((country) => {
          const shape = shapes.get(country.code);
          return shape ? (
            <path
              d={shape.d}
              fill={shadeOf(country.value, max)}
              stroke={BORDER}
              stroke-width="0.5"
              data-country={country.code}
            >
              <title>{country.label}</title>
            </path>
          ) : null;
        })}
      </svg>
      <DataTable
        caption={title}
        columns={[
          { header: countryHeader, cell: (country: MapCountry) => country.label },
          ...(valueHeader
            ? [
                {
                  header: valueHeader,
                  cell: (country: MapCountry) =>
                    country.value === undefined ? '—' : number.format(country.value),
                },
              ]
            : []),
        ]}
        rows={sorted}
      />
    </figure>
  );
}
