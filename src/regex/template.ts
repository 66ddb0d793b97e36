// Replacement templates for sub()/subn()/Match.expand(): \1, \g<name>, \g<0>, escapes.
import { strRepr } from '../values/repr';
import { RegexOtherError } from './errors';
import { isIdentifier, MAXGROUPS, Tokenizer } from './parse';

export interface Template {
  /** Literal pieces (str or bytes as the template) and group numbers, in order. */
  items: (string | Uint8Array | number)[];
  isBytes: boolean;
}

const ESCAPES: Record<string, string> = {
  '\\a': '\x07', '\\b': '\b', '\\f': '\f', '\\n': '\n', '\\r': '\r', '\\t': '\t', '\\v': '\v', '\\\\': '\\',
};
const ASCIILETTERS = /^[A-Za-z]$/;

/** Parses a replacement template against a compiled pattern (its groups and groupindex). */
export function parseTemplate(template: string | Uint8Array, pattern: { groups: number; groupindex: Map<string, number> }): Template {
  const isBytes = typeof template !== 'string';
  const s = new Tokenizer(template, !isBytes);
  const items: (string | number)[] = [];
  let literal = '';
  const addgroup = (index: number, pos: number) => {
    if (index > pattern.groups) throw s.error(`invalid group reference ${index}`, pos);
    if (literal) {
      items.push(literal);
      literal = '';
    }
    items.push(index);
  };
  const isDigit = (c: string | null, set = '0123456789') => c !== null && c.length === 1 && set.includes(c);
  for (;;) {
    let ths = s.get();
    if (ths === null) break;
    if (ths[0] === '\\' && ths.length > 1) {
      const c = ths[1];
      if (c === 'g') {
        if (!s.match('<')) throw s.error('missing <');
        const name = s.getuntil('>', 'group name');
        let index: number;
        if (isIdentifier(name)) {
          const g = pattern.groupindex.get(name);
          if (g === undefined) throw new RegexOtherError('IndexError', `unknown group name ${strRepr(name)}`);
          index = g;
        } else {
          const t = name.trim();
          if (!/^\+?[0-9](_?[0-9])*$/.test(t)) {
            throw s.error(`bad character in group name ${strRepr(name)}`, Array.from(name).length + 1);
          }
          index = Number(t.replace(/_/g, ''));
          if (index >= MAXGROUPS) throw s.error(`invalid group reference ${index}`, Array.from(name).length + 1);
        }
        addgroup(index, Array.from(name).length + 1);
      } else if (c === '0') {
        if (isDigit(s.next, '01234567')) {
          ths += s.get();
          if (isDigit(s.next, '01234567')) ths += s.get();
        }
        literal += String.fromCharCode(parseInt(ths.slice(1), 8) & 0xff);
      } else if (isDigit(c)) {
        let isoctal = false;
        if (isDigit(s.next)) {
          ths += s.get();
          if ('01234567'.includes(c) && '01234567'.includes(ths[2]) && isDigit(s.next, '01234567')) {
            ths += s.get();
            isoctal = true;
            const v = parseInt(ths.slice(1), 8);
            if (v > 0o377) throw s.error(`octal escape value ${ths} outside of range 0-0o377`, ths.length);
            literal += String.fromCharCode(v);
          }
        }
        if (!isoctal) addgroup(parseInt(ths.slice(1), 10), ths.length - 1);
      } else {
        const e = ESCAPES[ths];
        if (e !== undefined) literal += e;
        else if (ASCIILETTERS.test(c)) throw s.error(`bad escape ${ths}`, Array.from(ths).length);
        else literal += ths;
      }
    } else {
      literal += ths;
    }
  }
  if (literal) items.push(literal);
  if (!isBytes) return { items, isBytes };
  return {
    items: items.map((it) => (typeof it === 'number' ? it : Uint8Array.from(it, (ch) => ch.charCodeAt(0)))),
    isBytes,
  };
}

/** Expands a template with a match's spans; `slice` gives the subject text of a span. */
export function expandTemplate(t: Template, spans: ArrayLike<number>, slice: (start: number, end: number) => string | Uint8Array): (string | Uint8Array)[] {
  const parts: (string | Uint8Array)[] = [];
  for (const item of t.items) {
    if (typeof item === 'number') {
      const s = spans[item * 2];
      const e = spans[item * 2 + 1];
      if (s >= 0 && e >= 0) parts.push(slice(s, e));
    } else {
      parts.push(item);
    }
  }
  return parts;
}
