import { api } from '../../api.js';

type Waiter = { resolve: (counts: Record<string, number>) => void; reject: (error: unknown) => void };
const queues = new Map<string, Map<string, Waiter[]>>();

/**
 * The approved count of one thread. Every request made in the same task for one endpoint is
 * sent as ONE `POST /counts`, however many `<rw-comment-count>` elements a list of articles has.
 */
export function count(endpoint: string, thread: string): Promise<number> {
  let queue = queues.get(endpoint);
  if (!queue) {
    queues.set(endpoint, (queue = new Map()));
    setTimeout(() => {
      queues.delete(endpoint);
      const threads = [...queue!.keys()];
      // The service answers at most 100 threads a request.
      for (let i = 0; i < threads.length; i += 100) {
        const waiters = threads.slice(i, i + 100).flatMap((thread) => queue!.get(thread)!);
        api.counts(endpoint, threads.slice(i, i + 100)).then(
          (answer) => waiters.forEach((w) => w.resolve(answer.counts)),
          (error) => waiters.forEach((w) => w.reject(error)),
        );
      }
    });
  }
  return new Promise<Record<string, number>>((resolve, reject) => {
    queue!.set(thread, [...(queue!.get(thread) ?? []), { resolve, reject }]);
  }).then((counts) => counts[thread] ?? 0);
}
