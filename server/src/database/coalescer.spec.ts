import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.js';

/** A controllable batch function: records each batch and lets the test finish it. */
function recorder() {
  const batches: { group: string; items: number[]; finish: (error?: Error) => void }[] = [];
  const work = (group: string, items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({
        group,
        items,
        finish: (error) => (error ? reject(error) : resolve(items.map((i) => `${group}:${i}`))),
      });
    });
  return { batches, work };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('runs an item for an idle group at once, on its own', async () => {
    const { batches, work } = recorder();
    const c = new Coalescer(work);
    const one = c.run('a', 1);
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    batches[0].finish();
    await expect(one).resolves.toBe('a:1');
    expect(c.activeGroups).toBe(0);
  });

  it('sends what arrived during a batch together as the next batch, in arrival order', async () => {
    const { batches, work } = recorder();
    const c = new Coalescer(work);
    const results = [1, 2, 3, 4].map((i) => c.run('a', i));
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    batches[0].finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4]]);
    batches[1].finish();
    await expect(Promise.all(results)).resolves.toEqual(['a:1', 'a:2', 'a:3', 'a:4']);
  });

  it('keeps groups apart: each group has its own batches running at the same time', async () => {
    const { batches, work } = recorder();
    const c = new Coalescer(work);
    const a = c.run('a', 1);
    const b = c.run('b', 2);
    await tick();
    expect(batches.map((x) => [x.group, x.items])).toEqual([
      ['a', [1]],
      ['b', [2]],
    ]);
    batches.forEach((x) => x.finish());
    await expect(Promise.all([a, b])).resolves.toEqual(['a:1', 'b:2']);
  });

  it('runs up to `concurrency` batches of a group at once and caps a batch at `maxBatch`', async () => {
    const { batches, work } = recorder();
    const c = new Coalescer(work, { concurrency: 2, maxBatch: 3 });
    const all = Array.from({ length: 9 }, (_, i) => c.run('g', i));
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[0], [1]]);
    batches[0].finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[0], [1], [2, 3, 4]]);
    batches[1].finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[0], [1], [2, 3, 4], [5, 6, 7]]);
    batches[2].finish();
    batches[3].finish();
    await tick();
    batches[4].finish();
    await expect(Promise.all(all)).resolves.toHaveLength(9);
    expect(batches[4].items).toEqual([8]);
  });

  it('fails every item of a failed batch, and goes on with the next', async () => {
    const { batches, work } = recorder();
    const c = new Coalescer(work);
    const first = c.run('a', 1);
    const second = c.run('a', 2);
    const third = c.run('a', 3);
    await tick();
    batches[0].finish(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    expect(batches[1].items).toEqual([2, 3]);
    batches[1].finish(new Error('deadlock'));
    await expect(second).rejects.toThrow('deadlock');
    await expect(third).rejects.toThrow('deadlock');
    const fourth = c.run('a', 4);
    await tick();
    batches[2].finish();
    await expect(fourth).resolves.toBe('a:4');
  });

  it('fails the batch when the work returns the wrong number of results, or throws before its promise', async () => {
    const short = new Coalescer<number, number>(async (_g, items) => items.slice(1));
    await expect(short.run('a', 1)).rejects.toThrow('a batch of 1 got 0 results');
    const throwing = new Coalescer<number, number>(() => {
      throw new Error('sync');
    });
    await expect(throwing.run('a', 1)).rejects.toThrow('sync');
    expect(throwing.activeGroups).toBe(0);
  });

  it('refuses a concurrency or batch size below one', () => {
    expect(() => new Coalescer(async () => [], { concurrency: 0 })).toThrow(RangeError);
    expect(() => new Coalescer(async () => [], { maxBatch: 0 })).toThrow(RangeError);
  });
});
