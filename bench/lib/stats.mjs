// Pure helpers for the benchmark runner: statistics, output comparison, error summaries.
// Kept free of I/O so tests/bench can check them directly.

/** Median of a non-empty list of numbers (mean of the two middle values for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Geometric mean of positive numbers; null for an empty list. */
export function geomean(values) {
  if (values.length === 0) return null;
  let logSum = 0;
  for (const v of values) {
    if (!(v > 0)) throw new Error(`geomean needs positive numbers, got ${v}`);
    logSum += Math.log(v);
  }
  return Math.exp(logSum / values.length);
}

/** { median, min, max } of a list of run times in ms. */
export function summarize(times) {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/**
 * One line saying why a process failed: the first non-empty line of stderr, except that for a
 * Python traceback (whose first line is always "Traceback (most recent call last):") the last
 * line — the exception itself — is the informative one.
 */
export function errorSummary(stderr, exitCode, signal) {
  const lines = String(stderr).split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  if (lines.length === 0) {
    if (signal) return `killed by ${signal}`;
    return `exit status ${exitCode} with nothing on stderr`;
  }
  if (lines[0].startsWith('Traceback (most recent call last)')) return lines[lines.length - 1].trim();
  // Node's report of an uncaught exception starts with the source location ("file:///x.mjs:3");
  // the "SomeError: message" line below it says more.
  if (/^(file:\/\/|\/|[A-Za-z]:\\).*:\d+$/.test(lines[0].trim())) {
    const errLine = lines.find((l) => /^[\w$.]*(Error|Exception)\b/.test(l.trim()));
    if (errLine) return errLine.trim();
  }
  return lines[0].trim();
}

/** null when the outputs are equal, else a short description of the first difference. */
export function outputDifference(expected, actual) {
  if (expected === actual) return null;
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (s) => (s === undefined ? '<end of output>' : JSON.stringify(clip(s, 60)));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return 'outputs differ';
}

export function clip(s, n) {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * Parse what a bench/*.bench.mjs script printed: one JSON object
 * {"title": string, "rows": [{"name", "unit", "pyvm", "cpython", ...}]}. The whole stdout is tried
 * first, then its last line that parses. Throws with a reason when there is no such object.
 */
export function parseBenchScriptOutput(stdout) {
  const text = String(stdout).trim();
  let obj;
  try {
    obj = JSON.parse(text);
  } catch {
    const lines = text.split('\n').reverse();
    for (const line of lines) {
      const t = line.trim();
      if (!t.startsWith('{')) continue;
      try {
        obj = JSON.parse(t);
        break;
      } catch {
        // keep looking
      }
    }
  }
  if (obj === undefined) throw new Error('printed no JSON object on stdout');
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('stdout JSON is not an object');
  if (typeof obj.title !== 'string') throw new Error('JSON object has no string "title"');
  if (!Array.isArray(obj.rows)) throw new Error('JSON object has no "rows" array');
  for (const [i, row] of obj.rows.entries()) {
    if (typeof row !== 'object' || row === null || typeof row.name !== 'string') {
      throw new Error(`row ${i} has no string "name"`);
    }
  }
  return obj;
}

/** Format a millisecond value for the table. */
export function fmtMs(ms) {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** Format a ratio for the table. */
export function fmtRatio(r) {
  if (r >= 100) return `${r.toFixed(0)}x`;
  if (r >= 10) return `${r.toFixed(1)}x`;
  return `${r.toFixed(2)}x`;
}

/** Lay out rows of strings as a padded text table (first row is the header). */
export function textTable(rows, rightAlign = () => false) {
  const widths = [];
  for (const row of rows) row.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.length); });
  const fmt = (row) => row.map((c, i) => (rightAlign(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [fmt(rows[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of rows.slice(1)) out.push(fmt(row));
  return out.join('\n');
}
