// The extension in a real VS Code: the .vsix installs, the extension activates, F5 on a .py file
// with no launch.json starts a `pyvm` session through our configuration provider and runs it.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VsCodeWeb } from './harness';

let vscode: VsCodeWeb;
beforeAll(async () => {
  vscode = await VsCodeWeb.start('f5', path.join(ROOT, 'sample-programs'), ['.vscode']);
});
afterAll(async () => { await vscode?.stop(); });

describe('the pyvm extension in VS Code', () => {
  it('contributes its commands', async () => {
    await vscode.openFile('recursion.py');
    await vscode.screenshot('opened');
    await vscode.page.keyboard.press('F1');
    await vscode.page.keyboard.type('pyvm: ');
    const rows = vscode.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Debug Python File with pyvm' }).first().waitFor({ timeout: 10000 });
    const titles = (await rows.allInnerTexts()).join('\n');
    await vscode.screenshot('palette');
    await vscode.page.keyboard.press('Escape');
    expect(titles).toContain('Debug Python File with pyvm');
  });

  it('F5 on a .py file with no launch.json starts the pyvm debugger', async () => {
    await vscode.openFile('recursion.py');
    await vscode.page.keyboard.press('F5');
    await vscode.page.waitForTimeout(1500);
    await vscode.screenshot('after-f5');
    // If VS Code asks which debugger to use, ours is offered.
    const picker = vscode.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Python (pyvm)' });
    if (await picker.count() > 0) {
      await picker.first().click();
    }
    // The program runs to its end on pyvm; its output reaches the Debug Console.
    const console = vscode.page.locator('.repl');
    await console.first().waitFor({ timeout: 15000 });
    await vscode.page.getByText('factorial(5) = 120').first().waitFor({ timeout: 15000 });
    await vscode.screenshot('session');
    const text = await vscode.debugConsole();
    expect(text).toContain('factorial(5) = 120');
    expect(text).toContain('fib(10) = 55');
  });
});
