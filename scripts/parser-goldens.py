"""Regenerates the parser's golden files from python3 3.11 itself.

tests/parser/corpus/NAME.py  -> tests/parser/golden/corpus/NAME.txt
    print(ast.dump(ast.parse(source, NAME.py), include_attributes=True))
tests/parser/modes/cases.json -> tests/parser/golden/modes.json (ast.parse with mode=eval/single/...)
tests/parser/errors/NAME.py  -> tests/parser/golden/errors/NAME.json
    the SyntaxError's class, msg, lineno, offset, end_lineno, end_offset, text, and the exact
    stderr of `python3 NAME.py` (run in tests/parser/errors).
Run: python3 scripts/parser-goldens.py
"""
import ast
import hashlib
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

def modes():
    # tests/parser/modes/cases.json: [mode, source] pairs -> golden/modes.json with the dump or the error.
    with open(os.path.join(ROOT, 'modes', 'cases.json'), encoding='utf-8') as f:
        cases = json.load(f)
    out = []
    for mode, source in cases:
        try:
            out.append({'mode': mode, 'source': source, 'dump': ast.dump(ast.parse(source, 'm.py', mode=mode), include_attributes=True)})
        except SyntaxError as e:
            out.append({'mode': mode, 'source': source, 'error': [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]})
    with open(os.path.join(ROOT, 'golden', 'modes.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write('\n')

def encodings():
    # tests/parser/encodings/NAME.py (raw bytes) -> golden/encodings/NAME.txt: the ast.dump of
    # ast.parse(bytes) when it compiles, else exactly what `python3 NAME.py` prints on stderr.
    src_dir = os.path.join(ROOT, 'encodings')
    out_dir = os.path.join(ROOT, 'golden', 'encodings')
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(src_dir, name), 'rb') as f:
            data = f.read()
        try:
            text = 'ok\n' + ast.dump(ast.parse(data, name), include_attributes=True) + '\n'
        except (SyntaxError, ValueError):
            run = subprocess.run([sys.executable, name], cwd=src_dir, capture_output=True)
            text = 'error\n' + run.stderr.decode('utf-8').replace(os.path.abspath(src_dir) + os.sep, '')
        with open(os.path.join(out_dir, name[:-3] + '.txt'), 'w', encoding='utf-8') as f:
            f.write(text)

def fuzz():
    # Differential cases: random token soup (fixed seed) with python3's verdict for each — the
    # ast.dump or the SyntaxError's class, msg and location -> golden/fuzz.json.
    import random
    import warnings
    rng = random.Random(311)
    soup = ['(', ')', '[', ']', '{', '}', ':', ',', 'x', 'y', '1', '2.5', ' ', ' ', '\n', '    ', 'if ', 'def ', 'lambda ',
            '=', '*', '**', '"s"', "f'{x}'", 'for ', ' in ', 'not ', 'and ', 'is ', '+', '-', '.', '@', 'yield ', 'await ',
            ';', 'else', ':=', '->', 'return ', 'class ', 'import ', 'from ', 'as ', 'with ', 'try', 'except', 'del ', 'pass',
            'None', 'True', '...', '<', '==', '|', '~', 'match ', 'case ', '_', "f'{x!r:>{y}}'", '\t', '#c\n', '\\\n']
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for _ in range(2500):
            source = ''.join(rng.choice(soup) for _ in range(rng.randint(1, 14)))
            try:
                out.append({'source': source, 'dump': ast.dump(ast.parse(source, 'f.py'), include_attributes=True)})
            except SyntaxError as e:
                out.append({'source': source, 'error': [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]})
    with open(os.path.join(ROOT, 'golden', 'fuzz.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=0, ensure_ascii=False)
        f.write('\n')

def mutations():
    # Realistic syntax errors: each corpus file with one random edit (delete 1-3 characters, or
    # insert a token) -> golden/mutations.json with the edit (positions in code points) and python3's
    # verdict: the SyntaxError, or the sha256 of the dump. The test rebuilds the source.
    import random
    import warnings
    rng = random.Random(2026)
    inserts = ['(', ')', '[', ']', '{', '}', ':', ',', '=', ' ', '\n', '    ', '"', "'", '.', '*', 'x', '1', '\\',
               '#', 'if ', 'else', 'for ', 'in ', 'not ', 'lambda', 'def ', 'f"{', '@', ';', '\t', 'c ', '**']
    src_dir = os.path.join(ROOT, 'corpus')
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name in sorted(os.listdir(src_dir)):
            if not name.endswith('.py'):
                continue
            with open(os.path.join(src_dir, name), encoding='utf-8') as f:
                text = f.read()
            for _ in range(150):
                pos = rng.randrange(len(text))
                if rng.random() < 0.5:
                    edit = {'file': name, 'pos': pos, 'delete': rng.randint(1, 3), 'insert': ''}
                else:
                    edit = {'file': name, 'pos': pos, 'delete': 0, 'insert': rng.choice(inserts)}
                source = text[:pos] + edit['insert'] + text[pos + edit['delete']:]
                try:
                    dump = ast.dump(ast.parse(source, 'm.py'), include_attributes=True)
                    edit['dump_sha256'] = hashlib.sha256(dump.encode('utf-8', 'surrogatepass')).hexdigest()
                except SyntaxError as e:
                    edit['error'] = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
                out.append(edit)
    with open(os.path.join(ROOT, 'golden', 'mutations.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=0, ensure_ascii=False)
        f.write('\n')

corpus()
errors()
modes()
encodings()
fuzz()
mutations()
