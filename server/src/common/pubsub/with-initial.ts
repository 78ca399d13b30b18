/**
 * An iterator that yields `initial` first, then whatever `rest` yields. `rest` is started at
 * once (graphql-subscriptions subscribes on the first `next()`), so nothing published while the
 * initial values are read is missed; closing the result closes `rest`.
 */
export async function withInitial<T>(
  rest: AsyncIterableIterator<T>,
  readInitial: () => Promise<T[]>,
): Promise<AsyncIterableIterator<T>> {
  let first: Promise<IteratorResult<T>> | null = rest.next();
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
