// The "pyvm Frames" tree: the frame chain of the stopped program, newest first; per frame the
// current instruction, f_lasti, f_lineno, its locals and its value stack (bottom first).
import * as vscode from 'vscode';
import type { FrameSnapshot } from '../../src/debugger/types';

export interface FrameNode {
  label: string;
  description?: string;
  tooltip?: string;
  children?: FrameNode[];
  parent?: FrameNode;
  expanded?: boolean;
  id: string;
}

export class FramesView implements vscode.TreeDataProvider<FrameNode> {
  private roots: FrameNode[] = [];
  private readonly changed = new vscode.EventEmitter<FrameNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  update(frames: FrameSnapshot[]): void {
    this.roots = frames.map((frame, i) => frameNode(frame, i));
    this.changed.fire(undefined);
  }

  /** The value-stack node of the newest frame, for "Show Value Stack". */
  topValueStack(): FrameNode | undefined {
    return this.roots[0]?.children?.find((c) => c.label === 'value stack');
  }

  getTreeItem(node: FrameNode): vscode.TreeItem {
    const state = node.children === undefined
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    return item;
  }

  getChildren(node?: FrameNode): FrameNode[] {
    return node ? node.children ?? [] : this.roots;
  }

  getParent(node: FrameNode): FrameNode | undefined {
    return node.parent;
  }
}

function frameNode(frame: FrameSnapshot, index: number): FrameNode {
  const id = `frame${index}`;
  const node: FrameNode = {
    id, label: frame.name, description: `${frame.path.split(/[\\/]/).pop()}:${frame.f_lineno}`,
    tooltip: frame.path, expanded: index === 0, children: [],
  };
  const leaf = (label: string, description: string, key: string): FrameNode => ({ id: `${id}.${key}`, label, description, parent: node });
  const locals: FrameNode = { id: `${id}.locals`, label: 'locals', description: String(frame.locals.length), parent: node, children: [] };
  locals.children = frame.locals.map((l, i) => ({ id: `${id}.locals.${i}`, label: l.name, description: l.value, tooltip: l.value, parent: locals }));
  const stack: FrameNode = {
    id: `${id}.stack`, label: 'value stack', description: `depth ${frame.valueStack.length}`, parent: node,
    expanded: index === 0, children: [],
  };
  stack.children = frame.valueStack.map((v, i) => ({ id: `${id}.stack.${i}`, label: `[${i}]`, description: v, tooltip: v, parent: stack }));
  node.children = [
    leaf('instruction', frame.instruction, 'instr'),
    leaf('f_lasti', String(frame.f_lasti), 'lasti'),
    leaf('f_lineno', String(frame.f_lineno), 'lineno'),
    locals,
    stack,
  ];
  return node;
}
