import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { CHART_HEIGHT, type ChartPoint, ProgressChart, chartGeometry } from './chart.tsx';

const baseline: ChartPoint = { date: '2024-01-01', value: 10 };
const target: ChartPoint = { date: '2026-12-31', value: 60 };
const points: ChartPoint[] = [
  { date: '2025-06-30', value: 35 },
  { date: '2024-12-31', value: 20 },
];

function render(extra: Partial<Parameters<typeof ProgressChart>[0]> = {}) {
  return renderToString(
    <ProgressChart
      id="chart-1"
      title="People trained"
      summary="From 10 to 60 by December 2026; latest 35 on 30 June 2025."
      points={points}
      baseline={baseline}
      target={target}
      labels={{ baseline: 'Baseline', target: 'Target', unit: 'people' }}
      lang="en"
      {...extra}
    />,
  );
}

describe('ProgressChart', () => {
  it('is an image named by its title and described in words', () => {
    const html = render();
    const svg = /<svg[^>]*>/.exec(html)?.[0] ?? '';
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-labelledby="chart-1-title chart-1-desc"/);
    assert.ok(html.includes('<title id="chart-1-title">People trained</title>'));
    assert.ok(html.includes('<desc id="chart-1-desc">From 10 to 60 by December 2026'));
    assert.ok(!html.includes('style='), 'no inline style (CSP)');
  });

  it('draws one point per value, in date order, joined by a line', () => {
    const html = render();
    const circles = [...html.matchAll(/<circle[^>]*data-date="([^"]+)" data-value="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(circles, [
      ['2024-12-31', '20'],
      ['2025-06-30', '35'],
    ]);
    const line = /<g class="progress-chart__values"><path d="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(line, /^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  });

  it('marks the baseline and the target with their labels', () => {
    const html = render();
    assert.match(html, /data-mark="baseline"[\s\S]*>Baseline<\/text>/);
    assert.match(html, /data-mark="target"[\s\S]*>Target<\/text>/);
    const g = chartGeometry({ points, baseline, target, lang: 'en' });
    // Higher values are higher up; later dates further right.
    assert.ok(g.target.y < g.baseline.y);
    assert.ok(g.target.x > g.baseline.x);
    assert.ok(g.points.every((p) => p.x > g.baseline.x && p.x < g.target.x));
  });

  it('has axes with dates and the unit, in the page language', () => {
    const html = render({
      lang: 'fr',
      labels: { baseline: 'Référence', target: 'Cible', unit: 'personnes' },
    });
    assert.match(html, /data-axis="unit">personnes<\/text>/);
    const xLabels = [...html.matchAll(/data-axis="x">([^<]+)</g)].map((m) => m[1]);
    assert.ok(xLabels.length >= 2);
    assert.ok(xLabels.some((label) => /2025/.test(label!)));
    const yLabels = [...html.matchAll(/data-axis="y">([^<]+)</g)].map((m) => m[1]);
    assert.ok(yLabels.includes('0') && yLabels.includes('60'), yLabels.join(','));
  });

  it('draws a chart with no values yet (baseline and target only), and values below zero', () => {
    const empty = render({ points: [] });
    assert.ok(!empty.includes('<circle'));
    assert.match(empty, /data-mark="target"/);
    const g = chartGeometry({
      points: [{ date: '2025-01-01', value: -3 }],
      baseline: { date: '2025-01-01', value: 0 },
      target: { date: '2025-01-01', value: 5 },
      lang: 'en',
    });
    assert.ok(g.low <= -3 && g.high >= 5);
    for (const p of [...g.points, g.baseline, g.target]) {
      assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y));
      assert.ok(p.y >= 0 && p.y <= CHART_HEIGHT);
    }
  });

  it('escapes the texts it is given', () => {
    const html = render({ title: 'A <b> & "c"', summary: '<script>' });
    assert.ok(html.includes('A &lt;b> &amp; &quot;c&quot;') || html.includes('A &lt;b&gt; &amp;'));
    assert.ok(!html.includes('<script>'));
  });
});
