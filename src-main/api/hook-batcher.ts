import type { ServiceContext } from '../services/context.js';
import type { IngestBatch, IngestResult } from '../services/capture/ingest.js';

type Ingest = (context: ServiceContext, body: unknown, batch: IngestBatch) => IngestResult;

interface Waiting {
  body: unknown;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for hook events: the events that arrive while one batch is being written go into
 * the next, all in one transaction (each in its own savepoint, so one bad event fails alone).
 * Every answer still waits for its commit: nothing is acknowledged before it is durable.
 */
export class HookBatcher {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly context: ServiceContext,
    private readonly ingest: Ingest,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  submit(body: unknown): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ body, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => { this.flush(); });
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const outcomes: ({ result: IngestResult } | { error: unknown })[] = [];
    try {
      const shared: IngestBatch = {};
      this.context.store.write(() => {
        for (const waiting of batch) {
          try {
            outcomes.push({ result: this.ingest(this.context, waiting.body, shared) });
          } catch (error) {
            shared.active = undefined;
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    this.afterCommit();
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome && 'result' in outcome) waiting.resolve(outcome.result);
      else waiting.reject(outcome?.error);
    });
  }
}
