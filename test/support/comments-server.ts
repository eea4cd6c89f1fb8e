import { executeServerCommand } from '@web/test-runner-commands';

/** A real comments service on a temporary database, started by the wtr plugin of the same name. */
export interface TestServer {
  id: string;
  endpoint: string;
  token: string;
}

const command = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('comments-server', payload);

async function ready(answer: TestServer & { ready: boolean }): Promise<TestServer> {
  while (!answer.ready) answer = await command<TestServer & { ready: boolean }>({ action: 'wait', id: answer.id });
  return answer;
}

/** Starts a service on a fresh database (call in `before` with a generous timeout: PGlite's first open is slow). */
export const startServer = async (options: { rateLimit?: number } = {}) =>
  ready(await command({ action: 'start', origin: location.origin, ...options }));
export const stopServer = (server: TestServer) => command({ action: 'stop', id: server.id });
export const restartServer = async (server: TestServer) => ready(await command({ action: 'restart', id: server.id }));
export const disposeServer = (server: TestServer | undefined) =>
  server ? command({ action: 'dispose', id: server.id }) : Promise.resolve();

async function call<T>(server: TestServer, path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(server.endpoint + path, { ...init, headers });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data as T;
}

export interface QueueItem {
  id: string;
  thread: string;
  parentId: string | null;
  author: string;
  email: string;
  text: string;
  status: string;
}

/** Every pending comment, through the real moderation API. */
export const pending = (server: TestServer) =>
  call<{ comments: QueueItem[] }>(server, '/moderation/comments?status=pending&limit=100', { token: server.token }).then(
    (page) => page.comments,
  );

export const approve = (server: TestServer, id: string) =>
  call(server, `/moderation/comments/${id}/decision`, {
    method: 'POST',
    token: server.token,
    body: JSON.stringify({ decision: 'approve' }),
  });

export const reject = (server: TestServer, id: string, reason = 'off-topic') =>
  call(server, `/moderation/comments/${id}/decision`, {
    method: 'POST',
    token: server.token,
    body: JSON.stringify({ decision: 'reject', reason }),
  });

let seq = 0;
/** Posts a comment as a reader would (own Idempotency-Key) and returns the service's answer. */
export const post = (server: TestServer, thread: string, comment: { author?: string; email?: string; text: string; parentId?: string }) =>
  call<{ id: string; status: string; token: string }>(server, `/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    headers: { 'idempotency-key': `test-${Date.now()}-${seq++}-${Math.random()}` },
    body: JSON.stringify({ author: 'Test reader', email: 'reader@example.com', ...comment }),
  });

/** Erases a commenter by email through the moderation API (README "Erasure"). */
export const erase = (server: TestServer, email: string) =>
  call<{ erased: number }>(server, '/moderation/erasures', { method: 'POST', token: server.token, body: JSON.stringify({ email }) });

/** Posts and approves at once: an approved comment in the public list. */
export async function seed(server: TestServer, thread: string, comment: Parameters<typeof post>[2]) {
  const posted = await post(server, thread, comment);
  await approve(server, posted.id);
  return posted.id;
}

/** A thread id no other test uses, so tests sharing one service do not see each other's comments. */
export const uniqueThread = (name = 'thread') => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * One service for the whole test file: started in `before` (PGlite's first open can be slow on a
 * busy machine, hence the long timeout) and disposed in `after`. The returned object is filled in
 * when the service listens.
 */
export function useServer(options: { rateLimit?: number } = {}): TestServer {
  const server = {} as TestServer;
  before(async function () {
    this.timeout(180000);
    Object.assign(server, await startServer(options));
  });
  after(() => disposeServer(server.id ? server : undefined));
  return server;
}
