// Argument checking helpers for native functions, with CPython's messages.
import { typeError } from './exceptions';
import { typeOf } from './object';

export function noKw(name: string, kw: Map<string, any> | null): void {
  if (kw && kw.size) throw typeError(`${name}() takes no keyword arguments`);
}

/** Checks positional count for a method (args[0] is self; counts exclude it). */
export function arity(name: string, args: any[], min: number, max: number, self = true): void {
  const n = args.length - (self ? 1 : 0);
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) throw typeError(`${name}() takes no arguments (${n} given)`);
    if (min === 1) throw typeError(`${name}() takes exactly one argument (${n} given)`);
    throw typeError(`${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) throw typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  throw typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}

/** Binds positional + keyword arguments to names (for natives with keyword parameters). */
export function bindArgs(fname: string, args: any[], kw: Map<string, any> | null, names: string[], required: number): any[] {
  const out = new Array(names.length).fill(undefined);
  if (args.length > names.length) {
    throw typeError(`${fname}() takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${args.length} given)`);
  }
  for (let i = 0; i < args.length; i++) out[i] = args[i];
  if (kw) {
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
      if (out[i] !== undefined) throw typeError(`argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
      out[i] = v;
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) throw typeError(`${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

export function expectStr(x: any, what: string): string {
  if (typeof x === 'string') return x;
  throw typeError(`${what} must be str, not ${typeOf(x).name}`);
}
