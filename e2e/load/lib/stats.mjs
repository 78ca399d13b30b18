/** Small helpers the load benchmarks share: waiting, percentiles, markdown tables, error tallies. */

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The value below which a share `p` (0–1) of the sorted values lies (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Sorted copy of some numbers, for percentile(). */
export function sortedOf(values) {
  return Float64Array.from(values).sort();
}

/** p50, p95, p99 and max of some latencies, as table cells with one decimal. */
export function latencyColumns(values) {
  const sorted = sortedOf(values);
  const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
  return [0.5, 0.95, 0.99].map((p) => f(percentile(sorted, p))).concat(f(sorted[sorted.length - 1]));
}

export function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function shuffled(items) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Counts an error by its (shortened) text. */
export function countError(errors, error) {
  const key = String(error).slice(0, 160);
  errors.set(key, (errors.get(key) ?? 0) + 1);
}

export function errorLines(errors) {
  return [...errors].map(([kind, n]) => `    ${n} × ${kind}`);
}
