/**
 * One database operation per turn of the event loop, in arrival order, for the embedded database.
 *
 * PGlite runs PostgreSQL in this thread, and its lock hands over from one waiting query to the next
 * through promise callbacks, so 200 queued queries run back to back without the event loop turning
 * once. Node accepts one new connection per turn, so under load the clients that connected last sat
 * in the kernel's accept queue for the whole run (12.8 s at 200 connections, with p99 at 1.2 s).
 * Starting each operation from `setImmediate` lets the loop accept and read between operations; a
 * transaction is one operation. PGlite serialises everything anyway, so nothing runs slower.
 */
import type { Db } from './db.js';

export function oneAtATime(db: Db): Db {
  const waiting: (() => void)[] = [];
  let busy = false;
  const next = () => {
    const start = waiting.shift();
    if (start) setImmediate(start);
    else busy = false;
  };
  const enqueue = <R>(operation: () => Promise<R>): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.push(() => operation().then(resolve, reject).finally(next));
      if (!busy) {
        busy = true;
        next();
      }
    });
  return {
    query: (sql, params) => enqueue(() => db.query(sql, params)),
    transaction: (fn) => enqueue(() => db.transaction(fn)),
    listen: (channel, onMessage, onReset) => enqueue(() => db.listen(channel, onMessage, onReset)),
    close: () => enqueue(() => db.close()),
  };
}
