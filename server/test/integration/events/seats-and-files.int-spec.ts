import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { eventInput, publishEvent } from '../../factories/event.factory.js';
import { signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';
import { take, wsClient } from '../../utils/ws.js';

const REGISTER = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status } }`;
type Seats = {
  sessionSeats: { sessionId: string; confirmedCount: number; seatsLeft: number; waitlistCount: number };
};

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

describe('live seats', () => {
  it('subscribers see the remaining seats change as people register', async () => {
    const { sessionIds } = await publishEvent(trainer, {}, 2);
    const watcher = await signedIn(app);
    const ws = wsClient(app.url, watcher.client.cookie);
    try {
      const query = `subscription { sessionSeats(sessionIds: ${JSON.stringify(sessionIds)}) {
        sessionId confirmedCount seatsLeft waitlistCount } }`;
      const sub = take<Seats>(ws, query, 2);
      await sub.ready;
      await (await signedIn(app)).client.ok(REGISTER, { s: sessionIds[0] });
      const [now, update] = await sub.done;
      // The current counts come first (a late or reconnecting subscriber is never stale), then changes.
      expect(now!.sessionSeats).toEqual({
        sessionId: sessionIds[0],
        confirmedCount: 0,
        seatsLeft: 2,
        waitlistCount: 0,
      });
      expect(update!.sessionSeats).toEqual({
        sessionId: sessionIds[0],
        confirmedCount: 1,
        seatsLeft: 1,
        waitlistCount: 0,
      });
    } finally {
      await ws.dispose();
    }
  });
});

describe('live seats of hidden sessions', () => {
  it('are refused: a draft’s session cannot be watched by an employee', async () => {
    const draft = await trainer.ok(
      `mutation($i: EventInput!) { createEvent(input: $i) { sessions { id } } }`,
      {
        i: eventInput(),
      },
    );
    const watcher = await signedIn(app);
    const ws = wsClient(app.url, watcher.client.cookie);
    try {
      const query = `subscription { sessionSeats(sessionIds: ["${draft.createEvent.sessions[0].id}"]) { sessionId } }`;
      const error = await take(ws, query, 1).done.catch((e: Error) => e.message);
      expect(error).toMatch(/NOT_FOUND/);
    } finally {
      await ws.dispose();
    }
  });
});

describe('cover image and registrant export', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );

  it('accepts a PNG cover from organisers, serves it, and refuses other files', async () => {
    const { id } = await publishEvent(trainer);
    const put = (client: GqlClient, body: Buffer, type = 'image/png') =>
      fetch(`${app.url}/api/events/${id}/cover`, {
        method: 'PUT',
        headers: { 'content-type': type, ...(client.cookie ? { cookie: client.cookie } : {}) },
        body,
      });
    expect((await put((await signedIn(app)).client, png)).status).toBe(403);
    expect((await put(trainer, Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml')).status).toBe(415);
    expect((await put(trainer, png)).status).toBe(204);
    const { event } = await trainer.ok(`query($id: ID!) { event(id: $id) { coverUrl } }`, { id });
    const res = await fetch(`${app.url}${event.coverUrl}`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('exports registrants as CSV for organisers', async () => {
    const { id, sessionIds } = await publishEvent(trainer, {}, 1);
    const a = await signedIn(app, { name: '이수민' });
    const b = await signedIn(app, { name: '박대기' });
    await a.client.ok(REGISTER, { s: sessionIds[0] });
    await b.client.ok(REGISTER, { s: sessionIds[0] });
    const res = await fetch(`${app.url}/api/events/${id}/registrations.csv`, {
      headers: { cookie: trainer.cookie! },
    });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.name, r.status, r.waitlist_position])).toEqual([
      ['이수민', 'CONFIRMED', ''],
      ['박대기', 'WAITLISTED', '1'],
    ]);
    const employee = await fetch(`${app.url}/api/events/${id}/registrations.csv`, {
      headers: { cookie: a.client.cookie! },
    });
    expect(employee.status).toBe(403);
    const list = await trainer.ok(
      `query($id: ID!) { eventRegistrants(eventId: $id, first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
      { id },
    );
    expect(list.eventRegistrants.totalCount).toBe(2);
    const next = await trainer.ok(
      `query($id: ID!, $after: String) { eventRegistrants(eventId: $id, first: 1, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
      { id, after: list.eventRegistrants.pageInfo.endCursor },
    );
    expect(next.eventRegistrants.edges[0].node.name).toBe('박대기');
    expect(next.eventRegistrants.pageInfo.hasNextPage).toBe(false);
  });
});
