"""Regenerates the bytecode-layer goldens from python3 3.11 (run from the repo root):
    python3 scripts/bytecode-goldens.py
It first rewrites the generated corpus files (extended_args.py, positions.py, big.py).
For each tests/bytecode/corpus/NAME.py it writes, under tests/bytecode/golden/:
  NAME.marshal   marshal.dumps(compile(src, path, 'exec'))
  NAME.dis.txt   the output of `python3 -m dis path`
  NAME.dis-caches.txt  dis.dis(code, show_caches=True)
  NAME.json      per code object (depth-first, as dis walks co_consts): its fields, co_positions(),
                 co_lines(), co_lnotab, decoded exception table (code units, end exclusive),
                 dis.code_info() and the dis.get_instructions() view
and once, stack-effects.json (dis.stack_effect for every opcode and a range of arguments) and
hash-samples.bin (marshalled hash() values and frozenset iteration orders, PYTHONHASHSEED=0), and
functions.{timestamp,hash}.pyc written by py_compile.
"""
import dis
import glob
import io
import json
import marshal
import opcode
import os
import subprocess
import sys
import types

assert sys.version_info[:2] == (3, 11), "generate with python3 3.11"
# Frozenset constants print in hash order, and str hashes are only reproducible without
# randomisation: run (and let `python3 -m dis` run) with PYTHONHASHSEED=0.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})

CORPUS = "tests/bytecode/corpus"
OUT = "tests/bytecode/golden"


def const_repr(c):
    # Code object reprs carry addresses; tests normalise `at 0x...` on both sides.
    return repr(c)


def code_json(co):
    entries = dis._parse_exception_table(co)
    return {
        "co_name": co.co_name,
        "co_qualname": co.co_qualname,
        "co_filename": co.co_filename,
        "co_firstlineno": co.co_firstlineno,
        "co_argcount": co.co_argcount,
        "co_posonlyargcount": co.co_posonlyargcount,
        "co_kwonlyargcount": co.co_kwonlyargcount,
        "co_stacksize": co.co_stacksize,
        "co_flags": co.co_flags,
        "co_nlocals": co.co_nlocals,
        "co_code": co.co_code.hex(),
        "co_consts": [const_repr(c) for c in co.co_consts],
        "co_names": list(co.co_names),
        "co_varnames": list(co.co_varnames),
        "co_cellvars": list(co.co_cellvars),
        "co_freevars": list(co.co_freevars),
        "co_linetable": co.co_linetable.hex(),
        "co_exceptiontable": co.co_exceptiontable.hex(),
        "co_positions": [list(p) for p in co.co_positions()],
        "co_lines": [list(l) for l in co.co_lines()],
        "co_lnotab": co.co_lnotab.hex(),
        "code_info": dis.code_info(co),
        "exception_table": [
            {"start": e.start // 2, "end": e.end // 2, "target": e.target // 2, "depth": e.depth, "lasti": e.lasti}
            for e in entries
        ],
        "instructions": [
            [i.offset, i.opname, i.arg, i.argval if i.opcode in dis.hasjrel else None, i.argrepr,
             i.starts_line, i.is_jump_target]
            for i in dis.get_instructions(co)
        ],
    }


def walk(co, out):
    out.append(code_json(co))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)


def stack_effects():
    args = list(range(0, 20)) + [31, 255, 256, 257, 511, 1000, 65535, 65536, 2**24 - 1]
    rows = []
    for op in range(256):
        if op < opcode.HAVE_ARGUMENT:
            row = {"op": op, "noarg": {}}
            for j in (None, True, False):
                try:
                    row["noarg"][str(j)] = dis.stack_effect(op, jump=j)
                except ValueError:
                    row["noarg"][str(j)] = None
        else:
            row = {"op": op, "args": {}}
            for a in args:
                vals = []
                for j in (None, True, False):
                    try:
                        vals.append(dis.stack_effect(op, a, jump=j))
                    except ValueError:
                        vals.append(None)
                row["args"][str(a)] = vals
        rows.append(row)
    return rows


def hash_samples():
    """(value, str(hash(value))) pairs, and (source-order items, iteration order) for frozensets."""
    values = ["", "a", "hello world!", "\u00e9", "\u3042", "\U0001f600", "x" * 100, b"", b"abc",
              0, 1, -1, -2, 2**61 - 1, 2**61, -(2**64), 2**200, True, False, 1.5, -2.25, 0.1, 1e300,
              1e-300, -0.0, float("inf"), float("-inf"), 1j, complex(1.5, -2), (), (1, 2), ("a", (b"b", 2.5))]
    hashes = tuple((v, str(hash(v))) for v in values)
    sets = [("link", "attlist", "element", "linktype"), tuple("abcdefghijklmnopqrstuvwxyz"),
            tuple(range(0, 200, 7)), ("one", "two", "three", 4), tuple(f"name{i}" for i in range(40)),
            (1.5, 2, "x", (1, "y"), b"z", 2**100), (1, 1.0, True, 2, "a", "a", (1, 2), (1.0, 2), 2 + 0j),
            (None, 0, "abc", "functools"), (0, None), (None, ..., 1, 2, 3, "x", "y"), tuple(range(14)) + (None,)]
    orders = tuple((items, tuple(frozenset(items))) for items in sets)
    return (hashes, orders, compiled_frozensets())


