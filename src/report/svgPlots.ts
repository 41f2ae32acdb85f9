/** Minimal, dependency-free SVG charts for the self-contained HTML report. */
import type { Verdict } from '../claims/dsl/verdict.js';
import { escapeHtml } from './escapeHtml.js';
import { verdictColor } from './verdictColor.js';

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
const width = 560;
const height = 340;
const margin = { left: 60, right: 150, top: 30, bottom: 45 };

const esc = escapeHtml;

interface Scale {
  (v: number): number;
  ticks: number[];
}

function scale(min: number, max: number, from: number, to: number): Scale {
  const span = max - min || 1;
  const f = ((v: number) => from + ((v - min) / span) * (to - from)) as Scale;
  // "nice" ticks: a step of 1, 2 or 5 × 10^k giving about five ticks inside [min, max]
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((st) => st >= raw) ?? raw;
  const first = Math.ceil(min / step) * step;
  f.ticks = Array.from({ length: Math.floor((max - first) / step + 1e-9) + 1 }, (_, i) => Number((first + i * step).toPrecision(12)));
  return f;
}

function frame(title: string, xLabel: string, yLabel: string, x: Scale, y: Scale, body: string, legend: string[]): string {
  const axes = [
    `<line x1="${margin.left}" y1="${height - margin.bottom}" x2="${width - margin.right}" y2="${height - margin.bottom}" stroke="#333"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${height - margin.bottom}" stroke="#333"/>`,
    ...x.ticks.map((t) => `<text x="${x(t)}" y="${height - margin.bottom + 16}" font-size="10" text-anchor="middle">${+t.toFixed(3)}</text>`),
    ...y.ticks.map((t) => `<text x="${margin.left - 6}" y="${y(t) + 3}" font-size="10" text-anchor="end">${+t.toFixed(3)}</text>`),
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 8}" font-size="12" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text x="14" y="${(margin.top + height - margin.bottom) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${(margin.top + height - margin.bottom) / 2})">${esc(yLabel)}</text>`,
    `<text x="${margin.left}" y="18" font-size="13" font-weight="bold">${esc(title)}</text>`,
    ...legend.map(
      (l, i) =>
        `<rect x="${width - margin.right + 10}" y="${margin.top + i * 16}" width="10" height="10" fill="${palette[i % palette.length]}"/><text x="${width - margin.right + 24}" y="${margin.top + i * 16 + 9}" font-size="11">${esc(l)}</text>`,
    ),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" class="plot" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${axes.join('')}${body}</svg>`;
}

function bounds(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = (hi - lo) * 0.05 || 0.5;
  return [lo - pad, hi + pad];
}

/** Scatter of groups of points, optionally with the least-squares line over all points and its r. */
export function scatterPlot(options: {
  title: string;
  xLabel: string;
  yLabel: string;
  groups: { label: string; points: [number, number][] }[];
  fitLine?: { r: number };
}): string {
  const all = options.groups.flatMap((g) => g.points);
  const x = scale(...bounds(all.map((p) => p[0])), margin.left, width - margin.right);
  const y = scale(...bounds(all.map((p) => p[1])), height - margin.bottom, margin.top);
  let body = options.groups
    .map((g, i) =>
      g.points
        .map(
          ([px, py]) =>
            `<circle class="point" cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3.5" fill="${palette[i % palette.length]}" fill-opacity="0.8"/>`,
        )
        .join(''),
    )
    .join('');
  if (options.fitLine && all.length > 1) {
    const mx = all.reduce((s, p) => s + p[0], 0) / all.length;
    const my = all.reduce((s, p) => s + p[1], 0) / all.length;
    const sxx = all.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    const slope = sxx === 0 ? 0 : all.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / sxx;
    const [x0, x1] = bounds(all.map((p) => p[0]));
    body += `<line class="fit" x1="${x(x0)}" y1="${y(my + slope * (x0 - mx))}" x2="${x(x1)}" y2="${y(my + slope * (x1 - mx))}" stroke="#000" stroke-dasharray="4 3"/>`;
    body += `<text x="${width - margin.right - 4}" y="${margin.top + 12}" font-size="12" text-anchor="end">r = ${options.fitLine.r.toFixed(3)}</text>`;
  }
  return frame(
    options.title,
    options.xLabel,
    options.yLabel,
    x,
    y,
    body,
    options.groups.map((g) => g.label),
  );
}

/** Lines over epochs, with optional vertical marks (e.g. pruning events) per series. */
export function linePlot(options: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: { label: string; points: [number, number][]; marks?: number[] }[];
}): string {
  const all = options.series.flatMap((s) => s.points);
  const x = scale(...bounds(all.map((p) => p[0])), margin.left, width - margin.right);
  const y = scale(...bounds(all.map((p) => p[1])), height - margin.bottom, margin.top);
  const body = options.series
    .map((s, i) => {
      const color = palette[i % palette.length];
      const path = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ');
      const marks = (s.marks ?? [])
        .map(
          (m) => `<line class="event" x1="${x(m)}" y1="${height - margin.bottom}" x2="${x(m)}" y2="${height - margin.bottom - 8 - 3 * i}" stroke="${color}"/>`,
        )
        .join('');
      return `<path class="series" d="${path}" fill="none" stroke="${color}" stroke-width="1.8"/>${marks}`;
    })
    .join('');
  return frame(
    options.title,
    options.xLabel,
    options.yLabel,
    x,
    y,
    body,
    options.series.map((s) => s.label),
  );
}

