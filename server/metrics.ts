/**
 * `GET /api/metrics`: Prometheus text format, through prom-client (one registry per app, so tests
 * and several apps in one process never share counters). Requests by route pattern and status, a
 * latency histogram, the pending moderation queue, the database pool when there is one, the
 * durability barrier, and prom-client's process metrics (CPU, memory, event-loop lag).
 * The route is in app.ts; with `METRICS_TOKEN` set, a scrape must send it as a Bearer token.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestEntry } from './log.js';
import type { Store } from './store.js';

/** What a connection pool reports (the PostgreSQL backend fills it; the embedded one has none). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}
/** Sync calls of the embedded database's durability barrier, for its counters. */
export interface BarrierStats {
  barriers: number;
  files: number;
  seconds: number;
}
export interface MetricsSources {
  store: Store;
  poolStats?: () => PoolStats | null;
  barrierStats?: () => BarrierStats | null;
}

export class Metrics {
  readonly registry = new Registry();
  private requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  private latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request reaching the app to its answer, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    const { store, poolStats, barrierStats } = sources;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'comments_pending',
      help: 'Comments waiting for a moderator.',
      registers,
      async collect() {
        this.set((await store.listForModeration({ status: 'pending', limit: 1, cursor: null })).total);
      },
    });
    if (poolStats) {
      new Gauge({
        name: 'db_pool_connections',
        help: 'Database pool connections by state (total, idle) and clients waiting for one.',
        labelNames: ['state'],
        registers,
        collect() {
          const stats = poolStats();
          if (!stats) return;
          this.set({ state: 'total' }, stats.total);
          this.set({ state: 'idle' }, stats.idle);
          this.set({ state: 'waiting' }, stats.waiting);
        },
      });
    }
    if (barrierStats) {
      const read = (pick: (s: BarrierStats) => number) =>
        function (this: Gauge) {
          const stats = barrierStats();
          if (stats) this.set(pick(stats));
        };
      new Gauge({ name: 'durability_barriers_total', help: 'Group-commit barriers run (each one fdatasync round).', registers, collect: read((s) => s.barriers) });
      new Gauge({ name: 'durability_synced_files_total', help: 'Files synced by the barriers.', registers, collect: read((s) => s.files) });
      new Gauge({ name: 'durability_sync_seconds_total', help: 'Time spent in the barriers.', registers, collect: read((s) => s.seconds) });
    }
  }

  readonly observe = (entry: RequestEntry) => {
    this.requests.inc({ method: entry.method, route: entry.route, status: String(entry.status) });
    this.latency.observe({ method: entry.method, route: entry.route }, entry.ms / 1000);
  };

  readonly contentType = this.registry.contentType;
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
