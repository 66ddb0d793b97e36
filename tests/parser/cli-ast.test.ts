// `pyvm ast FILE` prints what python3's print(ast.dump(ast.parse(src, FILE), include_attributes=True))
// prints, and for a syntax error what `python3 FILE` prints; goldens from scripts/parser-goldens.py.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/ast';

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { stdout += String(s); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { stderr += String(s); return true; });
  try {
    const code = main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('pyvm ast', () => {
  it('dumps a file like python3', () => {
    const file = join(__dirname, 'corpus', 'misc.py');
    const r = run([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(__dirname, 'golden', 'corpus', 'misc.txt'), 'utf8'));
  });

  it('prints a syntax error like python3 FILE and exits 1', () => {
    const dir = join(__dirname, 'errors');
    const golden = JSON.parse(readFileSync(join(__dirname, 'golden', 'errors', 'expected_colon_if.json'), 'utf8')) as { stderr: string };
    const r = run([join(dir, 'expected_colon_if.py')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(golden.stderr.replace('File "expected_colon_if.py"', `File "${join(dir, 'expected_colon_if.py')}"`));
  });

  it('reports a missing file as `python3 FILE` does (absolute path, exit status 2), naming pyvm', () => {
    const r = run(['/nonexistent/missing.py']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pyvm: can't open file '/nonexistent/missing.py': [Errno 2] No such file or directory\n");
  });
});
