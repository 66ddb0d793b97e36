// The format-spec mini-language (format(), f-strings, str.format) and printf-style % formatting.
// Float digits are produced exactly (BigInt arithmetic on the binary value, round-half-even) so
// results match CPython's correctly rounded dtoa.
import { PyFloat, floatRepr, makeInt, type PyInt } from '../values';
import { valueError, typeError, newExc, indexError, keyError } from './exceptions';
import { T, typeOf, PyBoxed } from './object';
import { PyTuple, PyDict, PyHashed } from './collections';
import { repr, str, getattr, getitem, toIndex, call, realValue, callMethod } from './ops';
import { intToFloat } from './numbers';

export interface Spec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number;
  type: string;
}

export function parseSpec(spec: string, typeName: string): Spec {
  const s: Spec = { fill: ' ', align: '', sign: '', alt: false, zero: false, width: -1, grouping: '', precision: -1, type: '' };
  let i = 0;
  const chars = [...spec];
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '^' || c === '=';
  if (chars.length >= 2 && isAlign(chars[1])) {
    s.fill = chars[0];
    s.align = chars[1];
    i = 2;
  } else if (isAlign(chars[0])) {
    s.align = chars[0];
    i = 1;
  }
  if (chars[i] === '+' || chars[i] === '-' || chars[i] === ' ') s.sign = chars[i++];
  if (chars[i] === 'z') i++;
  if (chars[i] === '#') {
    s.alt = true;
    i++;
  }
  if (chars[i] === '0') {
    s.zero = true;
    if (!s.align) {
      s.fill = '0';
      s.align = '=';
    }
    i++;
  }
  let w = '';
  while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') w += chars[i++];
  if (w) s.width = Number(w);
  if (chars[i] === ',' || chars[i] === '_') s.grouping = chars[i++];
  if (chars[i] === ',' || chars[i] === '_') throw valueError('Cannot specify both \',\' and \'_\'.');
  if (chars[i] === '.') {
    i++;
    let p = '';
    while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') p += chars[i++];
    if (!p) throw valueError('Format specifier missing precision');
    s.precision = Number(p);
  }
  if (i < chars.length) s.type = chars[i++];
  if (i < chars.length) throw valueError('Invalid format specifier');
  if (s.grouping && s.type && !'deEfFgG%'.includes(s.type) && !(s.grouping === '_' && 'boxX'.includes(s.type))) {
    throw valueError(`Cannot specify '${s.grouping}' with '${s.type}'.`);
  }
  void typeName;
  return s;
}

function pad(body: string, prefix: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign;
  const total = [...prefix].length + [...body].length;
  if (s.width <= total) return prefix + body;
  const n = s.width - total;
  switch (align) {
    case '<': return prefix + body + s.fill.repeat(n);
    case '>': return s.fill.repeat(n) + prefix + body;
    case '^': return s.fill.repeat(n >> 1) + prefix + body + s.fill.repeat(n - (n >> 1));
    default: return prefix + s.fill.repeat(n) + body;
  }
}

