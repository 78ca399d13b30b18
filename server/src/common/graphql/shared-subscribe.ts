import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult, print } from 'graphql';

/**
 * Marks a published payload whose result is the same for every subscriber: its fields read
 * nothing but the payload (no viewer, no arguments). Such a payload is executed once per distinct
 * subscription document instead of once per subscriber — a live game's state going to thousands
 * of phones. The marker is a plain property, so it survives Redis.
 */
export const SHARED_RESULT = '__sharedResult';

export function sharedPayload<T extends object>(payload: T): T & { [SHARED_RESULT]: true } {
  return { ...payload, [SHARED_RESULT]: true as const };
}

type Payload = Record<string, unknown>;

const results = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();
const documentKeys = new WeakMap<object, string>();

function documentKey(args: ExecutionArgs): string {
  let key = documentKeys.get(args.document);
  if (key === undefined) {
    key = `${args.operationName ?? ''}\n${args.document.loc?.source.body ?? print(args.document)}`;
    documentKeys.set(args.document, key);
  }
  return key;
}

/**
 * graphql-js's `subscribe`, except that payloads marked with SHARED_RESULT are executed once per
 * (payload, document) and the result object is reused for every subscriber that holds the same
 * payload object (in-memory pub/sub and graphql-redis-subscriptions hand one parsed object to all
 * listeners of a message).
 */
export async function sharedSubscribe(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = stream as AsyncIterableIterator<unknown>;
  const key = documentKey(args);
  const run = (payload: unknown): ExecutionResult | Promise<ExecutionResult> => {
    if (payload === null || typeof payload !== 'object' || (payload as Payload)[SHARED_RESULT] !== true) {
      return execute({ ...args, rootValue: payload });
    }
    let byDocument = results.get(payload);
    if (!byDocument) {
      byDocument = new Map();
      results.set(payload, byDocument);
    }
    let result = byDocument.get(key);
    if (!result) {
      result = execute({ ...args, rootValue: payload });
      byDocument.set(key, result);
    }
    return result;
  };
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const item = await source.next();
      return item.done ? { value: undefined, done: true } : { value: await run(item.value), done: false };
    },
    return() {
      return source.return
        ? source.return().then(() => ({ value: undefined, done: true as const }))
        : Promise.resolve({ value: undefined, done: true as const });
    },
    throw(error?: unknown) {
      return source.throw ? (source.throw(error) as never) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
