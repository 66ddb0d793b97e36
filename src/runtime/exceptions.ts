// The built-in exception hierarchy. A Python exception is a PyBaseException instance; it is thrown
// as a JS exception *itself* (not wrapped in an Error, so no JS stack trace is ever captured) and
// the eval loop catches it.
import { PyObject, PyType, T, builtinType } from './object';
import { PyTuple } from './collections';

export class PyBaseException extends PyObject {
  args: PyTuple;
  traceback: PyTraceback | null = null;
  cause: any = null; // PyBaseException | null
  context: any = null;
  suppressContext = false;
  notes: any = null;
  /** Extra attributes of specific exception classes (StopIteration.value, SystemExit.code, ...). */
  constructor(cls: PyType, args: any[] = []) {
    super(cls);
    this.args = new PyTuple(args);
  }
}

/** A traceback entry: tb_next points towards the frame that raised. */
export class PyTraceback extends PyObject {
  constructor(public tb_next: PyTraceback | null, public tb_frame: any, public tb_lasti: number, public tb_lineno: number) {
    super(T.traceback);
  }
}

export class PyExceptionGroup extends PyBaseException {
  message = '';
  exceptions: PyTuple = new PyTuple([]);
}

const HIERARCHY = `BaseException
  BaseExceptionGroup
  Exception
    ArithmeticError
      FloatingPointError
      OverflowError
      ZeroDivisionError
    AssertionError
    AttributeError
    BufferError
    EOFError
    ImportError
      ModuleNotFoundError
    LookupError
      IndexError
      KeyError
    MemoryError
    NameError
      UnboundLocalError
    OSError
      BlockingIOError
      ChildProcessError
      ConnectionError
        BrokenPipeError
        ConnectionAbortedError
        ConnectionRefusedError
        ConnectionResetError
      FileExistsError
      FileNotFoundError
      InterruptedError
      IsADirectoryError
      NotADirectoryError
      PermissionError
      ProcessLookupError
      TimeoutError
    ReferenceError
    RuntimeError
      NotImplementedError
      RecursionError
    StopAsyncIteration
    StopIteration
    SyntaxError
      IndentationError
        TabError
    SystemError
    TypeError
    ValueError
      UnicodeError
        UnicodeDecodeError
        UnicodeEncodeError
        UnicodeTranslateError
    Warning
      BytesWarning
      DeprecationWarning
      EncodingWarning
      FutureWarning
      ImportWarning
      PendingDeprecationWarning
      ResourceWarning
      RuntimeWarning
      SyntaxWarning
      UnicodeWarning
      UserWarning
  GeneratorExit
  KeyboardInterrupt
  SystemExit`;

export const EXCEPTION_NAMES: string[] = [];
{
  const stack: PyType[] = [];
  for (const line of HIERARCHY.split('\n')) {
    const depth = (line.length - line.trimStart().length) / 2;
    const name = line.trim();
    let t: PyType;
    if (depth === 0) {
      t = builtinType(name, T.object, (cls) => new PyBaseException(cls));
      t.isException = true;
      t.hasDict = true;
    } else {
      t = builtinType(name, stack[depth - 1]);
    }
    stack[depth] = t;
    EXCEPTION_NAMES.push(name);
  }
  T.BaseExceptionGroup.alloc = (cls) => new PyExceptionGroup(cls);
  T.BaseExceptionGroup.solidBase = T.BaseExceptionGroup;
  const eg = new PyType(T.type, 'ExceptionGroup', [T.BaseExceptionGroup, T.Exception]);
  eg.mro = [eg, T.BaseExceptionGroup, T.Exception, T.BaseException, T.object];
  eg.solidBase = T.BaseExceptionGroup;
  eg.alloc = T.BaseExceptionGroup.alloc;
  eg.isException = true;
  eg.hasDict = true;
  T.ExceptionGroup = eg;
  EXCEPTION_NAMES.splice(2, 0, 'ExceptionGroup');
  T.EnvironmentError = T.OSError;
  T.IOError = T.OSError;
}

/** Creates an exception instance of builtin type `t` with one message argument. */
export function newExc(t: PyType, ...args: any[]): PyBaseException {
  const e = t.alloc!(t) as PyBaseException;
  e.args = new PyTuple(args);
  return e;
}

export function typeError(msg: string): PyBaseException {
  return newExc(T.TypeError, msg);
}
export function valueError(msg: string): PyBaseException {
  return newExc(T.ValueError, msg);
}
export function indexError(msg: string): PyBaseException {
  return newExc(T.IndexError, msg);
}
export function keyError(key: any): PyBaseException {
  return newExc(T.KeyError, key);
}
export function attributeError(msg: string, name?: string, obj?: any): PyBaseException {
  const e = newExc(T.AttributeError, msg);
  if (name !== undefined) {
    e.slots = { name, obj };
  }
  return e;
}
export function overflowError(msg: string): PyBaseException {
  return newExc(T.OverflowError, msg);
}
export function zeroDivisionError(msg: string): PyBaseException {
  return newExc(T.ZeroDivisionError, msg);
}
export function nameError(name: string): PyBaseException {
  const e = newExc(T.NameError, `name '${name}' is not defined`);
  e.slots = { name };
  return e;
}
export function runtimeError(msg: string): PyBaseException {
  return newExc(T.RuntimeError, msg);
}
export function stopIteration(value?: any): PyBaseException {
  return value === undefined ? newExc(T.StopIteration) : newExc(T.StopIteration, value);
}

export function isExcInstance(x: any): x is PyBaseException {
  return x instanceof PyBaseException;
}
