#!/usr/bin/env python3
"""Regenerates tests/dap/golden/ from python3 3.11 for every sample program:
  NAME.marshal     marshal.dumps(compile(source, 'sample-programs/NAME.py', 'exec'))
  NAME.run.json    what `python3 /abs/path/NAME.py < /dev/null` prints and returns: stdout, stderr, status
                   (for sample programs and tests/dap/fixtures/*.py except spin.py, which never
                   ends); the repository root in the output is written <ROOT>
  NAME.json        per code object (depth-first, co_consts order): qualname, the lines that hold
                   instructions (co_lines), and each instruction's offset, line and the text dis
                   prints for it after the offset column (opname, arg, argrepr)
Run from the repository root: python3 tests/dap/gen-goldens.py
"""
import dis, glob, json, marshal, os, re, subprocess, sys, types

assert sys.version_info[:2] == (3, 11), 'goldens must come from CPython 3.11'
OUT = os.path.join(os.path.dirname(__file__), 'golden')
os.makedirs(OUT, exist_ok=True)


def text(ins):
    """dis's text for one instruction; code object addresses are written `at 0x?`."""
    fields = [ins.opname.ljust(dis._OPNAME_WIDTH)]
    if ins.arg is not None:
        fields.append(repr(ins.arg).rjust(dis._OPARG_WIDTH))
        if ins.argrepr:
            fields.append('(' + ins.argrepr + ')')
    return re.sub(r' at 0x[0-9a-f]+', ' at 0x?', ' '.join(fields).rstrip())


def describe(code, out):
    line_of = {}
    for start, end, line in code.co_lines():
        for off in range(start, end, 2):
            line_of[off] = line
    out.append({
        'qualname': code.co_qualname,
        'lines': sorted({line for s, e, line in code.co_lines() if line is not None and e > s}),
        'instructions': [
            {'offset': i.offset, 'line': line_of.get(i.offset), 'text': text(i)}
            for i in dis.get_instructions(code)
        ],
    })
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            describe(c, out)


for path in sorted(glob.glob('sample-programs/*.py')):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding='utf-8') as f:
        code = compile(f.read(), path, 'exec')
    with open(os.path.join(OUT, name + '.marshal'), 'wb') as f:
        f.write(marshal.dumps(code))
    codes = []
    describe(code, codes)
    with open(os.path.join(OUT, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(codes, f, indent=1)
        f.write('\n')
    print('wrote', name)


ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
runnable = sorted(glob.glob(os.path.join(ROOT, 'sample-programs', '*.py')))
runnable += sorted(p for p in glob.glob(os.path.join(ROOT, 'tests', 'dap', 'fixtures', '*.py'))
                   if not p.endswith('spin.py'))
for path in runnable:
    name = os.path.splitext(os.path.basename(path))[0]
    r = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL,
                       env={**os.environ, 'PYTHONHASHSEED': '0'})
    result = {k: v.replace(ROOT, '<ROOT>') if isinstance(v, str) else v
              for k, v in (('stdout', r.stdout), ('stderr', r.stderr), ('status', r.returncode))}
    with open(os.path.join(OUT, name + '.run.json'), 'w', encoding='utf-8') as f:
        json.dump(result, f, indent=1)
        f.write('\n')
    print('ran', name)
