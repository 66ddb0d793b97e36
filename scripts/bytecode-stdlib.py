"""Helper for scripts/bytecode-stdlib.mjs (one python3 process for the whole stdlib).
    python3 scripts/bytecode-stdlib.py dump OUTDIR   compile every stdlib .py file; write, per file i,
        i.marshal (marshal.dumps of the module code), i.dis (what `python3 -m dis` prints), i.pos
        (sha1 of every code object's co_positions(), co_lines() and co_lnotab), i.dis-loaded (dis of
        marshal.loads(i.marshal), only where it differs from i.dis), plus index.json
    python3 scripts/bytecode-stdlib.py verify OUTDIR  load each i.ours (pyvm's dumpMarshal output)
        with marshal.loads and compare it with python3's own code object; print a JSON summary
"""
import dis
import hashlib
import io
import json
import marshal
import os
import struct
import sys
import sysconfig
import types


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "dist-packages", "__pycache__"))
        for f in sorted(filenames):
            if f.endswith(".py"):
                out.append(os.path.join(dirpath, f))
    return out


def walk(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)


def positions_digest(co):
    h = hashlib.sha1()
    for c in walk(co):
        parts = []
        for p in c.co_positions():
            parts.append(",".join("" if x is None else str(x) for x in p))
        parts.append("|")
        for s, e, l in c.co_lines():
            parts.append(f"{s},{e},{'' if l is None else l}")
        parts.append("|" + c.co_lnotab.hex())
        h.update((";".join(parts) + "\n").encode())
    return h.hexdigest()


def dump(outdir):
    index = []
    for path in stdlib_files():
        try:
            with open(path, "rb") as f:
                src = f.read()
            co = compile(src, path, "exec")
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue  # deliberately broken test inputs (lib2to3 data, bad encodings)
        i = len(index)
        buf = io.StringIO()
        dis.dis(co, file=buf)
        with open(os.path.join(outdir, f"{i}.marshal"), "wb") as f:
            f.write(marshal.dumps(co))
        with open(os.path.join(outdir, f"{i}.dis"), "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(buf.getvalue())
        with open(os.path.join(outdir, f"{i}.pos"), "w") as f:
            f.write(positions_digest(co))
        # dis of the code as marshal.loads rebuilds it: frozensets then come from marshal's sorted
        # element order rather than source order, which changes their order when hashes collide.
        buf2 = io.StringIO()
        dis.dis(marshal.loads(marshal.dumps(co)), file=buf2)
        if buf2.getvalue() != buf.getvalue():
            with open(os.path.join(outdir, f"{i}.dis-loaded"), "w", encoding="utf-8", errors="surrogatepass") as f:
                f.write(buf2.getvalue())
        index.append(path)
    with open(os.path.join(outdir, "index.json"), "w") as f:
        json.dump(index, f)


def same_const(x, y):
    # NaN constants never compare equal, so floats compare by their bits.
    if type(x) is not type(y):
        return False
    if isinstance(x, float):
        return struct.pack("<d", x) == struct.pack("<d", y)
    if isinstance(x, complex):
        return same_const(x.real, y.real) and same_const(x.imag, y.imag)
    if isinstance(x, tuple):
        return len(x) == len(y) and all(same_const(a, b) for a, b in zip(x, y))
    if isinstance(x, types.CodeType):
        return same_code(x, y)
    return x == y


CODE_FIELDS = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_flags",
               "co_code", "co_names", "co_varnames", "co_cellvars", "co_freevars", "co_filename",
               "co_name", "co_qualname", "co_firstlineno", "co_linetable", "co_exceptiontable")


def same_code(a, b):
    return all(getattr(a, f) == getattr(b, f) for f in CODE_FIELDS) and same_const(a.co_consts, b.co_consts)


def verify(outdir):
    with open(os.path.join(outdir, "index.json")) as f:
        index = json.load(f)
    ok = 0
    failures = []
    for i, path in enumerate(index):
        ours = os.path.join(outdir, f"{i}.ours")
        if not os.path.exists(ours):
            continue
        with open(os.path.join(outdir, f"{i}.marshal"), "rb") as f:
            theirs = marshal.loads(f.read())
        try:
            with open(ours, "rb") as f:
                loaded = marshal.loads(f.read())
            if same_code(loaded, theirs):
                ok += 1
            else:
                failures.append(path)
        except Exception as e:  # report, do not stop
            failures.append(f"{path}: {type(e).__name__}: {e}")
    print(json.dumps({"ok": ok, "failures": failures}))


if __name__ == "__main__":
    {"dump": dump, "verify": verify}[sys.argv[1]](sys.argv[2])
