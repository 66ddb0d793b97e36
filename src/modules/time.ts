// A minimal time module.
import { PyFloat } from '../values';
import { PyBuiltin, PyTuple, ops } from '../runtime';
import { None } from '../values';
import { registerModule, newModule } from './importer';

registerModule('time', () => {
  const m = newModule('time');
  const d = m.dictRef;
  const def = (name: string, fn: (a: any[]) => any) => d.setStr(name, new PyBuiltin(name, (a) => fn(a), undefined, 'time'));
  const t0 = process.hrtime.bigint();
  def('time', () => new PyFloat(Date.now() / 1000));
  def('time_ns', () => BigInt(Date.now()) * 1000000n);
  def('perf_counter', () => new PyFloat(Number(process.hrtime.bigint() - t0) / 1e9));
  def('perf_counter_ns', () => process.hrtime.bigint() - t0);
  def('monotonic', () => new PyFloat(Number(process.hrtime.bigint()) / 1e9));
  def('process_time', () => new PyFloat(process.cpuUsage().user / 1e6));
  def('sleep', (a) => {
    const secs = Number((ops.realValue(a[0]) as number) ?? 0);
    if (secs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, secs * 1000);
    return None;
  });
  def('localtime', () => {
    const t = new Date();
    return new PyTuple([t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds(), (t.getDay() + 6) % 7, 0, -1]);
  });
  return m;
});
