// The Prometheus registry of one process (prom-client): HTTP latency by route pattern, the ingest
// pipeline's counts and latencies, database and queue gauges, and Node's process metrics. Each
// process builds one and adds what it runs; `/metrics` serves `text()`. docs/operations.md lists
// every metric.
import { collectDefaultMetrics, Histogram, type Metric, Registry } from 'prom-client';
import type { FixedHistogram } from './fixed-histogram.ts';
import type { IngestMetrics } from './ingest-metrics.ts';

/** Seconds: HTTP latency buckets, finer below the 50 ms dashboard target. */
export const HTTP_LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10] as const;

export type HttpLabels = 'method' | 'route' | 'status';

export interface MetricsRegistry {
  readonly registry: Registry;
  readonly contentType: string;
  /** Observed once per HTTP request with the route pattern (`/api/devices/:id`), never the raw path. */
  readonly httpDuration: Histogram<HttpLabels>;
  text(): Promise<string>;
}

export function createMetricsRegistry(o: { version: string; processMetrics?: boolean }): MetricsRegistry {
  const registry = new Registry();
  if (o.processMetrics !== false) collectDefaultMetrics({ register: registry });
  readAtScrape(registry, 'atensi_build_info', 'Always 1; the running version in its label', 'gauge', () => counter(1, { version: o.version }));
  const httpDuration = new Histogram<HttpLabels>({
    name: 'atensi_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [...HTTP_LATENCY_BUCKETS_S],
    registers: [registry],
  });
  return { registry, contentType: registry.contentType, httpDuration, text: () => registry.metrics() };
}

export type Sample = { value: number; labels: Record<string, string>; metricName?: string };

/**
 * A metric whose values are read from plain numbers at scrape time (the ingest pipeline's counters
 * and FixedHistograms). It has the shape prom-client's Registry reads from its own metrics
 * (`name`, `help`, `type`, `get()`), which the scrape tests hold it to.
 */
export function readAtScrape(registry: Registry, name: string, help: string, type: 'counter' | 'gauge' | 'histogram', values: () => Sample[] | Promise<Sample[]>) {
  const metric = {
    name, help, type, aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: await values() }),
    reset: () => undefined,
  };
  registry.registerMetric(metric as unknown as Metric);
}

function histogramSamples(name: string, h: FixedHistogram, labels: Record<string, string> = {}): Sample[] {
  return [
    ...h.cumulative().map((b) => ({ metricName: `${name}_bucket`, labels: { ...labels, le: b.le }, value: b.count })),
    { metricName: `${name}_sum`, labels, value: h.sum },
    { metricName: `${name}_count`, labels, value: h.count },
  ];
}

export const counter = (value: number, labels: Record<string, string> = {}): Sample[] => [{ value, labels }];

/** The ingest pipeline's metrics; `pending` is how many messages wait for their commit now. */
export function exposeIngest(m: MetricsRegistry, ingest: IngestMetrics, pending: () => number) {
  const r = m.registry;
  readAtScrape(r, 'atensi_ingest_messages_total', 'MQTT messages committed by the bridge (samples, statuses, refusals); rate() of it is the ingest rate', 'counter', () => counter(ingest.messages));
  readAtScrape(r, 'atensi_ingest_samples_total', 'Telemetry samples that passed validation and reached a commit', 'counter', () => counter(ingest.samples));
  readAtScrape(r, 'atensi_ingest_samples_stored_total', 'Telemetry samples stored (first time seen)', 'counter', () => counter(ingest.stored));
  readAtScrape(r, 'atensi_ingest_duplicates_total', 'Telemetry samples already stored (resends), acknowledged and not stored again', 'counter', () => counter(ingest.duplicates));
  readAtScrape(r, 'atensi_ingest_withheld_total', 'Telemetry samples acknowledged but not stored: no telemetry consent', 'counter', () => counter(ingest.withheld));
  readAtScrape(r, 'atensi_ingest_status_messages_total', 'Chair online/offline status messages committed', 'counter', () => counter(ingest.statuses));
  readAtScrape(r, 'atensi_ingest_commits_total', 'Batches committed (one transaction each)', 'counter', () => counter(ingest.commits));
  readAtScrape(r, 'atensi_ingest_rejected_total', 'Refused messages stored as rejections, by reason', 'counter',
    () => [...ingest.rejectedByReason].map(([reason, n]) => ({ value: n, labels: { reason } })));
  readAtScrape(r, 'atensi_ingest_commit_failures_total', 'Commits the database refused and the pipeline retried (e.g. SQLITE_BUSY), by error code', 'counter',
    () => [...ingest.commitFailuresByCode].map(([code, n]) => ({ value: n, labels: { code } })));
  readAtScrape(r, 'atensi_ingest_pending_messages', 'Messages received and waiting for their batch to commit (their PUBACK is held)', 'gauge', () => counter(pending()));
  readAtScrape(r, 'atensi_ingest_batch_size', 'Messages per committed batch', 'histogram', () => histogramSamples('atensi_ingest_batch_size', ingest.batchSize));
  readAtScrape(r, 'atensi_ingest_publish_to_commit_seconds', "Commit time (bridge clock) minus the sample's ts (chair clock); resent backlogs land in the tail", 'histogram',
    () => histogramSamples('atensi_ingest_publish_to_commit_seconds', ingest.publishToCommit));
  readAtScrape(r, 'atensi_ingest_receive_to_commit_seconds', 'Commit time minus the time the bridge received the message (bridge clock only)', 'histogram',
    () => histogramSamples('atensi_ingest_receive_to_commit_seconds', ingest.receiveToCommit));
}

/** 1 while this process's bridge is connected to the broker and subscribed. */
export function exposeBroker(m: MetricsRegistry, connected: () => boolean) {
  readAtScrape(m.registry, 'atensi_broker_connected', '1 while the bridge is connected to the broker and subscribed, else 0', 'gauge', () => counter(connected() ? 1 : 0));
}

/** Pending work per queue (today the webhook outbox); read at scrape time. */
export function exposeQueueDepth(m: MetricsRegistry, queues: Record<string, () => Promise<number>>) {
  readAtScrape(m.registry, 'atensi_job_queue_depth', 'Jobs waiting to be done, by queue (webhook: deliveries neither delivered nor given up)', 'gauge',
    () => Promise.all(Object.entries(queues).map(async ([queue, depth]) => ({ value: await depth(), labels: { queue } }))));
}
