#!/usr/bin/env python3
"""Regenerates tests/dap/golden/ from python3 3.11 for every sample program:
  NAME.marshal     marshal.dumps(compile(source, 'sample-programs/NAME.py', 'exec'))
  NAME.json        per code object (depth-first, co_consts order): qualname, the lines that hold
                   instructions (co_lines), and each instruction's offset, line and the text dis
                   prints for it after the offset column (opname, arg, argrepr)
Run from the repository root: python3 tests/dap/gen-goldens.py
"""
import dis, glob, json, marshal, os, sys, types

assert sys.version_info[:2] == (3, 11), 'goldens must come from CPython 3.11'
OUT = os.path.join(os.path.dirname(__file__), 'golden')
os.makedirs(OUT, exist_ok=True)


def text(ins):
    fields = [ins.opname.ljust(dis._OPNAME_WIDTH)]
    if ins.arg is not None:
        fields.append(repr(ins.arg).rjust(dis._OPARG_WIDTH))
        if ins.argrepr:
            fields.append('(' + ins.argrepr + ')')
    return ' '.join(fields).rstrip()


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
