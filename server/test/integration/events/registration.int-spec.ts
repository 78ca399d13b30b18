import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput, publishEvent, SESSION_FIELDS } from '../../factories/event.factory.js';
import { createDepartment, signedIn } from '../../factories/org.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { TicketNoticesService } from '../../../src/modules/events/ticket-notices.service.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const HOUR = 3_600_000;
const REGISTER = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status waitlistPosition waitlistPlace ticket } }`;
const CANCEL = `mutation($r: ID!) { cancelRegistration(registrationId: $r) { id status } }`;
const UPDATE = `mutation($id: ID!, $i: EventInput!) { updateEvent(id: $id, input: $i) { id sessions { ${SESSION_FIELDS} } } }`;
const SESSION = `query($id: ID!) { event(id: $id) { status sessions { ${SESSION_FIELDS} myRegistration { id status waitlistPlace canCancel } } } }`;
const GROUP = `mutation($s: ID!, $p: [ID!]!, $m: GroupRegistrationMode!) {
  registerGroup(sessionId: $s, personIds: $p, mode: $m) { confirmed waitlisted alreadyRegistered registrations { personId status } } }`;

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

async function sessionOf(client: GqlClient, eventId: string): Promise<AnyData> {
  return (await client.ok(SESSION, { id: eventId })).event.sessions[0];
}

async function registrationRows(sessionId: string) {
  return app.dataSource.query(
    `SELECT person_id, status, waitlist_position FROM event_registrations WHERE session_id = $1 ORDER BY registered_at`,
    [sessionId],
  );
}

describe('registration', () => {
  it('gives seats while there are seats, then waitlist places in arrival order', async () => {
    const { sessionIds } = await publishEvent(trainer, {}, 2);
    const people = await Promise.all([1, 2, 3, 4].map(() => signedIn(app)));
    const results = [];
    for (const p of people)
      results.push((await p.client.ok(REGISTER, { s: sessionIds[0] })).registerForSession);
    expect(results.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
    expect(results.map((r) => r.waitlistPlace)).toEqual([null, null, 1, 2]);
    expect(results[0].ticket).toMatch(/^PT1\./);
    expect(results[2].ticket).toBeNull();
    const seats = await sessionOf(people[0]!.client, (await eventOf(sessionIds[0]!)).id);
    expect(seats).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 2, seatsLeft: 0 });
  });

  it('is idempotent: registering again returns the same registration and changes nothing', async () => {
    const { sessionIds } = await publishEvent(trainer, {}, 1);
    const { client } = await signedIn(app);
    const first = (await client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    const again = (await client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    expect(again.id).toBe(first.id);
    expect(await registrationRows(sessionIds[0]!)).toHaveLength(1);
  });

  it('a double click (two requests at once) gives one registration', async () => {
    const { sessionIds } = await publishEvent(trainer, {}, 5);
    const { client } = await signedIn(app);
    const [a, b] = await Promise.all([
      client.ok(REGISTER, { s: sessionIds[0] }),
      client.ok(REGISTER, { s: sessionIds[0] }),
    ]);
    expect(a.registerForSession.id).toBe(b.registerForSession.id);
    expect(await registrationRows(sessionIds[0]!)).toHaveLength(1);
  });

  it('a cancellation gives the seat to the first waitlisted person, who is told in the app and by email', async () => {
    const { id, sessionIds } = await publishEvent(trainer, { titleKo: '승급 콘서트' }, 1);
    const holder = await signedIn(app);
    const first = await signedIn(app);
    const second = await signedIn(app);
    const held = (await holder.client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    await first.client.ok(REGISTER, { s: sessionIds[0] });
    await second.client.ok(REGISTER, { s: sessionIds[0] });
    expect((await holder.client.ok(CANCEL, { r: held.id })).cancelRegistration.status).toBe('CANCELLED');
    const mine = (await sessionOf(first.client, id)).myRegistration;
    expect(mine.status).toBe('CONFIRMED');
    expect((await sessionOf(second.client, id)).myRegistration).toMatchObject({
      status: 'WAITLISTED',
      waitlistPlace: 1,
    });
    const [promoted] = await app.dataSource.query(
      `SELECT promoted_at FROM event_registrations WHERE id = $1`,
      [mine.id],
    );
    expect(promoted.promoted_at).not.toBeNull();
    const notes = await first.client.ok(`{ myNotifications { edges { node { kind titleKo } } } }`);
    expect(notes.myNotifications.edges.map((e: AnyData) => e.node.kind)).toContain('EVENT_PROMOTED');
    const [mail] = await app.dataSource.query(`SELECT subject FROM email_outbox WHERE to_address = $1`, [
      first.person.email,
    ]);
    expect(mail.subject).toContain('승급 콘서트');
    // Cancelling again is a no-op, not a second promotion.
    await holder.client.ok(CANCEL, { r: held.id });
    expect((await sessionOf(second.client, id)).myRegistration.status).toBe('WAITLISTED');
  });

  it('re-registering after a cancellation keeps the same registration (and ticket)', async () => {
    const { sessionIds } = await publishEvent(trainer, {}, 3);
    const { client } = await signedIn(app);
    const first = (await client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    await client.ok(CANCEL, { r: first.id });
    const again = (await client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    expect(again).toMatchObject({ id: first.id, status: 'CONFIRMED', ticket: first.ticket });
  });

  it('raising the capacity promotes waiting people; lowering it below the confirmed count is refused', async () => {
    const { id, sessionIds } = await publishEvent(trainer, {}, 1);
    const people = await Promise.all([1, 2, 3].map(() => signedIn(app)));
    for (const p of people) await p.client.ok(REGISTER, { s: sessionIds[0] });
    const session = (s: string | undefined, capacity: number) => ({
      id: s,
      startsAt: base.sessions[0].startsAt,
      endsAt: base.sessions[0].endsAt,
      capacity,
    });
    const base = eventInput({}, 1);
    const raised = await trainer.ok(UPDATE, { id, i: { ...base, sessions: [session(sessionIds[0], 2)] } });
    expect(raised.updateEvent.sessions[0]).toMatchObject({
      capacity: 2,
      confirmedCount: 2,
      waitlistCount: 1,
    });
    expect((await sessionOf(people[1]!.client, id)).myRegistration.status).toBe('CONFIRMED');

    const lowered = await trainer.gql(UPDATE, {
      id,
      i: { ...base, titleKo: '바뀌면 안 됨', sessions: [session(sessionIds[0], 1)] },
    });
    expect(lowered.errors?.[0]?.extensions).toMatchObject({ code: 'CAPACITY_BELOW_CONFIRMED', confirmed: 2 });
    const [row] = await app.dataSource.query(
      `SELECT e.title_ko, s.capacity FROM events e JOIN event_sessions s ON s.event_id = e.id WHERE e.id = $1`,
      [id],
    );
    expect(row).toEqual({ title_ko: base.titleKo, capacity: 2 });
  });

  it('a session people registered for cannot be removed', async () => {
    const { id, sessionIds } = await publishEvent(trainer, {}, 3);
    const { client } = await signedIn(app);
    await client.ok(REGISTER, { s: sessionIds[0] });
    const start = Date.now() + 10 * 24 * HOUR;
    const other = {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + HOUR).toISOString(),
      capacity: 5,
    };
    expect(await trainer.code(UPDATE, { id, i: eventInput({ sessions: [other] }) })).toBe(
      'SESSION_HAS_REGISTRATIONS',
    );
  });

  it('refuses registering for cancelled, closed, started, not-yet-open and draft events, and outside the audience', async () => {
    const { client, person } = await signedIn(app);
    const now = Date.now();
    const past = {
      startsAt: new Date(now - 2 * HOUR).toISOString(),
      endsAt: new Date(now + HOUR).toISOString(),
      capacity: 5,
    };

    const cancelled = await publishEvent(trainer);
    await trainer.ok(`mutation($id: ID!) { cancelEvent(id: $id, reason: "비") { status } }`, {
      id: cancelled.id,
    });
    expect(await client.code(REGISTER, { s: cancelled.sessionIds[0] })).toBe('EVENT_CANCELLED');

    const closed = await publishEvent(trainer, {
      registrationClosesAt: new Date(now - HOUR).toISOString(),
      registrationOpensAt: new Date(now - 5 * HOUR).toISOString(),
    });
    expect(await client.code(REGISTER, { s: closed.sessionIds[0] })).toBe('REGISTRATION_CLOSED');

    const started = await publishEvent(trainer, { sessions: [past] });
    expect(await client.code(REGISTER, { s: started.sessionIds[0] })).toBe('EVENT_STARTED');

    const later = await publishEvent(trainer, {
      registrationOpensAt: new Date(now + 24 * HOUR).toISOString(),
    });
    const notOpen = await client.gql(REGISTER, { s: later.sessionIds[0] });
    expect(notOpen.errors?.[0]?.extensions?.code).toBe('REGISTRATION_NOT_OPEN');
    expect(notOpen.errors?.[0]?.extensions?.opensAt).toBeTruthy();

    const draft = await trainer.ok(
      `mutation($i: EventInput!) { createEvent(input: $i) { sessions { id } } }`,
      { i: eventInput() },
    );
    expect(await client.code(REGISTER, { s: draft.createEvent.sessions[0].id })).toBe('NOT_FOUND');

    const elsewhere = await createDepartment(app.dataSource);
    const restricted = await publishEvent(trainer, { audienceDepartmentIds: [elsewhere.id] });
    expect(await client.code(REGISTER, { s: restricted.sessionIds[0] })).toBe('NOT_IN_AUDIENCE');
    // Nothing was written by any of the refusals.
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM event_registrations WHERE person_id = $1`,
      [person.id],
    );
    expect(n).toBe(0);
  });

  it('lets people in a sub-department of the audience register', async () => {
    const parent = await createDepartment(app.dataSource);
    const child = await createDepartment(app.dataSource, { parentId: parent.id });
    const { client } = await signedIn(app, { departmentId: child.id });
    const { sessionIds } = await publishEvent(trainer, { audienceDepartmentIds: [parent.id] });
    expect((await client.ok(REGISTER, { s: sessionIds[0] })).registerForSession.status).toBe('CONFIRMED');
  });

  it('refuses cancelling someone else’s registration, and cancelling after the cut-off', async () => {
    const soon = Date.now() + 30 * 60_000;
    const { sessionIds } = await publishEvent(trainer, {
      cancelCutoffMinutes: 60,
      sessions: [
        { startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + HOUR).toISOString(), capacity: 5 },
      ],
    });
    const owner = await signedIn(app);
    const other = await signedIn(app);
    const reg = (await owner.client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    expect(await other.client.code(CANCEL, { r: reg.id })).toBe('FORBIDDEN');
    expect(await owner.client.code(CANCEL, { r: reg.id })).toBe('CANCELLATION_CLOSED');
    const [row] = await app.dataSource.query(`SELECT status FROM event_registrations WHERE id = $1`, [
      reg.id,
    ]);
    expect(row.status).toBe('CONFIRMED');
    // An organiser may still take the seat back (e.g. the person called in sick).
    expect((await trainer.ok(CANCEL, { r: reg.id })).cancelRegistration.status).toBe('CANCELLED');
  });

  it('validates events: capacity 0 or negative, end before start, no sessions', async () => {
    const start = Date.now() + 24 * HOUR;
    const at = (ms: number) => new Date(ms).toISOString();
    for (const [sessions, field] of [
      [[{ startsAt: at(start), endsAt: at(start + HOUR), capacity: 0 }], 'sessions.0.capacity'],
      [[{ startsAt: at(start), endsAt: at(start + HOUR), capacity: -5 }], 'sessions.0.capacity'],
      [[{ startsAt: at(start), endsAt: at(start - HOUR), capacity: 10 }], 'sessions.0.endsAt'],
      [[], 'sessions'],
    ] as const) {
      const res = await trainer.gql(`mutation($i: EventInput!) { createEvent(input: $i) { id } }`, {
        i: eventInput({ sessions }),
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect((res.errors?.[0]?.extensions?.fields as AnyData[]).map((f) => f.field)).toContain(field);
    }
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM event_sessions WHERE capacity <= 0`,
    );
    expect(n).toBe(0);
  });

  it('only organisers author events', async () => {
    const { client } = await signedIn(app, { roles: ['EMPLOYEE', 'MANAGER'] });
    expect(
      await client.code(`mutation($i: EventInput!) { createEvent(input: $i) { id } }`, { i: eventInput() }),
    ).toBe('FORBIDDEN');
  });

  it('cancelling an event tells every registrant and keeps their registrations', async () => {
    const { id, sessionIds } = await publishEvent(trainer, { titleKo: '취소될 연극' }, 1);
    const a = await signedIn(app);
    const b = await signedIn(app);
    await a.client.ok(REGISTER, { s: sessionIds[0] });
    await b.client.ok(REGISTER, { s: sessionIds[0] });
    const cancel = `mutation($id: ID!) { cancelEvent(id: $id, reason: "공연장 사정") { status cancelReason } }`;
    expect((await trainer.ok(cancel, { id })).cancelEvent).toEqual({
      status: 'CANCELLED',
      cancelReason: '공연장 사정',
    });
    await trainer.ok(cancel, { id });
    for (const p of [a, b]) {
      const rows = await app.dataSource.query(
        `SELECT kind FROM notifications WHERE person_id = $1 AND kind = 'EVENT_CANCELLED'`,
        [p.person.id],
      );
      expect(rows).toHaveLength(1);
    }
    expect((await sessionOf(a.client, id)).myRegistration).toMatchObject({
      status: 'CONFIRMED',
      canCancel: false,
    });
    expect(await trainer.code(UPDATE, { id, i: eventInput() })).toBe('EVENT_CANCELLED');
  });
});

describe('tickets', () => {
  it('a confirmed registration is sent its ticket once, in the app and by email', async () => {
    const { sessionIds } = await publishEvent(trainer, { titleKo: '입장권 콘서트' }, 1);
    const seated = await signedIn(app);
    const waiting = await signedIn(app);
    const reg = (await seated.client.ok(REGISTER, { s: sessionIds[0] })).registerForSession;
    await waiting.client.ok(REGISTER, { s: sessionIds[0] });
    const notices = app.palma.app.get(TicketNoticesService);
    await notices.drain();
    await notices.drain();
    const mails = await app.dataSource.query(
      `SELECT subject, body_text FROM email_outbox WHERE to_address = ANY($1::text[])`,
      [[seated.person.email, waiting.person.email]],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('입장권 콘서트');
    expect(mails[0].body_text).toContain(reg.ticket);
    const [row] = await app.dataSource.query(`SELECT ticket_sent_at FROM event_registrations WHERE id = $1`, [
      reg.id,
    ]);
    expect(row.ticket_sent_at).not.toBeNull();
  });
});

describe('group registration', () => {
  it('a manager registers people of their departments: all or none, or the rest to the waitlist', async () => {
    const team = await createDepartment(app.dataSource);
    const manager = await signedIn(app, { roles: ['EMPLOYEE', 'MANAGER'], departmentId: team.id });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [
      manager.person.id,
      team.id,
    ]);
    const members = await Promise.all([1, 2, 3].map(() => signedIn(app, { departmentId: team.id })));
    const ids = members.map((m) => m.person.id);
    const { sessionIds } = await publishEvent(trainer, {}, 2);

    const refused = await manager.client.gql(GROUP, { s: sessionIds[0], p: ids, m: 'ALL_OR_NONE' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_ENOUGH_SEATS',
      requested: 3,
      remaining: 2,
    });
    expect(await registrationRows(sessionIds[0]!)).toHaveLength(0);

    const done = (await manager.client.ok(GROUP, { s: sessionIds[0], p: ids, m: 'REST_TO_WAITLIST' }))
      .registerGroup;
    expect(done).toMatchObject({ confirmed: 2, waitlisted: 1, alreadyRegistered: 0 });
    expect(done.registrations.map((r: AnyData) => r.personId)).toEqual(ids);
    const again = (await manager.client.ok(GROUP, { s: sessionIds[0], p: ids, m: 'REST_TO_WAITLIST' }))
      .registerGroup;
    expect(again).toMatchObject({ confirmed: 0, waitlisted: 0, alreadyRegistered: 3 });
    await app.palma.app.get(TicketNoticesService).drain();
    const kinds = async (client: GqlClient) =>
      (await client.ok(`{ myNotifications { edges { node { kind bodyKo } } } }`)).myNotifications.edges.map(
        (e: AnyData) => e.node,
      );
    expect(await kinds(members[0]!.client)).toEqual([
      { kind: 'EVENT_CONFIRMED', bodyKo: expect.stringContaining('부서 관리자가 참석을 신청했습니다') },
    ]);
    expect((await kinds(members[2]!.client)).map((n: AnyData) => n.kind)).toEqual(['EVENT_WAITLISTED']);
  });

  it('refuses people outside the manager’s departments, and employees', async () => {
    const team = await createDepartment(app.dataSource);
    const manager = await signedIn(app, { roles: ['EMPLOYEE', 'MANAGER'], departmentId: team.id });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [
      manager.person.id,
      team.id,
    ]);
    const outsider = await signedIn(app);
    const { sessionIds } = await publishEvent(trainer, {}, 5);
    expect(
      await manager.client.code(GROUP, { s: sessionIds[0], p: [outsider.person.id], m: 'ALL_OR_NONE' }),
    ).toBe('FORBIDDEN');
    expect(
      await outsider.client.code(GROUP, { s: sessionIds[0], p: [outsider.person.id], m: 'ALL_OR_NONE' }),
    ).toBe('FORBIDDEN');
    expect(await manager.client.code(GROUP, { s: sessionIds[0], p: [randomUUID()], m: 'ALL_OR_NONE' })).toBe(
      'VALIDATION_FAILED',
    );
    expect(await registrationRows(sessionIds[0]!)).toHaveLength(0);
  });
});

describe('visibility', () => {
  it('employees see published events open to them; organisers also see drafts', async () => {
    const elsewhere = await createDepartment(app.dataSource);
    const hidden = await publishEvent(trainer, {
      titleKo: '다른 부서 행사',
      audienceDepartmentIds: [elsewhere.id],
    });
    const draft = await trainer.ok(`mutation($i: EventInput!) { createEvent(input: $i) { id } }`, {
      i: eventInput({ titleKo: '초안' }),
    });
    const open = await publishEvent(trainer, { titleKo: '모두의 행사' });
    const { client } = await signedIn(app);
    const list = await client.ok(`{ events(first: 100) { edges { node { id } } } }`);
    const ids = list.events.edges.map((e: AnyData) => e.node.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(draft.createEvent.id);
    expect(await client.code(`query($id: ID!) { event(id: $id) { id } }`, { id: draft.createEvent.id })).toBe(
      'NOT_FOUND',
    );
    const all = await trainer.ok(`{ events(first: 100) { edges { node { id } } } }`);
    expect(all.events.edges.map((e: AnyData) => e.node.id)).toContain(draft.createEvent.id);
  });

  it('filters by kind, period and open seats', async () => {
    const start = Date.now() + 40 * 24 * HOUR;
    const at = (ms: number) => new Date(ms).toISOString();
    const play = await publishEvent(trainer, {
      kind: 'PLAY',
      sessions: [{ startsAt: at(start), endsAt: at(start + HOUR), capacity: 1 }],
    });
    const { client } = await signedIn(app);
    const q = `query($f: EventFilterInput) { events(filter: $f, first: 100) { edges { node { id } } } }`;
    const ids = async (f: AnyData) => (await client.ok(q, { f })).events.edges.map((e: AnyData) => e.node.id);
    expect(await ids({ kinds: ['PLAY'], from: at(start - HOUR), to: at(start + HOUR) })).toEqual([play.id]);
    expect(await ids({ kinds: ['TALK'], from: at(start - HOUR), to: at(start + HOUR) })).toEqual([]);
    await client.ok(REGISTER, { s: play.sessionIds[0] });
    expect(await ids({ kinds: ['PLAY'], from: at(start - HOUR), openSeatsOnly: true })).toEqual([]);
  });
});

async function eventOf(sessionId: string): Promise<{ id: string }> {
  const [row] = await app.dataSource.query(`SELECT event_id AS id FROM event_sessions WHERE id = $1`, [
    sessionId,
  ]);
  return row;
}
