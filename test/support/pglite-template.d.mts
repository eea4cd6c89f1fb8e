export function initdbTemplate(): Promise<string>;
export function freshDataDir(prefix?: string): Promise<string>;
