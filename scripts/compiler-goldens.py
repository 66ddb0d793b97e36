#!/usr/bin/env python3
"""Regenerate the compiler goldens from python3 3.11.

For every tests/compiler/corpus/NAME.py this writes tests/compiler/goldens/NAME.json:
  {"ast": <python3's AST in pyvm's JSON node shape (see compiler-ast-json.py)>,
   "code": <every co_* field of the module code object, recursively>,
   "dis": <the exact stdout of `python3 -m dis NAME.py`>}
Bytes fields are hex strings; constants are encoded as in compiler-ast-json.py, with
{"tuple": [...]}, {"frozenset": [...]} and {"code": {...}} for the container kinds.
Also tests/compiler/errors/errors.json (--errors) and tests/compiler/modes.json (--modes); with no
argument everything is regenerated.
Usage: python3 scripts/compiler-goldens.py [NAME... | --errors | --modes]
"""
import json
import re
import os
import subprocess
import warnings
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import importlib.util

spec = importlib.util.spec_from_file_location("astjson", os.path.join(HERE, "compiler-ast-json.py"))
astjson = importlib.util.module_from_spec(spec)
spec.loader.exec_module(astjson)
import ast

ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "tests", "compiler", "corpus")
ERRORS = os.path.join(ROOT, "tests", "compiler", "errors")
GOLDENS = os.path.join(ROOT, "tests", "compiler", "goldens")


def enc_const(v):
    if isinstance(v, tuple):
        return {"tuple": [enc_const(x) for x in v]}
    if isinstance(v, frozenset):
        # Order matters for co_consts equality of the repr; keep iteration order.
        return {"frozenset": [enc_const(x) for x in v]}
    if hasattr(v, "co_code"):
        return {"code": enc_code(v)}
    return astjson.enc_const(v)


def enc_code(co):
    return {
        "co_argcount": co.co_argcount,
        "co_posonlyargcount": co.co_posonlyargcount,
        "co_kwonlyargcount": co.co_kwonlyargcount,
        "co_stacksize": co.co_stacksize,
        "co_flags": co.co_flags,
        "co_code": co.co_code.hex(),
        "co_consts": [enc_const(c) for c in co.co_consts],
        "co_names": list(co.co_names),
        "co_localsplusnames": list(co.co_varnames + co.co_cellvars + co.co_freevars) if False else localsplus(co),
        "co_localspluskinds": kinds(co),
        "co_filename": co.co_filename,
        "co_name": co.co_name,
        "co_qualname": co.co_qualname,
        "co_firstlineno": co.co_firstlineno,
        "co_linetable": co.co_linetable.hex(),
        "co_exceptiontable": co.co_exceptiontable.hex(),
    }


def localsplus(co):
    # Arguments that are also cells share one slot: they appear once, among the varnames.
    names = list(co.co_varnames)
    names += [n for n in co.co_cellvars if n not in co.co_varnames]
    names += list(co.co_freevars)
    return names


def kinds(co):
    out = []
    for n in co.co_varnames:
        out.append(0x20 | (0x40 if n in co.co_cellvars else 0))
    for n in co.co_cellvars:
        if n not in co.co_varnames:
            out.append(0x40)
    for n in co.co_freevars:
        out.append(0x80)
    return bytes(out).hex()


def error_goldens():
    """tests/compiler/errors/*.py: files the compiler (not the parser) rejects; errors.json holds
    python3's SyntaxError fields for each and the stderr of `python3 -m dis FILE`."""
    out = {}
    for name in sorted(f for f in os.listdir(ERRORS) if f.endswith(".py")):
        rel = os.path.relpath(os.path.join(ERRORS, name), ROOT)
        src = open(os.path.join(ROOT, rel), "rb").read()
        ast.parse(src, rel)  # must parse: the error comes from the symtable or the compiler
        try:
            compile(src, rel, "exec", dont_inherit=True)
            raise SystemExit(f"{rel} compiles")
        except SyntaxError as e:
            err = {"msg": e.msg, "lineno": e.lineno, "offset": e.offset, "end_lineno": e.end_lineno,
                   "end_offset": e.end_offset, "text": e.text}
        dis = subprocess.run([sys.executable, "-m", "dis", rel], cwd=ROOT, capture_output=True, text=True)
        err["dis_stderr"] = dis.stderr
        err["dis_status"] = dis.returncode
        out[name[:-3]] = err
    with open(os.path.join(ERRORS, "errors.json"), "w") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=True)
        fh.write("\n")


MODES = [
    ("1 + 2", "eval"),
    ("x if y else [a for a in b]", "eval"),
    ("lambda: (yield)", "eval"),
    ("x = 1", "single"),
    ("x + 1", "single"),
    ("for i in r:\n    i\n\n", "single"),
    ("if x:\n    y\n", "single"),
    ("a: int = 5", "single"),
]


def mode_goldens():
    """tests/compiler/modes.json: compile(source, '<string>', mode) for eval and single modes."""
    out = []
    for src, mode in MODES:
        tree = ast.parse(src, "<string>", mode)
        co = compile(src, "<string>", mode, dont_inherit=True)
        out.append({"source": src, "mode": mode, "ast": astjson.enc(tree), "code": enc_code(co)})
    with open(os.path.join(ROOT, "tests", "compiler", "modes.json"), "w") as fh:
        json.dump(out, fh, indent=None, ensure_ascii=True)
        fh.write("\n")


def main():
    warnings.simplefilter("ignore")  # compile() here; the dis subprocess still reports them
    if sys.argv[1:] == ["--errors"]:
        return error_goldens()
    if sys.argv[1:] == ["--modes"]:
        return mode_goldens()
    names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(CORPUS) if f.endswith(".py"))
    if not sys.argv[1:]:
        error_goldens()
        mode_goldens()
    os.makedirs(GOLDENS, exist_ok=True)
    for name in names:
        path = os.path.join(CORPUS, name + ".py")
        rel = os.path.relpath(path, ROOT)
        with open(path, "rb") as fh:
            src = fh.read()
        tree = ast.parse(src, rel)
        co = compile(src, rel, "exec", dont_inherit=True)
        env = dict(os.environ, PYTHONHASHSEED="0")
        dis = subprocess.run([sys.executable, "-m", "dis", rel], cwd=ROOT, capture_output=True, text=True, env=env)
        # Code object addresses vary between runs; the tests strip them from pyvm's output too.
        dis_out = re.sub(r" at 0x[0-9a-f]+", "", dis.stdout)
        doc = {"ast": astjson.enc(tree), "code": enc_code(co), "dis": dis_out, "dis_stderr": dis.stderr,
               "dis_status": dis.returncode}
        with open(os.path.join(GOLDENS, name + ".json"), "w") as fh:
            json.dump(doc, fh, indent=None, ensure_ascii=True)
            fh.write("\n")


if __name__ == "__main__":
    main()
