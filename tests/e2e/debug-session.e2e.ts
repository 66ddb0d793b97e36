// A real debugging session in VS Code: stop on a breakpoint in a sample program, step one
// instruction with our command, and see the value stack in the Variables view and the Frames view.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VsCodeWeb } from './harness';

let vscode: VsCodeWeb;
beforeAll(async () => {
  vscode = await VsCodeWeb.start('session', path.join(ROOT, 'sample-programs'));
});
afterAll(async () => { await vscode?.stop(); });

async function gotoLine(line: number): Promise<void> {
  await vscode.page.keyboard.press('Control+G');
  await vscode.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10000 });
  await vscode.page.keyboard.type(String(line));
  await vscode.page.keyboard.press('Enter');
}

describe('debugging recursion.py on pyvm', () => {
  it('stops at a breakpoint, steps one instruction and shows the value stack', async () => {
    const { page } = vscode;
    await vscode.openFile('recursion.py');
    await gotoLine(5);
    await page.keyboard.press('F9');
    await page.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: 10000 });
    await vscode.screenshot('breakpoint-set');

    await page.keyboard.press('F5');
    // Stopped: the call stack lists factorial frames and the editor marks the current line.
    await page.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 30000 });
    const callStack = page.locator('.debug-call-stack .monaco-list-row');
    await callStack.filter({ hasText: 'factorial' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('stopped-at-breakpoint');
    const stackText = (await callStack.allInnerTexts()).join('\n');
    expect(stackText).toContain('factorial');
    expect(stackText).toContain('<module>');

    // The Variables view has our scopes.
    const variables = page.locator('.debug-variables .monaco-list-row');
    await variables.filter({ hasText: 'Value stack' }).first().waitFor({ timeout: 10000 });
    const scopes = (await variables.allInnerTexts()).join('\n');
    expect(scopes).toContain('Locals');
    expect(scopes).toContain('Globals');
    expect(scopes).toContain('Frame');

    // Step one instruction from the source editor (Alt+F11 = pyvm: Step Into One Instruction).
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Alt+F11');
    await page.waitForTimeout(1500);
    // Expand the Value stack scope: after `LOAD_FAST n` it holds n's value.
    await variables.filter({ hasText: 'Value stack' }).first().click();
    await page.waitForTimeout(1000);
    await vscode.screenshot('value-stack');
    const afterStep = (await variables.allInnerTexts()).join('\n');
    expect(afterStep).toMatch(/\[0\]\s*=\s*5/);

    // The Frames view shows the frame chain with f_lasti and the value stack.
    await page.locator('.pane-header').filter({ hasText: 'pyvm Frames' }).first().click();
    const frameRows = page.locator('.pane').filter({ hasText: 'pyvm Frames' }).locator('.monaco-list-row');
    await frameRows.filter({ hasText: 'f_lasti' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('frames-view');
    const framesText = (await frameRows.allInnerTexts()).join('\n');
    expect(framesText).toContain('factorial');
    expect(framesText).toMatch(/f_lasti\s*20/);
    expect(framesText).toContain('LOAD_GLOBAL');

    // Step Over One Instruction (Alt+F10) from the editor: LOAD_GLOBAL pushes NULL and the function.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Alt+F10');
    await frameRows.filter({ hasText: /f_lasti\s*32/ }).first().waitFor({ timeout: 10000 });
    // Show Value Stack (Ctrl+Alt+K) reveals the top frame's value stack in the Frames view.
    await page.keyboard.press('Control+Alt+K');
    await frameRows.filter({ hasText: 'NULL' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('show-value-stack');
    // The Variables view shows the same three entries.
    await variables.filter({ hasText: '[2]' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('variables-value-stack');
    const inVariables = (await variables.allInnerTexts()).join('\n');
    expect(inVariables).toMatch(/\[1\]\s*=\s*NULL/);
    expect(inVariables).toMatch(/\[2\]\s*=\s*<function factorial at 0x[0-9a-f]+>/);
    const stackRows = (await frameRows.allInnerTexts()).join('\n');
    expect(stackRows).toMatch(/\[0\]\s*5/);
    expect(stackRows).toMatch(/\[1\]\s*NULL/);
    expect(stackRows).toMatch(/value stack\s*depth 3/);

    // Open Bytecode: the Disassembly view at the current instruction.
    await page.keyboard.press('Control+Alt+B');
    await page.locator('.disassembly-view').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(1500);
    await vscode.screenshot('disassembly');
    const disassembly = (await page.locator('.disassembly-view .monaco-list-row').allInnerTexts()).join('\n');
    expect(disassembly).toContain('LOAD_FAST');

    // The current instruction (the row with the stack-frame marker) is `LOAD_FAST n` at f_lasti 32;
    // stepping one instruction in the Disassembly view (F11 steps by instruction there) moves it to
    // `LOAD_CONST 1` at 34.
    const currentRow = page
      .locator('.disassembly-view .monaco-list-row')
      .filter({ has: page.locator('.codicon-debug-stackframe') });
    await currentRow.first().waitFor({ timeout: 10000 });
    expect(await currentRow.first().innerText()).toMatch(/0x[0-9a-f]*20\s[\s\S]*LOAD_FAST\s+0 \(n\)/);
    await page.locator('.disassembly-view .monaco-list-row').first().click();
    await page.keyboard.press('F11');
    await frameRows.filter({ hasText: /f_lasti\s*34/ }).first().waitFor({ timeout: 10000 });
    await currentRow.filter({ hasText: 'LOAD_CONST' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('disassembly-stepped');
    expect(await currentRow.first().innerText()).toMatch(/0x[0-9a-f]*22\s[\s\S]*LOAD_CONST\s+1 \(1\)/);

    // The debug console evaluates an expression in the stopped frame.
    await page.keyboard.press('Control+Shift+Y');
    const replInput = page.locator('.repl-input-wrapper .monaco-editor').first();
    await replInput.waitFor({ timeout: 10000 });
    await replInput.click();
    await page.keyboard.type('[n * 7, factorial(3)]');
    await page.keyboard.press('Enter');
    const replRows = page.locator('.repl .monaco-list-row');
    await replRows.filter({ hasText: '[35, 6]' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('debug-console');
  });
});