/** A grid of verdict-coloured cells (two dimensions of a claim map), each labelled with its effect. */
export function heatMap(options: { title: string; xLabel: string; yLabel: string; cells: { x: string; y: string; verdict: string; text: string }[] }): string {
  const axis = (values: string[]) => {
    const distinct = [...new Set(values)];
    return distinct.every((v) => Number.isFinite(Number(v))) ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct;
  };
  const xs = axis(options.cells.map((c) => c.x));
  const ys = axis(options.cells.map((c) => c.y));
  const cw = 70;
  const ch = 34;
  const left = 80;
  const top = 40;
  // wide enough for the bold 13 px title (about 8 px a character in sans-serif)
  const w = Math.max(left + cw * xs.length + 20, left + 8 * options.title.length);
  const h = top + ch * ys.length + 50;
  const cells = options.cells
    .map((c) => {
      const x = left + xs.indexOf(c.x) * cw;
      const y = top + ys.indexOf(c.y) * ch;
      return `<rect class="cell ${c.verdict.replace(' ', '-')}" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="${verdictColor[c.verdict as Verdict] ?? '#ddd'}"/><text x="${x + cw / 2}" y="${y + ch / 2 + 4}" font-size="11" text-anchor="middle">${esc(c.text)}</text>`;
    })
    .join('');
  const xTicks = xs
    .map((v, i) => `<text x="${left + i * cw + cw / 2}" y="${top + ch * ys.length + 16}" font-size="11" text-anchor="middle">${esc(v)}</text>`)
    .join('');
  const yTicks = ys.map((v, i) => `<text x="${left - 6}" y="${top + i * ch + ch / 2 + 4}" font-size="11" text-anchor="end">${esc(v)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><text x="${left}" y="18" font-size="13" font-weight="bold">${esc(options.title)}</text>${cells}${xTicks}${yTicks}<text x="${left + (cw * xs.length) / 2}" y="${h - 8}" font-size="12" text-anchor="middle">${esc(options.xLabel)}</text><text x="10" y="${top - 8}" font-size="12">${esc(options.yLabel)}</text></svg>`;
}

/**
 * One picture of every verdict: each claim's deciding effect and CI in units of its own minimum
 * effect (so g, r and points share one axis), with the minimum (+1) and the equivalence band (−1, +1)
 * drawn; rows coloured by verdict.
 */
export function verdictPlot(options: { title: string; rows: { label: string; verdict: Verdict; value: number; lower: number; upper: number }[] }): string {
  const rowHeight = 22;
  const left = 300;
  const right = 30;
  const plotWidth = 420;
  const top = 40;
  const h = top + rowHeight * options.rows.length + 40;
  const clip = (v: number) => Math.max(-4, Math.min(4, v));
  const x = (v: number) => left + ((clip(v) + 4) / 8) * plotWidth;
  const band = `<rect x="${x(-1)}" y="${top - 6}" width="${x(1) - x(-1)}" height="${rowHeight * options.rows.length + 6}" fill="#a9c7ee" fill-opacity="0.25"/>`;
  const lines = [-4, -2, -1, 0, 1, 2, 4]
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="${top - 6}" x2="${x(t)}" y2="${top + rowHeight * options.rows.length}" stroke="${t === 0 ? '#333' : t === 1 ? '#1a7f37' : '#ccc'}"${t === 1 ? ' stroke-dasharray="4 3"' : ''}/><text x="${x(t)}" y="${top + rowHeight * options.rows.length + 14}" font-size="10" text-anchor="middle">${t === 4 ? '≥ 4' : t === -4 ? '≤ −4' : t}</text>`,
    )
    .join('');
  const rows = options.rows
    .map((r, i) => {
      const y = top + i * rowHeight + rowHeight / 2;
      const color = verdictColor[r.verdict];
      // an end beyond the axis is drawn at its edge with an arrow pointing on
      const arrow = (edge: number, d: 1 | -1) => `<path class="clipped" d="M${x(edge) + 8 * d} ${y} l${-8 * d} -5 v10 z" fill="#333"/>`;
      const arrows = `${r.lower < -4 ? arrow(-4, -1) : ''}${r.upper > 4 ? arrow(4, 1) : ''}`;
      return (
        `<g class="verdict-row ${r.verdict.replace(' ', '-')}"><rect x="4" y="${y - 9}" width="${left - 12}" height="18" fill="${color}"/><text x="10" y="${y + 4}" font-size="11">${esc(r.label)}</text>` +
        `<line x1="${x(r.lower)}" y1="${y}" x2="${x(r.upper)}" y2="${y}" stroke="#333" stroke-width="2"/>${arrows}<circle cx="${x(r.value)}" cy="${y}" r="4" fill="${color}" stroke="#333"/></g>`
      );
    })
    .join('');
  const w = left + plotWidth + right;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="verdicts" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><text x="4" y="18" font-size="13" font-weight="bold">${esc(options.title)}</text>${band}${lines}${rows}<text x="${w / 2}" y="${h - 6}" font-size="12" text-anchor="middle">effect ÷ minimum effect (shaded: equivalence band; dashed: the minimum; ▸ beyond the axis)</text></svg>`;
}
