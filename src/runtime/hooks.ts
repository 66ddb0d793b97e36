// Late-bound entry points that break import cycles inside the runtime and let the VM plug in the
// eval loop. Filled in at start-up (runtime/ops.ts installs the protocol functions, src/vm installs
// the function-call and generator-resume entry points).
import type { PyType } from './object';

export const hooks = {
  hash: (_x: any): number => 0,
  /** The exact Python hash (number or bigint), used for CPython's set slot order. */
  exactHash: (_x: any): any => 0,
  eq: (_a: any, _b: any): boolean => false,
  hasIdentityEq: (_t: PyType): boolean => true,
  /** Calls a Python function object (installed by the VM). */
  callFunction: (_f: any, _args: any[], _kw: Map<string, any> | null): any => undefined,
  /** Resumes a generator frame: mode 0 = send(value), 1 = throw(exc). Returns {done, value}. */
  resumeGenerator: (_gen: any, _mode: number, _value: any): { done: boolean; value: any } => ({ done: true, value: undefined }),
};
