// A minimal math module (the functions test programs commonly use).
import { PyFloat, makeInt } from '../values';
import { PyBuiltin, T, newExc, valueError, typeError, asFloat, asInt, ops, PyTuple, floatToIntExport } from './math-deps';
import { registerModule, newModule } from './importer';

registerModule('math', () => {
  const m = newModule('math');
  const d = m.dictRef;
  const def = (name: string, fn: (a: any[]) => any) => d.setStr(name, new PyBuiltin(name, (a) => fn(a), undefined, 'math'));
  const num = (x: any): number => {
    const f = asFloat(x);
    if (f !== undefined) return f;
    const ff = ops.getattrOpt(x, '__float__');
    if (ff !== undefined) return (ops.call(ff, []) as PyFloat).value;
    throw typeError(`must be real number, not ${x?.cls?.name ?? typeof x}`);
  };
  const f1 = (name: string, fn: (x: number) => number, domain?: (x: number) => boolean) =>
    def(name, (a) => {
      const x = num(a[0]);
      if (domain && !domain(x)) throw valueError('math domain error');
      return new PyFloat(fn(x));
    });
  d.setStr('pi', new PyFloat(Math.PI));
  d.setStr('e', new PyFloat(Math.E));
  d.setStr('tau', new PyFloat(2 * Math.PI));
  d.setStr('inf', new PyFloat(Infinity));
  d.setStr('nan', new PyFloat(NaN));
  f1('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
  f1('exp', Math.exp);
  f1('sin', Math.sin);
  f1('cos', Math.cos);
  f1('tan', Math.tan);
  f1('asin', Math.asin);
  f1('acos', Math.acos);
  f1('atan', Math.atan);
  f1('fabs', Math.abs);
  f1('log2', Math.log2, (x) => x > 0);
  f1('log10', Math.log10, (x) => x > 0);
  f1('degrees', (x) => (x * 180) / Math.PI);
  f1('radians', (x) => (x * Math.PI) / 180);
  def('atan2', (a) => new PyFloat(Math.atan2(num(a[0]), num(a[1]))));
  def('hypot', (a) => new PyFloat(Math.hypot(...a.map(num))));
  def('pow', (a) => new PyFloat(Math.pow(num(a[0]), num(a[1]))));
  def('log', (a) => {
    const x = num(a[0]);
    if (x <= 0) throw valueError('math domain error');
    const r = Math.log(x);
    return new PyFloat(a.length > 1 ? r / Math.log(num(a[1])) : r);
  });
  const intish = (name: string, fn: (x: number) => number) =>
    def(name, (a) => {
      const i = asInt(a[0]);
      if (i !== undefined) return i;
      const dunder = ops.getattrOpt(a[0], `__${name}__`);
      if (dunder !== undefined && !(a[0] instanceof PyFloat)) return ops.call(dunder, []);
      return floatToIntExport(fn(num(a[0])));
    });
  intish('floor', Math.floor);
  intish('ceil', Math.ceil);
  intish('trunc', Math.trunc);
  def('isnan', (a) => Number.isNaN(num(a[0])));
  def('isinf', (a) => Math.abs(num(a[0])) === Infinity);
  def('isfinite', (a) => Number.isFinite(num(a[0])));
  def('copysign', (a) => {
    const x = Math.abs(num(a[0]));
    const y = num(a[1]);
    return new PyFloat(y < 0 || Object.is(y, -0) ? -x : x);
  });
  def('isclose', (a) => {
    const x = num(a[0]);
    const y = num(a[1]);
    return x === y || Math.abs(x - y) <= Math.max(1e-9 * Math.max(Math.abs(x), Math.abs(y)), 0);
  });
  const gcd2 = (x: bigint, y: bigint) => {
    x = x < 0n ? -x : x;
    y = y < 0n ? -y : y;
    while (y) [x, y] = [y, x % y];
    return x;
  };
  def('gcd', (a) => makeInt(a.map((x) => BigInt(ops.toIndex(x))).reduce(gcd2, 0n)));
  def('lcm', (a) => makeInt(a.map((x) => BigInt(ops.toIndex(x))).reduce((x, y) => (x === 0n || y === 0n ? 0n : ((x * y < 0n ? -x * y : x * y) / gcd2(x, y))), 1n)));
  def('factorial', (a) => {
    const n = asInt(a[0]);
    if (n === undefined) throw typeError(`'${a[0]?.cls?.name ?? 'float'}' object cannot be interpreted as an integer`);
    if (n < 0) throw valueError('factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= BigInt(n); i++) r *= i;
    return makeInt(r);
  });
  def('comb', (a) => {
    const n = BigInt(ops.toIndex(a[0]));
    let k = BigInt(ops.toIndex(a[1]));
    if (n < 0n || k < 0n) throw valueError(n < 0n ? 'n must be a non-negative integer' : 'k must be a non-negative integer');
    if (k > n) return 0;
    if (k > n - k) k = n - k;
    let r = 1n;
    for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
    return makeInt(r);
  });
  def('perm', (a) => {
    const n = BigInt(ops.toIndex(a[0]));
    const k = a.length > 1 ? BigInt(ops.toIndex(a[1])) : n;
    if (k > n) return 0;
    let r = 1n;
    for (let i = n - k + 1n; i <= n; i++) r *= i;
    return makeInt(r);
  });
  def('isqrt', (a) => {
    const n = BigInt(ops.toIndex(a[0]));
    if (n < 0n) throw valueError('isqrt() argument must be nonnegative');
    if (n < 2n) return makeInt(n);
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return makeInt(x);
  });
  def('fsum', (a) => {
    const xs = ops.toArray(a[0]).map(num);
    // Shewchuk's exact summation, as math.fsum.
    const partials: number[] = [];
    for (let x of xs) {
      let i = 0;
      for (let y of partials) {
        if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo) partials[i++] = lo;
        x = hi;
      }
      partials.length = i;
      partials.push(x);
    }
    let hi = 0;
    let lo = 0;
    let n = partials.length;
    if (n > 0) {
      hi = partials[--n];
      while (n > 0) {
        const x = hi;
        const y = partials[--n];
        hi = x + y;
        const yr = hi - x;
        lo = y - yr;
        if (lo) break;
      }
      if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
        const y = lo * 2;
        const x = hi + y;
        const yr = x - hi;
        if (y === yr) hi = x;
      }
    }
    return new PyFloat(hi);
  });
  def('prod', (a) => {
    let acc: any = 1;
    for (const x of ops.toArray(a[0])) acc = ops.binaryOp(acc, x, 5);
    return acc;
  });
  def('modf', (a) => {
    const x = num(a[0]);
    const i = Math.trunc(x);
    return new PyTuple([new PyFloat(x - i), new PyFloat(i)]);
  });
  def('fmod', (a) => new PyFloat(num(a[0]) % num(a[1])));
  void newExc;
  void T;
  return m;
});
