import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput, publishEvent } from '../../factories/event.factory.js';
import { signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const HOUR = 3_600_000;
const REGISTER = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status } }`;
const ROTATE = `mutation { rotateCalendarFeed { url createdAt } }`;

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

/** Parses iCalendar text with ical.js (Mozilla's parser) and returns its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      sequence: e.sequence,
      status: v.getFirstPropertyValue('status'),
      location: e.location,
    };
  });
}

async function download(client: GqlClient, path: string) {
  const res = await fetch(`${app.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('iCalendar', () => {
  it('an event downloads as .ics with one event per session; updates raise SEQUENCE, cancelling sets STATUS', async () => {
    const start = Math.floor(Date.now() / HOUR) * HOUR + 5 * 24 * HOUR; // iCalendar keeps whole seconds
    const at = (ms: number) => new Date(ms).toISOString();
    const sessions = [
      { startsAt: at(start), endsAt: at(start + 2 * HOUR), capacity: 10 },
      { startsAt: at(start + 5 * HOUR), endsAt: at(start + 7 * HOUR), capacity: 10 },
    ];
    const { id, sessionIds } = await publishEvent(trainer, { titleKo: '청렴 연극 「선물」', sessions });
    const { client } = await signedIn(app);
    const first = await download(client, `/api/events/${id}/calendar.ics`);
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^text\/calendar/);
    const events = parse(first.text);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      summary: '청렴 연극 「선물」',
      start: sessions[0]!.startsAt,
      end: sessions[0]!.endsAt,
      status: 'CONFIRMED',
      location: '시청 대강당',
    });
    expect(events.map((e) => e.uid.split('@')[0])).toEqual(sessionIds);

    await trainer.ok(`mutation($id: ID!, $i: EventInput!) { updateEvent(id: $id, input: $i) { id } }`, {
      id,
      i: eventInput({
        titleKo: '청렴 연극 「선물」',
        venue: '소강당',
        sessions: sessions.map((s, i) => ({ ...s, id: sessionIds[i] })),
      }),
    });
    const updated = parse((await download(client, `/api/events/${id}/calendar.ics`)).text);
    expect(updated[0]!.sequence).toBeGreaterThan(events[0]!.sequence);
    expect(updated[0]!.location).toBe('소강당');
    expect(updated[0]!.uid).toBe(events[0]!.uid);

    await trainer.ok(`mutation($id: ID!) { cancelEvent(id: $id) { id } }`, { id });
    const cancelled = parse((await download(client, `/api/events/${id}/calendar.ics`)).text);
    expect(cancelled.map((e) => e.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(cancelled[0]!.sequence).toBeGreaterThan(updated[0]!.sequence);
  });

  it('drafts and unknown events are not downloadable; anonymous requests are refused', async () => {
    const draft = await trainer.ok(`mutation($i: EventInput!) { createEvent(input: $i) { id } }`, {
      i: eventInput(),
    });
    const { client } = await signedIn(app);
    expect((await download(client, `/api/events/${draft.createEvent.id}/calendar.ics`)).status).toBe(404);
    const { id } = await publishEvent(trainer);
    expect((await download(app.client(), `/api/events/${id}/calendar.ics`)).status).toBe(401);
  });

  it('a personal feed lists the sessions one registered for, follows changes, and can be replaced or turned off', async () => {
    const { client } = await signedIn(app);
    expect((await client.ok(`{ myCalendarFeed { url } }`)).myCalendarFeed).toBeNull();
    const seat = await publishEvent(trainer, { titleKo: '좌석 있음' }, 1);
    const full = await publishEvent(trainer, { titleKo: '대기 중' }, 1);
    const other = await publishEvent(trainer, { titleKo: '신청 안 함' });
    await client.ok(REGISTER, { s: seat.sessionIds[0] });
    await (await signedIn(app)).client.ok(REGISTER, { s: full.sessionIds[0] });
    await client.ok(REGISTER, { s: full.sessionIds[0] });
    void other;

    const feed = (await client.ok(ROTATE)).rotateCalendarFeed;
    expect((await client.ok(`{ myCalendarFeed { url } }`)).myCalendarFeed.url).toBe(feed.url);
    const path = new URL(feed.url).pathname;
    const anonymous = app.client();
    const listed = parse((await download(anonymous, path)).text);
    expect(listed.map((e) => [e.summary, e.status])).toEqual([
      ['좌석 있음', 'CONFIRMED'],
      ['대기 중', 'TENTATIVE'],
    ]);

    await trainer.ok(`mutation($id: ID!) { cancelEvent(id: $id) { id } }`, { id: seat.id });
    const after = parse((await download(anonymous, path)).text);
    expect(after.find((e) => e.summary === '좌석 있음')?.status).toBe('CANCELLED');

    const replaced = (await client.ok(ROTATE)).rotateCalendarFeed;
    expect(replaced.url).not.toBe(feed.url);
    expect((await download(anonymous, path)).status).toBe(404);
    expect((await download(anonymous, new URL(replaced.url).pathname)).status).toBe(200);

    const forged = new URL(replaced.url).pathname.replace(/.(?=\.ics$)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await download(anonymous, forged)).status).toBe(404);

    expect((await client.ok(`mutation { revokeCalendarFeed }`)).revokeCalendarFeed).toBe(true);
    expect((await download(anonymous, new URL(replaced.url).pathname)).status).toBe(404);
  });
});
