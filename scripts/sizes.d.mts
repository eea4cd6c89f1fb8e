export const BUDGET_GZIP: number;
export interface SizeRow {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}
export function compressed(buffer: Uint8Array): Omit<SizeRow, 'file'>;
export function bundleSizes(dir?: string): { rows: SizeRow[] };
export function staticClosure(file: string, dir?: string, seen?: Set<string>): Set<string>;
export function dynamicImports(file: string, dir?: string): string[];
