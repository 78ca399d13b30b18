import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { shallowRef } from 'vue';

/** The websocket URL on the page's own host (the session cookie authenticates the socket). */
export function graphqlSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

let socket: WsClient | null = null;
/** True while `socket` has a connection the server acknowledged. */
let socketConnected = false;
let playerToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called when the server answers UNAUTHENTICATED (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * The live-game player token a guest's socket signs in with (graphql-ws connection params); null
 * for signed-in people, whose socket uses the session cookie. The server reads the token once,
 * when the socket connects: a new token restarts an open socket, which connects again with it and
 * re-subscribes.
 */
export function setPlayerToken(token: string | null): void {
  if (token === playerToken) return;
  playerToken = token;
  if (token && socket && socketConnected) socket.terminate();
}

/**
 * Drops the socket's connection and connects again (re-subscribing everything) — for a phone
 * coming back from a locked screen or another network, whose old connection may be dead without
 * anyone having noticed.
 */
export function reconnectSocket(): void {
  if (socket && socketConnected) socket.terminate();
}

/** How long to wait before the n-th reconnection: quickly at first, never more than ~10 s. */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(10_000, 500 * 2 ** retries) + Math.floor(random() * 1_000);
}

/** 4403: the server refused the socket (no session and no valid player token) — asking again will not help. */
const FORBIDDEN_CLOSE = 4403;
const PING_EVERY_MS = 15_000;
const PONG_WITHIN_MS = 5_000;

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

function sharedSocket(): WsClient {
  if (socket) return socket;
  let open: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  // Lazy: the socket opens with the first subscription and closes after the last one ends.
  socket = createWsClient({
    url: graphqlSocketUrl(window.location),
    lazy: true,
    // A function: read again on every (re)connect, so the newest token is the one sent.
    connectionParams: () => (playerToken ? { playerToken } : {}),
    // A phone at a concert loses its network for a while: keep trying, and re-subscribe once
    // back (the server then sends the game's current state first).
    retryAttempts: 1_000,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    shouldRetry: (error) => !isCloseEvent(error) || error.code !== FORBIDDEN_CLOSE,
    // A connection that died silently (a locked phone, a dropped Wi-Fi) answers no ping: close it
    // so that the retry above takes over.
    keepAlive: PING_EVERY_MS,
    on: {
      connected: (ws) => {
        open = ws as WebSocket;
        socketConnected = true;
      },
      closed: () => {
        open = null;
        socketConnected = false;
        clearTimeout(pongTimer);
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (open?.readyState === WebSocket.OPEN) open.close(4408, 'Ping timeout');
        }, PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });
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
  const previous = socket;
  socket = null;
  socketConnected = false;
  playerToken = null;
  if (previous) {
    // Disposed first, so that terminating it does not start a reconnection.
    void previous.dispose();
    previous.terminate();
  }
}
