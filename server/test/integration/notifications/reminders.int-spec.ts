import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '../../../src/modules/notifications/notifications.service.js';
import { createDepartment, signedIn } from '../../factories/org.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';
import { take, wsClient } from '../../utils/ws.js';

const DAY = 86_400_000;
const RUN = `mutation { runCampaignReminders { reminders overdue digests } }`;
const MINE = `{ unreadNotificationCount myNotifications(first: 20) { totalCount edges { node { id kind titleKo titleEn link readAt } } } }`;

let app: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
});
afterAll(() => app?.close());

async function campaignFor(departmentId: string, dueInDays: number, minutesTarget = 60): Promise<string> {
  const now = Date.now();
  const { createCampaign } = await admin.ok(
    `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
    {
      i: {
        nameKo: `알림 캠페인 ${dueInDays}`,
        nameEn: `Reminder campaign ${dueInDays}`,
        periodStart: new Date(now - 60 * DAY).toISOString(),
        periodEnd: new Date(now + 60 * DAY).toISOString(),
        dueAt: new Date(now + dueInDays * DAY).toISOString(),
        tiers: [{ nameKo: 'd', nameEn: 'd', departmentIds: [departmentId], minutesTarget }],
      },
    },
  );
  await admin.ok(`mutation($id: ID!) { activateCampaign(id: $id) { id } }`, { id: createCampaign.id });
  return createCampaign.id;
}

describe('campaign reminders', () => {
  it('remind once before the due date, in-app and by email, and never twice', async () => {
    const dept = await createDepartment(app.dataSource);
    const { person, client } = await signedIn(app, { departmentId: dept.id });
    const { client: later } = await signedIn(app, {
      departmentId: (await createDepartment(app.dataSource)).id,
    });
    await campaignFor(dept.id, 5);

    const ws = wsClient(app.url, client.cookie);
    const live = take<{ notificationAdded: { kind: string } }>(
      ws,
      `subscription { notificationAdded { kind titleKo } }`,
      1,
    );
    await live.ready;
    await admin.ok(RUN);
    expect((await live.done)[0].notificationAdded.kind).toBe('TRAINING_DUE_SOON');
    await ws.dispose();

    const mine = await client.ok(MINE);
    expect(mine.unreadNotificationCount).toBe(1);
    expect(mine.myNotifications.edges[0].node).toMatchObject({
      kind: 'TRAINING_DUE_SOON',
      titleKo: '교육 기한 D-5: 알림 캠페인 5',
      link: '/',
    });
    const emails = await app.dataSource.query(
      `SELECT to_address, subject, sent_at FROM email_outbox WHERE to_address = $1`,
      [person.email],
    );
    expect(emails).toEqual([
      { to_address: person.email, subject: '[Palma] 교육 기한 D-5: 알림 캠페인 5', sent_at: null },
    ]);

    await admin.ok(RUN);
    expect((await client.ok(MINE)).myNotifications.totalCount).toBe(1);
    expect((await later.ok(MINE)).myNotifications.totalCount).toBe(0);

    // The outbox worker sends (here: to the log, no SMTP configured) exactly once.
    const notifications = app.palma.app.get(NotificationsService);
    expect(await notifications.sendPendingEmails()).toBeGreaterThanOrEqual(1);
    const [{ sent_at }] = await app.dataSource.query(
      `SELECT sent_at FROM email_outbox WHERE to_address = $1`,
      [person.email],
    );
    expect(sent_at).not.toBeNull();
  });

  it('notify the overdue once and give their manager a weekly digest', async () => {
    const dept = await createDepartment(app.dataSource);
    const { client } = await signedIn(app, { departmentId: dept.id });
    const { person: head, client: manager } = await signedIn(app, {
      roles: ['MANAGER'],
      departmentId: dept.id,
    });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [head.id, dept.id]);
    await campaignFor(dept.id, -2);
    await admin.ok(RUN);
    await admin.ok(RUN);
    const kinds = (await client.ok(MINE)).myNotifications.edges.map(
      (e: { node: { kind: string } }) => e.node.kind,
    );
    expect(kinds).toEqual(['TRAINING_OVERDUE']);
    const managerKinds = (await manager.ok(MINE)).myNotifications.edges.map(
      (e: { node: { kind: string; titleKo: string } }) => e.node,
    );
    expect(managerKinds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'MANAGER_OVERDUE_DIGEST',
          titleKo: expect.stringMatching(/^기한이 지난 직원 2명/),
        }),
      ]),
    );
    expect(managerKinds.filter((n: { kind: string }) => n.kind === 'MANAGER_OVERDUE_DIGEST')).toHaveLength(1);
  });

  it('leave people who completed in peace', async () => {
    const dept = await createDepartment(app.dataSource);
    const { person, client } = await signedIn(app, { departmentId: dept.id });
    await campaignFor(dept.id, 3, 30);
    await app.dataSource.query(
      `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label) VALUES ($1, 'ADJUSTMENT', gen_random_uuid(), 30, 0, 't')`,
      [person.id],
    );
    await admin.ok(RUN);
    expect((await client.ok(MINE)).myNotifications.totalCount).toBe(0);
  });
});

describe('the bell', () => {
  it('marks read only the viewer’s own notifications', async () => {
    const dept = await createDepartment(app.dataSource);
    const { client } = await signedIn(app, { departmentId: dept.id });
    const { client: other } = await signedIn(app, { departmentId: dept.id });
    await campaignFor(dept.id, 1);
    await admin.ok(RUN);
    const theirs = (await other.ok(MINE)).myNotifications.edges[0].node.id;
    expect(
      await client.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [theirs] }),
    ).toEqual({ markNotificationsRead: 0 });
    expect((await other.ok(MINE)).unreadNotificationCount).toBe(1);
    expect(await client.ok(`mutation { markNotificationsRead }`)).toEqual({ markNotificationsRead: 1 });
    expect((await client.ok(MINE)).unreadNotificationCount).toBe(0);
  });
  it('pages through notifications written within one millisecond without skipping any, and refuses a forged cursor', async () => {
    const { client, person } = await signedIn(app);
    // Five notifications 100 µs apart: all within one millisecond, as a burst of writes can be.
    await app.dataSource.query(
      `INSERT INTO notifications (person_id, kind, title_ko, title_en, dedupe_key, created_at)
       SELECT $1, 'TEST', '알림 ' || i, 'Notice ' || i, 'burst-' || i,
              timestamptz '2026-11-20 09:00:00.000100+00' + i * interval '100 microseconds'
         FROM generate_series(0, 4) AS i`,
      [person.id],
    );
    const PAGE = `query($after: String) { myNotifications(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { titleEn } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { myNotifications: list }: AnyData = await client.ok(PAGE, { after });
      expect(list.totalCount).toBe(5);
      seen.push(...list.edges.map((e: { node: { titleEn: string } }) => e.node.titleEn));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Notice 4', 'Notice 3', 'Notice 2', 'Notice 1', 'Notice 0']);
    const forged = Buffer.from(JSON.stringify(['2026-11-20T09:00:00.000Z', 'x'])).toString('base64url');
    expect(await client.code(PAGE, { after: forged })).toBe('BAD_CURSOR');
  });
});
