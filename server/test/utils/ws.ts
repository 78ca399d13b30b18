import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client that sends the given cookie on the upgrade request, as a browser would. */
export function wsClient(
  baseUrl: string,
  cookie: string | null,
  onClose?: (code: number) => void,
  connectionParams?: Record<string, unknown>,
): Client {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieWebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams,
    // A caller watching the close (an expected refusal) does not want it printed as an error.
    onNonLazyError: onClose ? () => undefined : undefined,
    on: { closed: (event) => onClose?.((event as { code: number }).code) },
  });
}

/** Subscribes and resolves with the first `count` results (or rejects on error). */
export function take<T>(
  client: Client,
  query: string,
  count: number,
): { done: Promise<T[]>; ready: Promise<void> } {
  const results: T[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const done = new Promise<T[]>((resolve, reject) => {
    const dispose = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          if (value.errors) reject(new Error(JSON.stringify(value.errors)));
          results.push(value.data as T);
          if (results.length === count) {
            dispose();
            resolve(results);
          }
        },
        error: reject,
        complete: () => resolve(results),
      },
    );
  });
  // graphql-ws gives no "subscribed" ack; a short settle lets the server register the subscription.
  setTimeout(ready, 300);
  return { done, ready: readyPromise };
}
