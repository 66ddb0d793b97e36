// Types for stats.mjs (so the vitest suite in tests/bench can import it under strict TypeScript).
export function median(values: number[]): number;
export function geomean(values: number[]): number | null;
export function summarize(times: number[]): { median: number; min: number; max: number };
export function errorSummary(stderr: string, exitCode: number | null, signal?: string | null): string;
export function outputDifference(expected: string, actual: string): string | null;
export function clip(s: string, n: number): string;
export interface BenchScriptRow { name: string; unit?: string; pyvm?: unknown; cpython?: unknown; [key: string]: unknown }
export interface BenchScriptResult { title: string; rows: BenchScriptRow[]; [key: string]: unknown }
export function parseBenchScriptOutput(stdout: string): BenchScriptResult;
export function fmtMs(ms: number): string;
export function fmtRatio(r: number): string;
export function textTable(rows: string[][], rightAlign?: (column: number) => boolean): string;