def compiled_frozensets():
    """(source items, order in the compiled code, builds) for `x in {...}`: sets whose order
    depends on how often CPython rebuilds them (hash collisions). builds is 2 when interning
    replaces no string (fresh names, non-name strings, numbers) and 3 when the set holds a
    string equal to an identifier of the same source, which the parser interned first."""
    def build(items):
        return tuple(frozenset(items))

    def compiled(items, prefix=""):
        co = compile(prefix + "x in {" + ", ".join(map(repr, items)) + "}", "s", "exec")
        return next(c for c in co.co_consts if isinstance(c, frozenset))

    out = []
    n = 0
    for size in (3, 4, 5, 8, 12, 20):
        kinds = 0
        for trial in range(400):
            if kinds == 3:
                break
            # Fresh name-like strings (never interned before), strings with spaces, ints.
            tag = f"q{size}x{trial}"
            choices = [
                [f"{tag}_{i}" for i in range(size)],
                [f"{tag} {i}" for i in range(size)],
                [trial * 1000 + i * 37 for i in range(size)],
            ]
            items = choices[trial % 3]
            b1 = build(items)
            b2 = build(b1)
            if b1 == b2:
                continue  # no collision: any build count gives the same order
            out.append((tuple(items), tuple(compiled(items)), 2))
            kinds += 1
    # A string that is also an identifier of the module is interned by the parser first, so
    # the code object's interning replaces the constant and rebuilds the set once more.
    items = ("link", "attlist", "element", "linktype")
    out.append((items, tuple(compiled(items, "link = attlist = 1\n")), 3))
    return tuple(out)


def write_generated_corpus():
    """The corpus files too long to write by hand: EXTENDED_ARG (>256 locals, names and consts,
    long jumps), long-form line-table entries, and a 1000+ line file whose code passes offset 10000."""
    lines = ["def many_locals():"]
    lines += [f"    v{i} = {i}" for i in range(300)]
    lines += ["    return v299 + v0", ""]
    lines += [f"name{i} = {i * 1000 + 7}" for i in range(300)]
    lines += ["def long_jump(x):", "    if x:"]
    lines += [f"        x = x + {i} * x - name{i}" for i in range(200)]
    lines += ["    while x:"]
    lines += [f"        x = x - {i}" for i in range(200)]
    lines += ["    return x"]
    files = {"extended_args.py": lines}
    files["positions.py"] = ["x = 1", "", "", "", "", "", "y = (1 +", "     2)", "z = " + " + ".join(["x"] * 60),
                             "def f():", "    return (", "        x", "        +", "        y)"] + [""] * 300 + ["w = 3"]
    files["big.py"] = ["def big(a):"] + [f"    a = a + {i}" for i in range(1050)] + ["    return a", "", "x = big(1)"]
    for name, body in files.items():
        with open(os.path.join(CORPUS, name), "w") as f:
            f.write("\n".join(body) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write_generated_corpus()
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as f:
            src = f.read()
        co = compile(src, path, "exec")
        with open(os.path.join(OUT, name + ".marshal"), "wb") as f:
            f.write(marshal.dumps(co))
        dis_out = subprocess.run([sys.executable, "-m", "dis", path], check=True, capture_output=True,
                                 env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
        with open(os.path.join(OUT, name + ".dis.txt"), "wb") as f:
            f.write(dis_out)
        buf = io.StringIO()
        dis.dis(co, file=buf, show_caches=True)
        with open(os.path.join(OUT, name + ".dis-caches.txt"), "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
        codes = []
        walk(co, codes)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(codes, f, indent=None, separators=(",", ":"))
    # .pyc files as py_compile writes them: timestamp-based and checked-hash-based (PEP 552).
    import py_compile
    src = os.path.join(CORPUS, "functions.py")
    py_compile.compile(src, cfile=os.path.join(OUT, "functions.timestamp.pyc"), dfile=src, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    py_compile.compile(src, cfile=os.path.join(OUT, "functions.hash.pyc"), dfile=src, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    with open(os.path.join(OUT, "hash-samples.bin"), "wb") as f:
        f.write(marshal.dumps(hash_samples()))
    with open(os.path.join(OUT, "stack-effects.json"), "w") as f:
        json.dump(stack_effects(), f, separators=(",", ":"))


if __name__ == "__main__":
    main()
