import type { Manifest } from './manifest-model.js';
export function analyze(cwd?: string): Promise<Manifest>;
