import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { shallowRef } from 'vue';

/** The websocket URL on the page's own host (the session cookie authenticates the socket). */
export function graphqlSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

let socket: WsClient | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called when the server answers UNAUTHENTICATED (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function sharedSocket(): WsClient {
  // Lazy: the socket opens with the first subscription and closes after the last one ends.
  socket ??= createWsClient({ url: graphqlSocketUrl(window.location), lazy: true });
  return socket;
}

export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    // Apollo's CSRF prevention rejects GET queries without a preflight header: always POST JSON.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-first',
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
            onUnauthenticated?.();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = sharedSocket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

/**
 * The one client of the app, held in a ref so that signing out can start over with an empty
 * cache (nothing the previous person saw survives into the next session).
 */
export const graphqlClient = shallowRef<Client>(createGraphqlClient());

export function getGraphqlClient(): Client {
  return graphqlClient.value;
}

/** Replaces the client (tests pass a mock; sign-out passes nothing to get a fresh one). */
export function resetGraphqlClient(client: Client = createGraphqlClient()): void {
  graphqlClient.value = client;
  // The server ends the socket's session on sign-out anyway; reconnect fresh for the next person.
  socket?.terminate();
  socket = null;
}
