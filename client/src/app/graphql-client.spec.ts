import { gql } from '@urql/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type WsOptions = {
  connectionParams: () => Record<string, unknown>;
  shouldRetry: (error: unknown) => boolean;
  retryAttempts: number;
  on: { connected: (socket: unknown) => void; closed: (event: unknown) => void };
};
const ws = vi.hoisted(() => ({
  options: null as WsOptions | null,
  terminate: vi.fn(),
  dispose: vi.fn(async () => undefined),
  subscribe: vi.fn(() => () => undefined),
}));
vi.mock('graphql-ws', () => ({
  createClient: (options: WsOptions) => {
    ws.options = options;
    return { subscribe: ws.subscribe, terminate: ws.terminate, dispose: ws.dispose };
  },
}));

const SUBSCRIPTION = gql`
  subscription Probe {
    ping
  }
`;

/** A fresh module (its socket and token are module state) with its socket opened by a subscription. */
async function openSocket() {
  vi.resetModules();
  const client = await import('./graphql-client');
  client
    .createGraphqlClient()
    .subscription(SUBSCRIPTION, {})
    .subscribe(() => undefined);
  return client;
}

describe('the websocket', () => {
  beforeEach(() => {
    ws.options = null;
    ws.terminate.mockReset();
  });

  it('sends a guest’s player token on every connect, and nothing for signed-in people', async () => {
    const client = await openSocket();
    expect(ws.options?.connectionParams()).toEqual({});
    client.setPlayerToken('LP1.a.b');
    expect(ws.options?.connectionParams()).toEqual({ playerToken: 'LP1.a.b' });
  });

  it('restarts an open socket when the token changes, so that the server sees the new one', async () => {
    const client = await openSocket();
    client.setPlayerToken('LP1.a.b');
    // Not connected yet: the next connect reads the token anyway.
    expect(ws.terminate).not.toHaveBeenCalled();
    ws.options?.on.connected({});
    client.setPlayerToken('LP1.a.b');
    expect(ws.terminate).not.toHaveBeenCalled();
    client.setPlayerToken('LP1.c.d');
    expect(ws.terminate).toHaveBeenCalledTimes(1);
  });

  it('keeps reconnecting after a lost connection, but not after the server refused the socket', async () => {
    await openSocket();
    expect(ws.options?.retryAttempts).toBeGreaterThan(100);
    expect(ws.options?.shouldRetry({ code: 1006, reason: '' })).toBe(true);
    expect(ws.options?.shouldRetry({ code: 4403, reason: 'Forbidden' })).toBe(false);
  });

  it('waits a little longer before each retry, never more than about ten seconds', async () => {
    const { reconnectDelayMs } = await import('./graphql-client');
    expect(reconnectDelayMs(0, () => 0)).toBe(500);
    expect(reconnectDelayMs(2, () => 0)).toBe(2_000);
    expect(reconnectDelayMs(30, () => 0.999)).toBeLessThan(11_000);
  });
});
