import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/common/auth/viewer.js';
import type { Person } from '../../../src/modules/org/person.entity.js';
import { RegistrationsService } from '../../../src/modules/events/registrations.service.js';
import { REGISTER_BATCH_SQL } from '../../../src/modules/events/registration.sql.js';
import { publishEvent } from '../../factories/event.factory.js';
import { createDepartment, createPerson, signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { onRealPostgres, startTestApp, type TestApp } from '../../utils/test-app.js';

const REGISTER = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status } }`;
const CANCEL = `mutation($r: ID!) { cancelRegistration(registrationId: $r) { id status } }`;

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

const viewerOf = (p: Person): Viewer => ({
  sessionId: 'test',
  personId: p.id,
  roles: ['EMPLOYEE'],
  departmentId: p.departmentId,
});

async function counts(sessionId: string) {
  const [row] = await app.dataSource.query(
    `SELECT confirmed_count, waitlist_count, waitlist_next FROM event_sessions WHERE id = $1`,
    [sessionId],
  );
  return row;
}

describe('registering in batches (event_register_batch)', () => {
  it('decides a batch in arrival order: the last seats, then waitlist places; a person asked twice counts once, outsiders and holders get nothing new, a cancelled registration comes back with its id', async () => {
    const audience = await createDepartment(app.dataSource);
    const sub = await createDepartment(app.dataSource, { parentId: audience.id });
    const elsewhere = await createDepartment(app.dataSource);
    const { sessionIds } = await publishEvent(trainer, { audienceDepartmentIds: [audience.id] }, 2);
    const sessionId = sessionIds[0]!;
    const [holder, comeback] = await Promise.all([
      signedIn(app, { departmentId: audience.id }),
      signedIn(app, { departmentId: sub.id }),
    ]);
    const held = (await holder.client.ok(REGISTER, { s: sessionId })).registerForSession;
    const cancelled = (await comeback.client.ok(REGISTER, { s: sessionId })).registerForSession;
    await comeback.client.ok(CANCEL, { r: cancelled.id });
    const [first, outsider, third] = await Promise.all([
      createPerson(app, { departmentId: sub.id }),
      createPerson(app, { departmentId: elsewhere.id }),
      createPerson(app, { departmentId: audience.id }),
    ]);

    const rows = await app.dataSource.query(REGISTER_BATCH_SQL, [
      sessionId,
      [first.id, outsider.id, first.id, third.id, comeback.person.id, holder.person.id],
      null,
    ]);

    expect(
      rows.map((r: Record<string, unknown>) => [
        r.personId,
        r.inAudience,
        r.made,
        r.status,
        r.waitlistPosition,
      ]),
    ).toEqual([
      [first.id, true, true, 'CONFIRMED', null],
      [outsider.id, false, false, null, null],
      [third.id, true, true, 'WAITLISTED', 1],
      [comeback.person.id, true, true, 'WAITLISTED', 2],
      [holder.person.id, true, false, 'CONFIRMED', null],
    ]);
    const byPerson = new Map(rows.map((r: { personId: string }) => [r.personId, r]));
    expect(byPerson.get(comeback.person.id)).toMatchObject({ id: cancelled.id, cancelledAt: null });
    expect(byPerson.get(holder.person.id)).toMatchObject({ id: held.id });
    // Registration times follow the order in which seats and places were handed out.
    const stored = await app.dataSource.query(
      `SELECT person_id FROM event_registrations WHERE session_id = $1 AND status <> 'CANCELLED' ORDER BY registered_at`,
      [sessionId],
    );
    expect(stored.map((r: { person_id: string }) => r.person_id)).toEqual([
      holder.person.id,
      first.id,
      third.id,
      comeback.person.id,
    ]);
    expect(await counts(sessionId)).toEqual({ confirmed_count: 2, waitlist_count: 2, waitlist_next: 3 });
  });

  it('returns nothing for an unknown session, and writes nothing for a closed one', async () => {
    const person = await createPerson(app);
    expect(
      await app.dataSource.query(REGISTER_BATCH_SQL, [
        '00000000-0000-4000-8000-000000000000',
        [person.id],
        null,
      ]),
    ).toEqual([]);
    const { id, sessionIds } = await publishEvent(trainer, {}, 5);
    await trainer.ok(`mutation($id: ID!) { cancelEvent(id: $id, reason: "비") { id } }`, { id });
    const [row] = await app.dataSource.query(REGISTER_BATCH_SQL, [sessionIds[0], [person.id], null]);
    expect(row).toMatchObject({ eventStatus: 'CANCELLED', made: false, id: null });
    expect(await counts(sessionIds[0]!)).toEqual({ confirmed_count: 0, waitlist_count: 0, waitlist_next: 1 });
  });

  it('registrations that queue behind one in flight go together as one batch: one transaction for all of them', async () => {
    const { sessionIds } = await publishEvent(trainer, {}, 10);
    const sessionId = sessionIds[0]!;
    const dept = await createDepartment(app.dataSource);
    const people = await Promise.all(
      Array.from({ length: 30 }, () => createPerson(app, { departmentId: dept.id })),
    );
    const service = app.palma.app.get(RegistrationsService);
    // All asked at once, one of them twice (a double click): the first goes alone, the rest queue.
    const asked = [...people, people[7]!];
    const results = await Promise.all(asked.map((p) => service.register(viewerOf(p), sessionId)));

    expect(results[30]).toEqual(results[7]);
    expect(results.slice(0, 30).filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);
    expect(new Set(results.map((r) => r.id)).size).toBe(30);
    expect(results.map((r) => r.personId)).toEqual(asked.map((p) => p.id));
    // Arrival order: the first ten asked got the seats, the others waitlist places 1…20 in order.
    expect(results.slice(0, 10).every((r) => r.status === 'CONFIRMED')).toBe(true);
    expect(results.slice(10, 30).map((r) => r.waitlistPosition)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const [{ transactions, rows }] = await app.dataSource.query(
      `SELECT count(DISTINCT xmin::text)::int AS transactions, count(*)::int AS rows
         FROM event_registrations WHERE session_id = $1`,
      [sessionId],
    );
    expect(rows).toBe(30);
    expect(transactions).toBe(2);
    expect(await counts(sessionId)).toEqual({ confirmed_count: 10, waitlist_count: 20, waitlist_next: 21 });
  });

  it('a refused person in a batch gets their reason; the others in the same batch are registered', async () => {
    const elsewhere = await createDepartment(app.dataSource);
    const audience = await createDepartment(app.dataSource);
    const { sessionIds } = await publishEvent(trainer, { audienceDepartmentIds: [audience.id] }, 3);
    const [a, outsider, b] = await Promise.all([
      createPerson(app, { departmentId: audience.id }),
      createPerson(app, { departmentId: elsewhere.id }),
      createPerson(app, { departmentId: audience.id }),
    ]);
    const service = app.palma.app.get(RegistrationsService);
    const settled = await Promise.allSettled(
      [a, a, outsider, b].map((p) => service.register(viewerOf(p), sessionIds[0]!)),
    );
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'NOT_IN_AUDIENCE' });
    expect(await counts(sessionIds[0]!)).toMatchObject({ confirmed_count: 2 });
  });

  it.runIf(onRealPostgres)(
    'batches from several server processes at once (overlapping people) never overbook, never leave a seat free while people wait, and keep one registration per person',
    async () => {
      const { sessionIds } = await publishEvent(trainer, {}, 25);
      const sessionId = sessionIds[0]!;
      const dept = await createDepartment(app.dataSource);
      const people = await Promise.all(
        Array.from({ length: 80 }, () => createPerson(app, { departmentId: dept.id })),
      );
      const ids = people.map((p) => p.id);
      // Eight "processes": each sends overlapping batches on its own connection, all at once.
      const batches = Array.from({ length: 8 }, (_, i) => ids.slice(i * 8, i * 8 + 24));
      const results = await Promise.all(
        batches.map((batch) => app.dataSource.query(REGISTER_BATCH_SQL, [sessionId, batch, null])),
      );
      const registrationOfPerson = new Map<string, string>();
      for (const rows of results)
        for (const r of rows as { personId: string; id: string }[]) {
          expect(r.id).toBeTruthy();
          expect(registrationOfPerson.get(r.personId) ?? r.id).toBe(r.id);
          registrationOfPerson.set(r.personId, r.id);
        }
      expect(registrationOfPerson.size).toBe(new Set(batches.flat()).size);
      const [state] = await app.dataSource.query(
        `SELECT s.confirmed_count, s.waitlist_count,
                count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
                count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waiting,
                count(DISTINCT r.waitlist_position)::int AS positions,
                count(DISTINCT r.person_id)::int AS people
           FROM event_sessions s JOIN event_registrations r ON r.session_id = s.id
          WHERE s.id = $1 GROUP BY s.id`,
        [sessionId],
      );
      expect(state).toEqual({
        confirmed_count: 25,
        waitlist_count: registrationOfPerson.size - 25,
        confirmed: 25,
        waiting: registrationOfPerson.size - 25,
        positions: registrationOfPerson.size - 25,
        people: registrationOfPerson.size,
      });
    },
  );
});
