/**
 * The distributions xr observes (`Counters.observe`), as Prometheus histograms: name, help,
 * labels, buckets. Base units (seconds, records); labels bounded (a method, a code, a target
 * region, an outcome), never a case id. A name not listed here is not exported.
 */
export interface HistogramDefinition {
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly buckets: readonly number[];
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const RECORDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export const HISTOGRAMS: Readonly<Record<string, HistogramDefinition>> = {
  xr_grpc_server_handling_seconds: { help: 'gRPC calls served, from the call to its status, by service, method and status code', labelNames: ['service', 'method', 'code'], buckets: SECONDS },
  xr_pipeline_batch_seconds: { help: 'One inbox batch through the pipeline: step, quarantine and journal appends, fold, hand-off to the outboxes', labelNames: [], buckets: SECONDS },
  xr_pipeline_batch_records: { help: 'Records in one inbox batch', labelNames: [], buckets: RECORDS },
  xr_submit_to_journal_seconds: { help: 'A request of our own systems, from the call to its journaled outcome (journaled or refused)', labelNames: ['outcome'], buckets: SECONDS },
  xr_delivery_seconds: { help: "One outbox batch appended to a partner's inbox and its cursor moved, by target region", labelNames: ['target'], buckets: SECONDS },
};
