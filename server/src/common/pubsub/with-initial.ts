/**
 * An iterator that yields `initial` first, then whatever `rest` yields. `rest` is started and
 * its subscription confirmed before the initial values are read, so nothing published meanwhile
 * is missed; closing the result closes `rest`.
 */
export async function withInitial<T>(
  rest: AsyncIterableIterator<T>,
  readInitial: () => Promise<T[]>,
): Promise<AsyncIterableIterator<T>> {
  let first: Promise<IteratorResult<T>> | null = rest.next();
  // graphql-subscriptions subscribes on that first next(); with Redis the subscription is a round
  // trip. The initial values are read once it is confirmed, so nothing published meanwhile is lost.
  const subscribed = (rest as { allSubscribed?: Promise<unknown> | null }).allSubscribed;
  if (subscribed) await subscribed.catch(() => undefined);
  const queue = await readInitial();
  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (first) {
        const pending = first;
        first = null;
        return pending;
      }
      return rest.next();
    },
    return(value?: unknown) {
      return rest.return ? rest.return(value) : Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      return rest.throw ? rest.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
