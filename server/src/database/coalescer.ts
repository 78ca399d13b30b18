/**
 * Natural batching (the "group commit" of databases): per group, at most `concurrency` batches
 * run at a time; items that arrive while they run wait, and go together as the next batch (at
 * most `maxBatch` items). Nothing waits for a timer: an item for an idle group runs at once, on
 * its own, so batching adds no latency when the server is quiet and grows with the load — the
 * busier the server, the more a round trip, a lock and a commit are shared.
 *
 * `work` gets the items of one batch, in arrival order, and returns one result per item (same
 * order). When it fails, every item of that batch fails with the same error; later batches run.
 */
export class Coalescer<T, R> {
  private readonly groups = new Map<string, Group<T, R>>();
  private readonly concurrency: number;
  private readonly maxBatch: number;

  constructor(
    private readonly work: (group: string, items: T[]) => Promise<R[]>,
    options: { concurrency?: number; maxBatch?: number } = {},
  ) {
    this.concurrency = options.concurrency ?? 1;
    this.maxBatch = options.maxBatch ?? 100;
    if (!(this.concurrency >= 1 && this.maxBatch >= 1))
      throw new RangeError('concurrency and maxBatch must be ≥ 1');
  }

  run(group: string, item: T): Promise<R> {
    let state = this.groups.get(group);
    if (!state) {
      state = { queue: [], running: 0 };
      this.groups.set(group, state);
    }
    const queued = new Promise<R>((resolve, reject) => state.queue.push({ item, resolve, reject }));
    this.pump(group, state);
    return queued;
  }

  /** Groups with work queued or running (idle groups are forgotten). */
  get activeGroups(): number {
    return this.groups.size;
  }

  private pump(group: string, state: Group<T, R>): void {
    while (state.running < this.concurrency && state.queue.length > 0) {
      const batch = state.queue.splice(0, this.maxBatch);
      state.running++;
      Promise.resolve()
        .then(() =>
          this.work(
            group,
            batch.map((b) => b.item),
          ),
        )
        .then((results) => {
          if (results.length !== batch.length) {
            throw new Error(`a batch of ${batch.length} got ${results.length} results`);
          }
          batch.forEach((b, i) => b.resolve(results[i]));
        })
        .catch((error: unknown) => batch.forEach((b) => b.reject(error)))
        .finally(() => {
          state.running--;
          if (state.running === 0 && state.queue.length === 0) this.groups.delete(group);
          else this.pump(group, state);
        });
    }
  }
}

interface Group<T, R> {
  queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[];
  running: number;
}