function group(intPart: string, sep: string, every: number): string {
  if (!sep) return intPart;
  let out = '';
  let n = 0;
  for (let i = intPart.length - 1; i >= 0; i--) {
    out = intPart[i] + out;
    if (++n % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

/** Zero padding with grouping: pads the digits so that separators are inserted in the fill too. */
function groupedZeroPad(digits: string, s: Spec, prefixLen: number, rest: string, every: number): string {
  if (!(s.align === '=' && s.fill === '0' && s.width > 0 && s.grouping)) return group(digits, s.grouping, every);
  let d = digits;
  let g = group(d, s.grouping, every);
  while (g.length + prefixLen + rest.length < s.width) {
    d = '0' + d;
    g = group(d, s.grouping, every);
  }
  return g;
}

export function formatStr(v: string, spec: string): string {
  if (spec === '') return v;
  const s = parseSpec(spec, 'str');
  if (s.type && s.type !== 's') throw valueError(`Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign) throw valueError('Sign not allowed in string format specifier');
  if (s.alt) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (s.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  if (s.grouping) throw valueError(`Cannot specify '${s.grouping}' with 's'.`);
  let body = v;
  if (s.precision >= 0) body = [...v].slice(0, s.precision).join('');
  return pad(body, '', s, '<');
}

export function formatInt(v: PyInt, spec: string, typeName = 'int'): string {
  if (spec === '') return String(v);
  const s = parseSpec(spec, typeName);
  const t = s.type || 'd';
  if ('eEfFgG%'.includes(t)) return formatFloatSpec(intToFloat(v), s);
  if (s.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  const neg = v < 0;
  const abs = neg ? (typeof v === 'bigint' ? -v : -v) : v;
  let digits: string;
  let prefix = '';
  switch (t) {
    case 'd':
    case 'n':
      digits = abs.toString();
      break;
    case 'b':
      digits = abs.toString(2);
      if (s.alt) prefix = '0b';
      break;
    case 'o':
      digits = abs.toString(8);
      if (s.alt) prefix = '0o';
      break;
    case 'x':
      digits = abs.toString(16);
      if (s.alt) prefix = '0x';
      break;
    case 'X':
      digits = abs.toString(16).toUpperCase();
      if (s.alt) prefix = '0X';
      break;
    case 'c': {
      if (s.sign) throw valueError("Sign not allowed with integer format specifier 'c'");
      const cp = Number(v);
      if (cp < 0 || cp > 0x10ffff) throw newExc(T.OverflowError, '%c arg not in range(0x110000)');
      return pad(String.fromCodePoint(cp), '', s, '<');
    }
    default:
      throw valueError(`Unknown format code '${t}' for object of type '${typeName}'`);
  }
  const sign = neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
  const every = t === 'd' || t === 'n' ? 3 : 4;
  digits = groupedZeroPad(digits, s, sign.length + prefix.length, '', every);
  return pad(digits, sign + prefix, s, '>');
}

// ---- exact float → decimal ----
function decompose(x: number): [bigint, number] {
  // x > 0 finite: x = m * 2**e with m an integer.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  return [mant, e];
}

function divRoundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  const twice = 2n * r;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of round(|x| * 10**p) exactly (x finite). */
function scaledDigits(x: number, p: number): bigint {
  if (x === 0) return 0n;
  const [m, e] = decompose(Math.abs(x));
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (p >= 0) num *= 10n ** BigInt(p);
  else den *= 10n ** BigInt(-p);
  return divRoundHalfEven(num, den);
}

/** Fixed notation with p digits after the point, no sign. */
export function fixedDigits(x: number, p: number): string {
  // JS toFixed is correctly rounded except on exact ties (it rounds half up, Python half to even).
  // A tie needs x * 2**(p+1) to be an integer, which is checked exactly; only then go exact.
  if (x < 1e21 && p <= 100 && !Number.isInteger(x * 2 ** (p + 1))) return x.toFixed(p);
  const q = scaledDigits(x, p).toString().padStart(p + 1, '0');
  if (p === 0) return q;
  return q.slice(0, q.length - p) + '.' + q.slice(q.length - p);
}

/** Scientific digits: [mantissa digits (p+1 of them), decimal exponent]. */
export function expDigits(x: number, p: number): [string, number] {
  if (x === 0) return ['0'.repeat(p + 1), 0];
  let k = Math.floor(Math.log10(Math.abs(x)));
  for (let iter = 0; iter < 4; iter++) {
    const q = scaledDigits(x, p - k);
    const s = q.toString();
    if (s.length === p + 2) {
      k++;
      continue;
    }
    if (s.length < p + 1) {
      k--;
      continue;
    }
    return [s, k];
  }
  const s = scaledDigits(x, p - k).toString();
  return [s.slice(0, p + 1), k];
}

function expString(x: number, p: number, upper: boolean, alt: boolean): string {
  const [d, k] = expDigits(x, p);
  const mant = d.length > 1 || alt ? d[0] + '.' + d.slice(1) : d;
  const es = (k < 0 ? '-' : '+') + String(Math.abs(k)).padStart(2, '0');
  return mant + (upper ? 'E' : 'e') + es;
}

function gString(x: number, prec: number, upper: boolean, alt: boolean, reprStyle = false): string {
  const P = prec === 0 ? 1 : prec;
  if (x === 0) {
    const zero = alt ? '0.' + '0'.repeat(P - 1) : reprStyle ? '0.0' : '0';
    return zero;
  }
  const [, k] = expDigits(x, P - 1);
  let out: string;
  if (k >= -4 && k < P) {
    out = fixedDigits(x, P - 1 - k);
    if (!alt && out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, reprStyle ? '.0' : '');
    else if (alt && !out.includes('.')) out += '.';
  } else {
    out = expString(x, P - 1, upper, alt);
    if (!alt) {
      const [m, e] = out.split(upper ? 'E' : 'e');
      const mm = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
      out = mm + (upper ? 'E' : 'e') + e;
    }
  }
  return out;
}

export function formatFloat(x: number, spec: string): string {
  if (spec === '') return floatRepr(x);
  return formatFloatSpec(x, parseSpec(spec, 'float'));
}

function formatFloatSpec(x: number, s: Spec): string {
  let t = s.type;
  if (t && !'eEfFgGn%'.includes(t)) throw valueError(`Unknown format code '${t}' for object of type 'float'`);
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  const prec = s.precision;
  if (!Number.isFinite(x)) {
    body = x !== x ? 'nan' : 'inf';
    if (t === 'E' || t === 'F' || t === 'G') body = body.toUpperCase();
    if (t === '%') body += '%';
  } else {
    switch (t) {
      case 'f':
      case 'F':
        body = fixedDigits(ax, prec < 0 ? 6 : prec);
        if (s.alt && !body.includes('.')) body += '.';
        break;
      case 'e':
      case 'E':
        body = expString(ax, prec < 0 ? 6 : prec, t === 'E', s.alt);
        break;
      case '%':
        body = fixedDigits(ax * 100, prec < 0 ? 6 : prec) + '%';
        break;
      case 'g':
      case 'G':
      case 'n':
        body = gString(ax, prec < 0 ? 6 : prec, t === 'G', s.alt);
        break;
      default:
        if (prec < 0) body = floatRepr(ax);
        else {
          body = gString(ax, prec, false, s.alt, true);
        }
        t = '';
    }
  }
  const sign = neg && !(x !== x) ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
  if (s.grouping && Number.isFinite(x)) {
    const m = /^(\d+)(.*)$/.exec(body);
    if (m) body = groupedZeroPad(m[1], s, sign.length, m[2], 3) + m[2];
  }
  return pad(body, sign, s, '>');
}

export function formatComplex(re: number, im: number, spec: string): string {
  const s = parseSpec(spec, 'complex');
  const inner = { ...s, width: -1, align: '', fill: ' ' };
  const showReal = !(re === 0 && !Object.is(re, -0)) || !!s.type;
  const r = showReal ? formatFloatSpec(re, inner) : '';
  let i = formatFloatSpec(im, { ...inner, sign: showReal ? '+' : inner.sign });
  i += 'j';
  const body = showReal && !s.type ? `(${r}${i})` : r + i;
  return pad(body, '', s, '>');
}

/** format(value, spec): calls type(value).__format__. */
export function format(v: any, spec: string): string {
  if (typeof v === 'string') return formatStr(v, spec);
  if (typeof v === 'number' || typeof v === 'bigint') return formatInt(v, spec);
  if (v instanceof PyFloat && v.cls === T.float) return formatFloat(v.value, spec);
  const f = typeOf(v).lookup('__format__');
  const r = callMethod(f, v, [spec]);
  if (typeof r !== 'string') throw typeError(`__format__ must return a str, not ${typeOf(r).name}`);
  return r;
}

// ---- str.format ----
export function strFormat(fmt: string, args: any[], kw: Map<string, any> | null): string {
  let out = '';
  let auto = 0;
  let mode: 'auto' | 'manual' | '' = '';
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      // Find the matching '}' allowing one level of nesting in the spec.
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        if (depth > 0) j++;
      }
      if (j >= n) throw valueError("expected '}' before end of string");
      const field = fmt.slice(i + 1, j);
      i = j + 1;
      let name = field;
      let conv = '';
      let spec = '';
      const colon = indexOutsideBrackets(field, ':');
      if (colon >= 0) {
        spec = field.slice(colon + 1);
        name = field.slice(0, colon);
      }
      const bang = name.indexOf('!');
      if (bang >= 0) {
        conv = name.slice(bang + 1);
        name = name.slice(0, bang);
        if (conv.length !== 1) throw valueError('expected \':\' after conversion specifier');
      }
      // Resolve the field name.
      const m = /^([^.[]*)(.*)$/s.exec(name)!;
      let first = m[1];
      let obj: any;
      if (first === '') {
        if (mode === 'manual') throw valueError('cannot switch from manual field specification to automatic field numbering');
        mode = 'auto';
        first = String(auto++);
      } else if (/^\d+$/.test(first)) {
        if (mode === 'auto') throw valueError('cannot switch from automatic field numbering to manual field specification');
        mode = 'manual';
      }
      if (/^\d+$/.test(first)) {
        const idx = Number(first);
        if (idx >= args.length) throw indexError(`Replacement index ${idx} out of range for positional args tuple`);
        obj = args[idx];
      } else {
        if (!kw || !kw.has(first)) throw keyError(first);
        obj = kw.get(first);
      }
      let rest = m[2];
      while (rest) {
        const am = /^\.([^.[]+)/.exec(rest);
        if (am) {
          obj = getattr(obj, am[1]);
          rest = rest.slice(am[0].length);
          continue;
        }
        const im = /^\[([^\]]+)\]/.exec(rest);
        if (im) {
          obj = getitem(obj, /^\d+$/.test(im[1]) ? Number(im[1]) : im[1]);
          rest = rest.slice(im[0].length);
          continue;
        }
        throw valueError('Only \'.\' or \'[\' may follow \']\' in format field specifier');
      }
      if (conv === 'r') obj = repr(obj);
      else if (conv === 's') obj = str(obj);
      else if (conv === 'a') obj = asciiRepr(obj);
      else if (conv) throw valueError(`Unknown conversion specifier ${conv}`);
      if (spec.includes('{')) spec = strFormatNested(spec, args, kw, () => auto++, () => mode, (mm) => (mode = mm));
      out += format(obj, spec);
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  return out;
}

function strFormatNested(spec: string, args: any[], kw: Map<string, any> | null, nextAuto: () => number, getMode: () => string, setMode: (m: any) => void): string {
  return spec.replace(/\{([^{}]*)\}/g, (_m, name: string) => {
    if (name === '') {
      if (getMode() === 'manual') throw valueError('cannot switch from manual field specification to automatic field numbering');
      setMode('auto');
      const idx = nextAuto();
      if (idx >= args.length) throw indexError(`Replacement index ${idx} out of range for positional args tuple`);
      return str(args[idx]);
    }
    if (/^\d+$/.test(name)) return str(args[Number(name)]);
    if (!kw || !kw.has(name)) throw keyError(name);
    return str(kw.get(name));
  });
}

function indexOutsideBrackets(s: string, ch: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']') depth--;
    else if (s[i] === ch && depth === 0) return i;
  }
  return -1;
}

export function asciiRepr(x: any): string {
  const r = repr(x);
  let out = '';
  for (const ch of r) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

// ---- printf-style ----
export function percentFormat(fmt: string, arg: any): string {
  const isMapping = !(arg instanceof PyTuple) && (arg instanceof PyHashed ? arg instanceof PyDict : typeOf(arg).lookup('__getitem__') !== undefined && typeof arg !== 'string');
  const args: any[] = arg instanceof PyTuple ? arg.items : [arg];
  let ai = 0;
  let out = '';
  let usedMapping = false;
  const nextArg = () => {
    if (ai >= args.length) throw typeError('not enough arguments for format string');
    return args[ai++];
  };
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    let key: string | null = null;
    if (fmt[i] === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth) {
        if (fmt[j] === '(') depth++;
        else if (fmt[j] === ')') depth--;
        j++;
      }
      key = fmt.slice(i + 1, j - 1);
      i = j;
      if (!isMapping) throw typeError('format requires a mapping');
      usedMapping = true;
    }
    let flags = '';
    while ('-+ #0'.includes(fmt[i]) && i < fmt.length) flags += fmt[i++];
    let width = '';
    if (fmt[i] === '*') {
      width = String(toIndex(nextArg()));
      i++;
    } else while (fmt[i] >= '0' && fmt[i] <= '9') width += fmt[i++];
    let prec = '';
    let hasPrec = false;
    if (fmt[i] === '.') {
      hasPrec = true;
      i++;
      if (fmt[i] === '*') {
        prec = String(toIndex(nextArg()));
        i++;
      } else while (fmt[i] >= '0' && fmt[i] <= '9') prec += fmt[i++];
    }
    while ('hlL'.includes(fmt[i]) && i < fmt.length) i++;
    const t = fmt[i++];
    if (t === undefined) throw valueError('incomplete format');
    if (t === '%') {
      out += '%';
      continue;
    }
    const v = key !== null ? getitem(arg, key) : nextArg();
    let spec = '';
    if (flags.includes('-')) spec += '<';
    else if (flags.includes('0') && 'diouxXeEfFgG'.includes(t)) spec += '0=';
    else spec += '>';
    if (flags.includes('+')) spec += '+';
    else if (flags.includes(' ')) spec += ' ';
    if (flags.includes('#')) spec += '#';
    const wp = (width || '') + (hasPrec ? '.' + (prec || '0') : '');
    let s: string;
    switch (t) {
      case 's':
        s = formatStr(str(v), (spec.startsWith('0=') ? '>' : spec[0]) + wp);
        break;
      case 'r':
        s = formatStr(repr(v), spec[0] + wp);
        break;
      case 'a':
        s = formatStr(asciiRepr(v), spec[0] + wp);
        break;
      case 'c': {
        let ch: string;
        if (typeof v === 'string') {
          if ([...v].length !== 1) throw typeError('%c requires int or char');
          ch = v;
        } else ch = String.fromCodePoint(Number(toIndex(v)));
        s = formatStr(ch, spec[0] + width);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        const n = toIntForPercent(v, t);
        let body = formatInt(n, spec.replace('#', '') + (hasPrec ? '' : width) + (t === 'o' || t === 'x' || t === 'X' ? t : 'd'));
        if (hasPrec) {
          const neg = n < 0;
          let digits = (neg ? -BigInt(n) : BigInt(n)).toString(t === 'o' ? 8 : t === 'd' || t === 'i' || t === 'u' ? 10 : 16);
          if (t === 'X') digits = digits.toUpperCase();
          digits = digits.padStart(Number(prec || 0), '0');
          const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          body = sign + digits;
          body = flags.includes('-') ? body.padEnd(Number(width || 0)) : body.padStart(Number(width || 0));
        }
        if (flags.includes('#') && t !== 'd' && t !== 'i' && t !== 'u') {
          const pre = t === 'o' ? '0o' : t === 'x' ? '0x' : '0X';
          body = formatInt(n, spec.replace('0=', '0=') + '#' + (hasPrec ? '' : width) + t);
          void pre;
        }
        s = body;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const r = realValue(v);
        let f: number;
        if (r === undefined) {
          const ff = typeOf(v).lookup('__float__');
          if (ff === undefined) throw typeError(`must be real number, not ${typeOf(v).name}`);
          f = (callMethod(ff, v, []) as PyFloat).value;
        } else f = typeof r === 'bigint' ? intToFloat(r) : r;
        s = formatFloat(f, spec + (width || '') + '.' + (hasPrec ? prec || '0' : '6') + t);
        break;
      }
      default:
        throw valueError(`unsupported format character '${t}' (0x${t.charCodeAt(0).toString(16)}) at index ${i - 1}`);
    }
    out += s;
  }
  if (!usedMapping && ai < args.length && !(isMapping && !(arg instanceof PyTuple)))
    throw typeError('not all arguments converted during string formatting');
  return out;
}

function toIntForPercent(v: any, t: string): PyInt {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return +v;
  if (v instanceof PyBoxed) return toIntForPercent(v.value, t);
  if (v instanceof PyFloat) {
    if (t === 'd' || t === 'i' || t === 'u') {
      const x = Math.trunc(v.value);
      return Number.isSafeInteger(x) ? x : makeInt(BigInt(x));
    }
    throw typeError(`%${t} format: an integer is required, not float`);
  }
  const tn = typeOf(v);
  if (t === 'd' || t === 'i' || t === 'u') {
    if (tn.lookup('__int__') !== undefined || tn.lookup('__index__') !== undefined) return toIndexOrInt(v);
    throw typeError(`%${t} format: a real number is required, not ${tn.name}`);
  }
  if (tn.lookup('__index__') !== undefined) return toIndex(v);
  throw typeError(`%${t} format: an integer is required, not ${tn.name}`);
}
function toIndexOrInt(v: any): PyInt {
  const f = typeOf(v).lookup('__int__');
  if (f !== undefined) return callMethod(f, v, []);
  return toIndex(v);
}

export { call };
