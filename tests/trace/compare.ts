// Comparison helpers shared by the tracing tests: a readable first difference instead of a
// multi-megabyte string diff, and the shrink-only known-failures list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** null when equal, else where two line-oriented texts first differ, with a little context. */
export function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  const a = actual.split('\n');
  const b = expected.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 3);
  const show = (xs: string[]) => xs.slice(from, i + 3).map((l, k) => `${from + k + 1 === i + 1 ? '>' : ' '} ${l}`).join('\n');
  return `line ${i + 1} differs (pyvm ${a.length} lines, python3 ${b.length})\n-- pyvm:\n${show(a)}\n-- python3:\n${show(b)}`;
}

/** Case id -> one-line reason. */
export function knownFailures(): Map<string, string> {
  const raw = JSON.parse(readFileSync(join(__dirname, 'known-failures.json'), 'utf8')) as Record<string, string>;
  return new Map(Object.entries(raw));
}

/**
 * Splits a scenario's stdout into cases: a line "== CASE name" starts case `name`; text before the
 * first marker belongs to case "(start)".
 */
export function splitCases(stdout: string): Map<string, string> {
  const cases = new Map<string, string>();
  let name = '(start)';
  let buf: string[] = [];
  const flush = () => {
    if (buf.length || name !== '(start)') cases.set(name, buf.join('\n'));
  };
  for (const line of stdout.split('\n')) {
    const m = /^== CASE (.+)$/.exec(line);
    if (m) {
      flush();
      name = m[1];
      buf = [];
    } else buf.push(line);
  }
  flush();
  return cases;
}
