// One row of the table: a figure (median of runs, with min and max), the reference it is compared
// with in the same run, their ratio, and the goal if the issue sets one.
import { summary } from './stats.mjs';

/**
 * @param {object} o
 * @param {string} o.id        short stable id, e.g. "startup.4x"
 * @param {string} o.label     what the row measures
 * @param {string} o.unit      "B", "ms", "req/s", "KB", "" (CLS)
 * @param {number[]} o.values  the figure's runs
 * @param {string} [o.refLabel]
 * @param {number[]} [o.refValues]
 * @param {{ratio?: number, max?: number, min?: number}} [o.goal]  ratio ≤ r, or figure ≤ max / ≥ min
 * @param {string} [o.note]
 */
export function row({ id, label, unit, values, refLabel, refValues, goal, note, higherIsBetter = false }) {
  const figure = summary(values);
  const reference = refValues ? { label: refLabel, ...summary(refValues) } : refLabel ? { label: refLabel } : null;
  const ratio = reference && Number.isFinite(reference.median) && reference.median !== 0 ? figure.median / reference.median : null;
  let met = null;
  if (goal?.ratio !== undefined && ratio !== null) met = higherIsBetter ? ratio >= goal.ratio : ratio <= goal.ratio;
  if (goal?.max !== undefined) met = figure.max <= goal.max;
  if (goal?.min !== undefined) met = figure.min >= goal.min;
  return { id, label, unit, figure, reference, ratio, goal: goal ?? null, met, higherIsBetter, note: note ?? null, status: 'ok', values, refValues: refValues ?? null };
}

export function notBuilt(id, label, why = 'not built yet') {
  return { id, label, status: 'n/a', note: why };
}

export function failed(id, label, error) {
  return { id, label, status: 'failed', note: String(error?.message ?? error).split('\n')[0].slice(0, 160) };
}

const fmt = (value, unit) => {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'B') return `${value.toLocaleString('en')} B`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  if (unit === 'req/s') return `${Math.round(value).toLocaleString('en')} req/s`;
  if (unit === '') return value.toFixed(4);
  if (unit === '×') return `${value.toFixed(2)} ×`;
  return `${value} ${unit}`;
};

function figureCell(r) {
  const f = r.figure;
  if (f.n <= 1 || f.min === f.max) return fmt(f.median, r.unit);
  return `${fmt(f.median, r.unit)} [${fmt(f.min, r.unit).replace(/ \S+$/, '')}–${fmt(f.max, r.unit)}]`;
}

function goalCell(r) {
  if (!r.goal) return '';
  const g = r.goal.ratio !== undefined ? `${r.higherIsBetter ? "≥" : "≤"} ${r.goal.ratio.toFixed(r.goal.ratio * 10 % 1 ? 2 : 1)}×` : r.goal.max !== undefined ? `${r.goal.max ? "≤" : "="} ${r.goal.max}` : `≥ ${r.goal.min}`;
  return `${g} ${r.met === null ? '?' : r.met ? 'ok' : 'MISSED'}`;
}

/** The one table, as plain text (also used verbatim in bench/README.md). */
export function table(rows) {
  const header = ['benchmark', 'figure: median [min–max]', 'reference (same run)', 'ratio', 'goal', 'N'];
  const lines = rows.map((r) => {
    if (r.status !== 'ok') return [r.label, r.status === 'n/a' ? `n/a (${r.note})` : `FAILED: ${r.note}`, '', '', '', ''];
    const ref = r.reference ? (Number.isFinite(r.reference.median) ? `${r.reference.label} ${fmt(r.reference.median, r.unit)}` : r.reference.label) : '';
    return [r.label, figureCell(r), ref, r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`, goalCell(r), String(r.figure.n)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(line)].join('\n');
}
