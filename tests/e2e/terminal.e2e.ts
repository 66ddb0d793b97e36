// console: "integratedTerminal" in a real VS Code: the program runs in VS Code's terminal, input()
// reads what the user types there, and breakpoints still stop it.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VsCodeWeb } from './harness';

let vscode: VsCodeWeb;
beforeAll(async () => {
  const launch = {
    version: '0.2.0',
    configurations: [{
      type: 'pyvm', request: 'launch', name: 'ask_name in the terminal',
      program: '${workspaceFolder}/ask_name.py', console: 'integratedTerminal',
    }],
  };
  vscode = await VsCodeWeb.start('terminal', path.join(ROOT, 'sample-programs'), [], {
    '.vscode/launch.json': JSON.stringify(launch, null, 2),
  });
});
afterAll(async () => { await vscode?.stop(); });

describe('a program in the integrated terminal', () => {
  it('reads input typed in the terminal and stops at a breakpoint after it', async () => {
    const { page } = vscode;
    await vscode.openFile('ask_name.py');
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.keyboard.press('F5');
    // The session is running: show the Terminal panel, where the program waits for input.
    await page.locator('.call-stack-state-message, .debug-call-stack .state').filter({ hasText: 'Running' }).first().waitFor({ timeout: 30000 });
    await page.locator('.panel .composite-bar .action-label').filter({ hasText: /^Terminal$/i }).first().click();
    const terminal = page.locator('.terminal-wrapper .xterm').last();
    await terminal.waitFor({ timeout: 30000 });
    await page.locator('.xterm-rows').filter({ hasText: 'What is your name?' }).last().waitFor({ timeout: 30000 });
    await vscode.screenshot('prompt');
    await terminal.click();
    await page.keyboard.type('pyvm');
    await page.keyboard.press('Enter');
    await page.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 30000 });
    const variables = page.locator('.debug-variables .monaco-list-row');
    await variables.filter({ hasText: 'name' }).first().waitFor({ timeout: 10000 });
    await vscode.screenshot('stopped');
    expect((await variables.allInnerTexts()).join('\n')).toMatch(/name\s*=\s*'pyvm'/);
    await page.keyboard.press('F5');
    await page.locator('.xterm-rows').filter({ hasText: 'Hello, pyvm!' }).last().waitFor({ timeout: 30000 });
    await vscode.screenshot('finished');
  });
});
