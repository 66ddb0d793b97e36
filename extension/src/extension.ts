// The pyvm VS Code extension: the `pyvm` debugger, its commands and the Frames view.
//
// The adapter runs in-process (DebugAdapterInlineImplementation), not as a child process: the
// program already runs in its own worker thread (its own V8 isolate and heap, terminated on
// disconnect), which gives the isolation a child process would; inline avoids locating a Node
// binary (the extension host may be Electron, needing ELECTRON_RUN_AS_NODE) and spawn latency,
// and the adapter and the Frames view share one session object.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PyvmDebugSession, FRAMES_REQUEST } from '../../src/dap/session';
import type { FrameSnapshot } from '../../src/debugger/types';
import { FramesView } from './frames-view';

const DEBUG_TYPE = 'pyvm';
const THREAD_ID = 1;

export function activate(context: vscode.ExtensionContext): void {
  const workerPath = path.join(__dirname, 'dap-worker.js');
  const frames = new FramesView();
  const treeView = vscode.window.createTreeView('pyvm.frames', { treeDataProvider: frames, showCollapseAll: true });

  const refresh = async (session: vscode.DebugSession | undefined): Promise<void> => {
    if (!session || session.type !== DEBUG_TYPE) return;
    try {
      const body = await session.customRequest(FRAMES_REQUEST) as { frames: FrameSnapshot[] };
      frames.update(body.frames);
    } catch {
      frames.update([]);
    }
  };

  context.subscriptions.push(
    treeView,
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, {
      createDebugAdapterDescriptor: () => new vscode.DebugAdapterInlineImplementation(new PyvmDebugSession({ workerPath })),
    }),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new PyvmConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, {
      provideDebugConfigurations: () => [currentFileConfiguration()],
    }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    // Refresh the Frames view on each stop; clear it when the program runs or ends.
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
      createDebugAdapterTracker: (session) => ({
        onDidSendMessage: (message: { type?: string; event?: string }) => {
          if (message.type !== 'event') return;
          if (message.event === 'stopped') void refresh(session);
          else if (message.event === 'continued' || message.event === 'terminated') frames.update([]);
        },
      }),
    }),
    vscode.debug.onDidTerminateDebugSession(() => frames.update([])),
    vscode.commands.registerCommand('pyvm.debugFile', async (resource?: vscode.Uri) => {
      const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showErrorMessage('pyvm: open a Python file to debug.');
        return;
      }
      await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(uri), {
        ...currentFileConfiguration(), program: uri.fsPath,
      });
    }),
    vscode.commands.registerCommand('pyvm.stepIntoInstruction', () => stepInstruction('stepIn')),
    vscode.commands.registerCommand('pyvm.stepOverInstruction', () => stepInstruction('next')),
    vscode.commands.registerCommand('pyvm.openBytecode', () =>
      vscode.commands.executeCommand('debug.action.openDisassemblyView')),
    vscode.commands.registerCommand('pyvm.showValueStack', async () => {
      await refresh(vscode.debug.activeDebugSession);
      const node = frames.topValueStack();
      if (node) await treeView.reveal(node, { expand: true, focus: true, select: true });
      else await vscode.commands.executeCommand('pyvm.frames.focus');
    }),
    vscode.commands.registerCommand('pyvm.refreshFrames', () => refresh(vscode.debug.activeDebugSession)),
  );
}

export function deactivate(): void {}

function currentFileConfiguration(): vscode.DebugConfiguration {
  return {
    type: DEBUG_TYPE, request: 'launch', name: 'pyvm: Current File', program: '${file}', console: 'internalConsole',
  };
}

/** Issues one instruction step from wherever the user is (source editor or Disassembly view). */
async function stepInstruction(command: 'stepIn' | 'next'): Promise<void> {
  const session = vscode.debug.activeDebugSession;
  if (!session || session.type !== DEBUG_TYPE) {
    void vscode.window.showWarningMessage('pyvm: no pyvm debug session is active.');
    return;
  }
  try {
    await session.customRequest(command, { threadId: THREAD_ID, granularity: 'instruction' });
  } catch (err) {
    void vscode.window.showErrorMessage(`pyvm: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** F5 on a .py file with no launch.json: debug that file. */
class PyvmConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration,
  ): vscode.ProviderResult<vscode.DebugConfiguration> {
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== 'python') {
        void vscode.window.showErrorMessage('pyvm: open a Python file to debug it.');
        return undefined;
      }
      return currentFileConfiguration();
    }
    if (config.program === undefined && config.module === undefined) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId === 'python') config.program = editor.document.uri.fsPath;
      else {
        void vscode.window.showErrorMessage("pyvm: the launch configuration needs 'program' or 'module'.");
        return undefined;
      }
    }
    config.console ??= 'internalConsole';
    return config;
  }
}
