import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent } from '../../factories/event.factory.js';
import { signedIn } from '../../factories/org.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { onRealPostgres, startTestApp, type TestApp } from '../../utils/test-app.js';

const REGISTER = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status ticket } }`;
const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { checkInId checkedInAt attendee { registrationId name status checkInId } } }`;
const UNDO = `mutation($id: ID!, $reason: String!) { undoCheckIn(checkInId: $id, reason: $reason) { id undoneAt undoReason } }`;
const CREDITS = `{ myCreditSummary { minutes xp } }`;

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

async function ledger(personId: string) {
  return app.dataSource.query(
    `SELECT source_kind, minutes, xp FROM credit_entries WHERE person_id = $1 ORDER BY occurred_at, source_kind DESC`,
    [personId],
  );
}

/** A published event (credit 60 min), one attendee holding a confirmed ticket. */
async function ticketHolder(capacity = 5) {
  const event = await publishEvent(trainer, { creditMinutes: 60 }, capacity);
  const attendee = await signedIn(app);
  const reg = (await attendee.client.ok(REGISTER, { s: event.sessionIds[0] })).registerForSession;
  return { event, attendee, reg, sessionId: event.sessionIds[0]! };
}

describe('check-in', () => {
  it('checks a ticket in once, crediting the event’s minutes to the attendee', async () => {
    const { attendee, reg, sessionId } = await ticketHolder();
    const before = (await attendee.client.ok(CREDITS)).myCreditSummary;
    const done = (await trainer.ok(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId: randomUUID() } }))
      .checkIn;
    expect(done.attendee).toMatchObject({
      registrationId: reg.id,
      status: 'CONFIRMED',
      checkInId: done.checkInId,
    });
    expect(await ledger(attendee.person.id)).toEqual([
      { source_kind: 'EVENT_ATTENDANCE', minutes: 60, xp: 30 },
    ]);
    const after = (await attendee.client.ok(CREDITS)).myCreditSummary;
    expect(after.minutes - before.minutes).toBe(60);

    // A replayed ticket is refused with who and when; nothing more is credited.
    const replay = await trainer.gql(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId: randomUUID() } });
    expect(replay.errors?.[0]?.extensions).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
      checkedInAt: done.checkedInAt,
    });
    expect(await ledger(attendee.person.id)).toHaveLength(1);
    const [{ checked_in_count }] = await app.dataSource.query(
      `SELECT checked_in_count FROM event_sessions WHERE id = $1`,
      [sessionId],
    );
    expect(checked_in_count).toBe(1);
  });

  it('a retried scan (same scan id) returns the same check-in', async () => {
    const { reg, sessionId } = await ticketHolder();
    const scanId = randomUUID();
    const a = (await trainer.ok(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId } })).checkIn;
    const b = (await trainer.ok(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId } })).checkIn;
    expect(b.checkInId).toBe(a.checkInId);
  });

  it('refuses forged, waitlisted, cancelled and other sessions’ tickets with their reason, changing nothing', async () => {
    const { reg, sessionId, event } = await ticketHolder(1);
    const code = async (token: string, session = sessionId) =>
      trainer.code(CHECK_IN, { i: { sessionId: session, token, scanId: randomUUID() } });

    const [prefix, id, mac] = reg.ticket.split('.');
    expect(await code(`${prefix}.${id}.${mac.slice(0, -2)}AA`)).toBe('TICKET_INVALID');
    expect(await code('https://example.com/not-a-ticket')).toBe('TICKET_INVALID');
    const someoneElse = (await ticketHolder()).reg;
    expect(await code(`${prefix}.${someoneElse.ticket.split('.')[1]}.${mac}`)).toBe('TICKET_INVALID');
    expect(await code(someoneElse.ticket)).toBe('TICKET_WRONG_SESSION');

    const waiting = await signedIn(app);
    const waitReg = (await waiting.client.ok(REGISTER, { s: sessionId })).registerForSession;
    expect(waitReg.status).toBe('WAITLISTED');
    // A waitlisted person has no ticket in the app; a token signed for their registration is still refused.
    const signer = (
      app.palma.app.get(
        (await import('../../../src/modules/events/check-in.service.js')).CheckInService,
      ) as AnyData
    ).tickets;
    expect(await code(signer.sign(waitReg.id))).toBe('TICKET_WAITLISTED');

    const leaver = await ticketHolder();
    await leaver.attendee.client.ok(`mutation($r: ID!) { cancelRegistration(registrationId: $r) { id } }`, {
      r: leaver.reg.id,
    });
    expect(await code(leaver.reg.ticket, leaver.sessionId)).toBe('TICKET_CANCELLED');

    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM event_check_ins WHERE session_id = ANY($1::uuid[])`,
      [[sessionId, leaver.sessionId, ...event.sessionIds]],
    );
    expect(n).toBe(0);
  });

  it('only organisers and the event’s staff may check people in', async () => {
    const helper = await signedIn(app);
    const event = await publishEvent(trainer, { staffPersonIds: [helper.person.id] }, 5);
    const attendee = await signedIn(app);
    const reg = (await attendee.client.ok(REGISTER, { s: event.sessionIds[0] })).registerForSession;
    const stranger = await signedIn(app);
    const input = { sessionId: event.sessionIds[0], token: reg.ticket, scanId: randomUUID() };
    expect(await stranger.client.code(CHECK_IN, { i: input })).toBe('FORBIDDEN');
    expect(await attendee.client.code(CHECK_IN, { i: input })).toBe('FORBIDDEN');
    expect(
      await stranger.client.code(
        `query($s: ID!) { checkInSearch(sessionId: $s, query: "테스트") { name } }`,
        { s: event.sessionIds[0] },
      ),
    ).toBe('FORBIDDEN');
    expect((await helper.client.ok(CHECK_IN, { i: input })).checkIn.attendee.registrationId).toBe(reg.id);
    const staff = await trainer.ok(`query($id: ID!) { event(id: $id) { staff { personId name } } }`, {
      id: event.id,
    });
    expect(staff.event.staff).toEqual([{ personId: helper.person.id, name: helper.person.name }]);
    const found = await trainer.ok(`query($q: String!) { eventStaffCandidates(query: $q) { personId } }`, {
      q: helper.person.employeeNumber,
    });
    expect(found.eventStaffCandidates).toEqual([{ personId: helper.person.id }]);
    expect(await helper.client.code(`{ eventStaffCandidates(query: "a") { personId } }`)).toBe('FORBIDDEN');
    const staffed = await helper.client.ok(`{ checkInEvents { id } }`);
    expect(staffed.checkInEvents.map((e: AnyData) => e.id)).toEqual([event.id]);
  });

  it('finds registrants by name or employee number for manual check-in', async () => {
    const event = await publishEvent(trainer, {}, 5);
    const attendee = await signedIn(app, {
      name: '김청렴',
      employeeNumber: `E-FIND-${randomUUID().slice(0, 6)}`,
    });
    const reg = (await attendee.client.ok(REGISTER, { s: event.sessionIds[0] })).registerForSession;
    const search = `query($s: ID!, $q: String!) { checkInSearch(sessionId: $s, query: $q) { registrationId name status } }`;
    expect((await trainer.ok(search, { s: event.sessionIds[0], q: '청렴' })).checkInSearch).toEqual([
      { registrationId: reg.id, name: '김청렴', status: 'CONFIRMED' },
    ]);
    expect(
      (await trainer.ok(search, { s: event.sessionIds[0], q: attendee.person.employeeNumber })).checkInSearch,
    ).toHaveLength(1);
    expect((await trainer.ok(search, { s: event.sessionIds[0], q: '%' })).checkInSearch).toEqual([]);
    await trainer.ok(CHECK_IN, {
      i: { sessionId: event.sessionIds[0], registrationId: reg.id, scanId: randomUUID() },
    });
    const recent = await trainer.ok(`query($s: ID!) { recentCheckIns(sessionId: $s) { name checkedInAt } }`, {
      s: event.sessionIds[0],
    });
    expect(recent.recentCheckIns.map((r: AnyData) => r.name)).toEqual(['김청렴']);
  });

  it('undo reverses the credit once and is recorded; the person can be checked in again', async () => {
    const { attendee, reg, sessionId } = await ticketHolder();
    const first = (await trainer.ok(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId: randomUUID() } }))
      .checkIn;
    const undone = (await trainer.ok(UNDO, { id: first.checkInId, reason: '다른 사람을 스캔함' }))
      .undoCheckIn;
    expect(undone).toMatchObject({ id: first.checkInId, undoReason: '다른 사람을 스캔함' });
    expect(undone.undoneAt).toBeTruthy();
    expect(await trainer.code(UNDO, { id: first.checkInId, reason: 'again' })).toBe('CHECK_IN_UNDONE');
    const rows = await ledger(attendee.person.id);
    expect(rows).toEqual([
      { source_kind: 'EVENT_ATTENDANCE', minutes: 60, xp: 30 },
      { source_kind: 'ADJUSTMENT', minutes: -60, xp: -30 },
    ]);
    const [{ checked_in_count }] = await app.dataSource.query(
      `SELECT checked_in_count FROM event_sessions WHERE id = $1`,
      [sessionId],
    );
    expect(checked_in_count).toBe(0);
    await trainer.ok(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId: randomUUID() } });
    const total = (await ledger(attendee.person.id)).reduce((sum: number, r: AnyData) => sum + r.minutes, 0);
    expect(total).toBe(60);
    const stranger = await signedIn(app);
    expect(await stranger.client.code(UNDO, { id: first.checkInId, reason: 'x' })).toBe('FORBIDDEN');
  });

  it('attendance counts toward an active campaign', async () => {
    const admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
    const { attendee, reg, sessionId } = await ticketHolder();
    const DAY = 86_400_000;
    const campaign = await admin.ok(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
      i: {
        nameKo: '행사 출석 캠페인',
        nameEn: 'Attendance campaign',
        periodStart: new Date(Date.now() - DAY).toISOString(),
        periodEnd: new Date(Date.now() + 60 * DAY).toISOString(),
        dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
        tiers: [{ nameKo: '전원', nameEn: 'All', everyone: true, minutesTarget: 120 }],
      },
    });
    await admin.ok(`mutation($id: ID!) { activateCampaign(id: $id) { id } }`, {
      id: campaign.createCampaign.id,
    });
    const minutes = async () =>
      (await attendee.client.ok(`{ myTraining { campaign { id } minutesEarned } }`)).myTraining.find(
        (t: AnyData) => t.campaign.id === campaign.createCampaign.id,
      ).minutesEarned;
    expect(await minutes()).toBe(0);
    await trainer.ok(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId: randomUUID() } });
    expect(await minutes()).toBe(60);
  });
});

describe.runIf(onRealPostgres)('several staff scanning at once (PostgreSQL)', () => {
  it('the same ticket scanned by five staff at once is checked in and credited once', async () => {
    const { attendee, reg, sessionId } = await ticketHolder();
    const staff = await Promise.all(Array.from({ length: 5 }, () => signedIn(app, { roles: ['TRAINER'] })));
    const results = await Promise.all(
      staff.map((s) => s.client.gql(CHECK_IN, { i: { sessionId, token: reg.ticket, scanId: randomUUID() } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'ALREADY_CHECKED_IN')).toHaveLength(4);
    expect(await ledger(attendee.person.id)).toHaveLength(1);
  });
});
