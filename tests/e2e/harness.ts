// A real VS Code for end-to-end tests: code-server on 127.0.0.1 with a fresh user-data and
// extensions folder, the built .vsix installed, driven by playwright-core in Debian's Chromium.
// code-server and playwright-core live outside the repo (see /work/shared/tools/vscode-web/README.md);
// VSCODE_WEB_DIR overrides where, VSCODE_WEB_SETUP names the setup script to run if they are missing.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const VSIX = path.join(ROOT, 'dist/pyvm-debug.vsix');
export const ARTIFACTS = path.join(__dirname, 'artifacts');

/** The parts of playwright-core's API we use (it is not a dependency of the repo, so no types). */
export interface Locator {
  click(options?: { timeout?: number; button?: 'left' | 'right'; force?: boolean }): Promise<void>;
  dblclick(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'visible' | 'attached' | 'hidden' | 'detached'; timeout?: number }): Promise<void>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  count(): Promise<number>;
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  locator(selector: string): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
  isVisible(): Promise<boolean>;
}
export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  mouse: { click(x: number, y: number): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  evaluate<T>(fn: () => T): Promise<T>;
}
interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

function vscodeWebDir(): string {
  const dir = process.env.VSCODE_WEB_DIR ?? path.join(os.homedir(), '.cache/vscode-web');
  const ready = fs.existsSync(path.join(dir, 'node_modules/.bin/code-server'))
    && fs.existsSync(path.join(dir, 'node_modules/playwright-core'));
  if (!ready) {
    const setup = process.env.VSCODE_WEB_SETUP ?? '/work/shared/tools/vscode-web/setup.sh';
    if (!fs.existsSync(setup)) {
      throw new Error(`code-server and playwright-core are not in ${dir}; run the vscode-web setup.sh (or set VSCODE_WEB_DIR)`);
    }
    execFileSync('bash', [setup, dir], { stdio: 'inherit' });
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export class VsCodeWeb {
  page!: Page;
  private server?: ChildProcess;
  private browser?: Browser;
  private serverLog = '';
  private shots = 0;

  private constructor(readonly workspace: string, private readonly name: string) {}

  /**
   * Copies `sampleDir` into a fresh workspace (minus `omit`, plus `files`), starts VS Code on it
   * with the .vsix installed.
   */
  static async start(name: string, sampleDir: string, omit: string[] = [], files: Record<string, string> = {}): Promise<VsCodeWeb> {
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
    const dir = vscodeWebDir();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pyvm-e2e-${name}-`));
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(sampleDir, workspace, { recursive: true });
    for (const entry of omit) fs.rmSync(path.join(workspace, entry), { recursive: true, force: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, file), text);
    const data = path.join(tmp, 'data');
    const exts = path.join(tmp, 'extensions');
    fs.mkdirSync(path.join(data, 'User'), { recursive: true });
    fs.writeFileSync(path.join(data, 'User/settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.ignoreRecommendations': true,
      'workbench.enableExperiments': false,
      'window.commandCenter': false,
      // The DOM renderer, so that the terminal's text can be read from the page.
      'terminal.integrated.gpuAcceleration': 'off',
    }, null, 2));
    const codeServer = path.join(dir, 'node_modules/.bin/code-server');
    const common = ['--auth', 'none', '--user-data-dir', data, '--extensions-dir', exts, '--disable-telemetry', '--disable-update-check'];
    execFileSync(codeServer, [...common, '--install-extension', VSIX], { stdio: 'pipe' });

    const vscode = new VsCodeWeb(workspace, name);
    const port = await freePort();
    vscode.server = spawn(codeServer, [...common, '--bind-addr', `127.0.0.1:${port}`, workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
    vscode.server.stdout!.on('data', (c: Buffer) => { vscode.serverLog += c.toString(); });
    vscode.server.stderr!.on('data', (c: Buffer) => { vscode.serverLog += c.toString(); });
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000);

    const require = createRequire(path.join(dir, 'package.json'));
    const { chromium } = require('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };
    vscode.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    vscode.page = await vscode.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await vscode.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60000 });
    await vscode.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    // Let the workbench finish restoring before typing into it.
    await vscode.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60000 });
    return vscode;
  }

  /** Saves a screenshot under tests/e2e/artifacts/ and returns its path. */
  async screenshot(label: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${this.name}-${String(++this.shots).padStart(2, '0')}-${label}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Runs a command from the command palette by its title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10000 });
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file with Quick Open and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10000 });
    await this.page.keyboard.type(name);
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first().waitFor({ timeout: 10000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab').filter({ hasText: name }).first().waitFor({ timeout: 10000 });
    await this.page.locator('.monaco-editor .view-lines').first().click();
  }

  /** Text of the notifications currently shown (toasts and the notification center). */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  /** The Debug Console's text. */
  async debugConsole(): Promise<string> {
    return (await this.page.locator('.repl .monaco-list-rows').allInnerTexts()).join('\n');
  }

  log(): string {
    return this.serverLog;
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    if (this.server && this.server.exitCode === null) {
      const exited = new Promise((r) => this.server!.once('exit', r));
      this.server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  }
}
