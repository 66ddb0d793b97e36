"""Regenerates the parser's golden files from python3 3.11 itself.

tests/parser/corpus/NAME.py  -> tests/parser/golden/corpus/NAME.txt
    print(ast.dump(ast.parse(source, NAME.py), include_attributes=True))
tests/parser/errors/NAME.py  -> tests/parser/golden/errors/NAME.json
    the SyntaxError's class, msg, lineno, offset, end_lineno, end_offset, text, and the exact
    stderr of `python3 NAME.py` (run in tests/parser/errors).
Run: python3 scripts/parser-goldens.py
"""
import ast
import json
import os
import subprocess
import sys

assert sys.version_info[:2] == (3, 11), "generate with python3 3.11"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'parser')

def corpus():
    src_dir = os.path.join(ROOT, 'corpus')
    out_dir = os.path.join(ROOT, 'golden', 'corpus')
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(src_dir, name), encoding='utf-8') as f:
            source = f.read()
        dump = ast.dump(ast.parse(source, name), include_attributes=True)
        with open(os.path.join(out_dir, name[:-3] + '.txt'), 'w', encoding='utf-8') as f:
            f.write(dump + '\n')

def errors():
    src_dir = os.path.join(ROOT, 'errors')
    out_dir = os.path.join(ROOT, 'golden', 'errors')
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(src_dir, name), 'rb') as f:
            data = f.read()
        try:
            ast.parse(data.decode('utf-8'), name)
        except SyntaxError as e:
            info = {
                'kind': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text,
            }
        else:
            raise SystemExit(f'{name}: python3 accepts it; an error case must fail')
        run = subprocess.run([sys.executable, name], cwd=src_dir, capture_output=True)
        # python3 shows the script's absolute path; keep the goldens independent of the checkout.
        info['stderr'] = run.stderr.decode('utf-8').replace(os.path.abspath(src_dir) + os.sep, '')
        with open(os.path.join(out_dir, name[:-3] + '.json'), 'w', encoding='utf-8') as f:
            json.dump(info, f, indent=1, ensure_ascii=False)
            f.write('\n')

corpus()
errors()
