// Binding call arguments to a function's fast locals (CPython's initialize_locals), with
// CPython's error messages.
import { CO_VARARGS, CO_VARKEYWORDS } from '../bytecode/code';
import { PyFunction, PyTuple, PyDict, typeError, T, typeOf } from '../runtime';
import { None } from '../values';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

/**
 * Binds `n` values from `src[base..base+n)` — positional first, then the values of `kwnames` —
 * into `locals` for a call of `func`.
 */
export function bindArgs(func: PyFunction, locals: any[], src: any[], base: number, n: number, kwnames: string[] | null): void {
  const co = func.code;
  const argcount = co.co_argcount;
  const flags = co.co_flags;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = n - nkw;
  // Fast path: exact positional call without defaults needed.
  if (nkw === 0 && npos === argcount && (flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && co.co_kwonlyargcount === 0) {
    for (let i = 0; i < npos; i++) locals[i] = src[base + i];
    return;
  }
  const kwonly = co.co_kwonlyargcount;
  const total = argcount + kwonly;
  const names = co.co_localsplusnames;
  let kwdict: PyDict | null = null;
  if (flags & CO_VARKEYWORDS) {
    kwdict = new PyDict();
    locals[total + (flags & CO_VARARGS ? 1 : 0)] = kwdict;
  }
  const m = npos < argcount ? npos : argcount;
  for (let i = 0; i < m; i++) locals[i] = src[base + i];
  if (flags & CO_VARARGS) {
    locals[total] = new PyTuple(npos > argcount ? src.slice(base + argcount, base + npos) : []);
  } else if (npos > argcount) {
    tooManyPositional(func, npos, locals, kwnames);
  }
  if (nkw) {
    for (let k = 0; k < nkw; k++) {
      const key = kwnames![k];
      const val = src[base + npos + k];
      let idx = -1;
      for (let j = co.co_posonlyargcount; j < total; j++) {
        if (names[j] === key) {
          idx = j;
          break;
        }
      }
      if (idx >= 0) {
        if (locals[idx] !== undefined) throw typeError(`${func.qualname}() got multiple values for argument '${key}'`);
        locals[idx] = val;
        continue;
      }
      if (kwdict !== null) {
        kwdict.setStr(key, val);
        continue;
      }
      const posonly = names.slice(0, co.co_posonlyargcount);
      if (posonly.includes(key)) {
        const bad = kwnames!.filter((k2) => posonly.includes(k2));
        throw typeError(`${func.qualname}() got some positional-only arguments passed as keyword arguments: '${bad.join(', ')}'`);
      }
      throw typeError(`${func.qualname}() got an unexpected keyword argument '${key}'`);
    }
  }
  // Defaults for missing positional parameters.
  if (npos < argcount) {
    const defaults = func.defaults;
    const ndef = defaults === null ? 0 : defaults.length;
    const firstDefault = argcount - ndef;
    const missing: string[] = [];
    for (let i = npos; i < argcount; i++) {
      if (locals[i] === undefined) {
        if (i >= firstDefault) locals[i] = defaults![i - firstDefault];
        else missing.push(names[i]);
      }
    }
    if (missing.length) {
      throw typeError(`${func.qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`);
    }
  }
  if (kwonly) {
    const missing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (locals[i] === undefined) {
        const d = func.kwdefaults === null ? undefined : func.kwdefaults.getStr(names[i]);
        if (d !== undefined) locals[i] = d;
        else missing.push(names[i]);
      }
    }
    if (missing.length) {
      throw typeError(`${func.qualname}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`);
    }
  }
}

function tooManyPositional(func: PyFunction, given: number, locals: any[], kwnames: string[] | null): never {
  const co = func.code;
  const argcount = co.co_argcount;
  const ndef = func.defaults === null ? 0 : func.defaults.length;
  let kwonlyGiven = 0;
  if (kwnames) {
    for (let i = argcount; i < argcount + co.co_kwonlyargcount; i++) if (kwnames.includes(co.co_localsplusnames[i])) kwonlyGiven++;
  }
  void locals;
  const sig = ndef ? `from ${argcount - ndef} to ${argcount}` : String(argcount);
  const plur = ndef ? 's' : argcount === 1 ? '' : 's';
  const kwPart = kwonlyGiven ? ` positional argument${given === 1 ? '' : 's'} (and ${plural(kwonlyGiven, 'keyword-only argument')})` : '';
  const was = kwonlyGiven ? `${given}${kwPart} were given` : `${given} ${given === 1 ? 'was' : 'were'} given`;
  throw typeError(`${func.qualname}() takes ${sig} positional argument${plur} but ${was}`);
}

/** Converts (args, kw Map) into one array plus kwnames for bindArgs. */
export function flattenKw(args: any[], kw: Map<string, any> | null): [any[], string[] | null] {
  if (kw === null || kw.size === 0) return [args, null];
  const all = args.slice();
  const names: string[] = [];
  for (const [k, v] of kw) {
    names.push(k);
    all.push(v);
  }
  return [all, names];
}

/** A **kwargs mapping → Map, with CPython's checks. */
export function kwargsToMap(fname: string, m: any, into: Map<string, any>): void {
  if (!(m instanceof PyDict)) throw typeError(`${fname} argument after ** must be a mapping, not ${typeOf(m).name}`);
  for (const i of m.indices()) {
    const k = m.keys[i];
    if (typeof k !== 'string') throw typeError('keywords must be strings');
    if (into.has(k)) throw typeError(`${fname} got multiple values for keyword argument '${k}'`);
    into.set(k, m.vals[i]);
  }
}

export { None, T };
