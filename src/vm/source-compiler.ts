// Installs pyvm's own compiler behind compile()/exec()/eval(), as `pyvm run`, `pyvm trace` and the
// debugger run programs. Kept apart from compile-hook.ts so the VM alone (running CPython's marshal
// data) does not load the compiler.
import { compile, PySyntaxError, type CompileMode } from '../compiler';
import { convertSyntaxError, setCompiler } from './compile-hook';

export function installSourceCompiler(): void {
  setCompiler((source, filename, mode) => {
    try {
      return compile(source, filename, mode as CompileMode);
    } catch (e) {
      if (e instanceof PySyntaxError) throw convertSyntaxError(e);
      throw e;
    }
  });
}
