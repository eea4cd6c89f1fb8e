export function shippedPath(path: string): string;
export function sourcePath(path: string): string;
