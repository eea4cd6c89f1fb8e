export interface TestPostgres {
  url: string;
  port: number;
  pids(): number[];
  createDatabase(): Promise<string>;
  startServer(): Promise<void>;
  stopServer(): Promise<void>;
  stop(): Promise<void>;
  stopSync(): void;
}
export function findPostgresBin(): string | null;
export function createDatabase(adminUrl: string): Promise<string>;
export function startPostgres(): Promise<TestPostgres>;
