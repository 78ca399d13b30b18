import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { PubSub } from 'graphql-subscriptions';
import { describe, expect, it } from 'vitest';
import { sharedPayload, sharedSubscribe } from './shared-subscribe.js';

/** graphql-subscriptions registers a listener on the first next(), a few ticks later. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('sharedSubscribe', () => {
  const schema = buildSchema(
    `type Query { ok: Boolean } type Subscription { tick: Tick } type Tick { n: Int seen: Int }`,
  );
  let executions = 0;
  const pubSub = new PubSub();

  async function subscriber() {
    const document = parse(`subscription { tick { n seen } }`);
    const rootValue = { tick: () => pubSub.asyncIterableIterator('tick') };
    const stream = (await sharedSubscribe({
      schema,
      document,
      rootValue,
      fieldResolver: (source, _args, _ctx, info) => {
        if (info.fieldName === 'tick') return (source as { tick: unknown }).tick;
        if (info.fieldName === 'seen') return ++executions;
        return (source as Record<string, unknown>)[info.fieldName];
      },
    })) as AsyncIterableIterator<ExecutionResult>;
    return stream;
  }

  it('executes a shared payload once for every subscriber and others once each', async () => {
    const a = await subscriber();
    const b = await subscriber();
    const nextA = a.next();
    const nextB = b.next();
    await settle();
    await pubSub.publish('tick', sharedPayload({ tick: { n: 1 } }));
    const [ra, rb] = await Promise.all([nextA, nextB]);
    expect(ra.value).toBe(rb.value); // the very same result object
    expect(ra.value).toEqual({ data: { tick: { n: 1, seen: 1 } } });
    expect(executions).toBe(1);

    const again = [a.next(), b.next()];
    await settle();
    await pubSub.publish('tick', { tick: { n: 2 } });
    const results = (await Promise.all(again)).map((r) => r.value as ExecutionResult);
    expect(results.map((r) => (r.data as { tick: { n: number } }).tick.n)).toEqual([2, 2]);
    expect(executions).toBe(3);

    // Closing a subscriber closes its source stream.
    expect(await a.return!()).toEqual({ value: undefined, done: true });
    expect(await b.return!()).toEqual({ value: undefined, done: true });
  });
});
