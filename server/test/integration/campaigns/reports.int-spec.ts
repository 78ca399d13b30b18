import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createTree, signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const DAY = 86_400_000;
const REPORT = `query($c: ID!, $d: ID, $s: TrainingStatus) { campaignReport(campaignId: $c, departmentId: $d) {
  departmentIds csvUrl
  totals { headcount completed inProgress notStarted overdue }
  children { departmentId counts { headcount completed inProgress notStarted overdue } }
  participants(status: $s, first: 100) { totalCount edges { node { name status percent minutesEarned } } }
} }`;

let app: TestApp;
let admin: GqlClient;
let manager: GqlClient;
let tree: Awaited<ReturnType<typeof createTree>>;
let campaignId: string;
let outsider: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
  tree = await createTree(app.dataSource);
  const head = await signedIn(app, { roles: ['MANAGER'], departmentId: tree.a.id, name: '가부서장' });
  manager = head.client;
  await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [
    head.person.id,
    tree.a.id,
  ]);
  const done = await createPerson(app, { departmentId: tree.a.id, name: '나완료' });
  const going = await createPerson(app, { departmentId: tree.a1.id, name: '다진행' });
  await createPerson(app, { departmentId: tree.a1.id, name: '라미시작' });
  outsider = (await createPerson(app, { departmentId: tree.b.id, name: '마외부' })).name;
  const now = Date.now();
  const { createCampaign } = await admin.ok(
    `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
    {
      i: {
        nameKo: '보고서 캠페인',
        nameEn: 'Report campaign',
        periodStart: new Date(now - 30 * DAY).toISOString(),
        periodEnd: new Date(now + 30 * DAY).toISOString(),
        dueAt: new Date(now + 20 * DAY).toISOString(),
        tiers: [{ nameKo: '본청', nameEn: 'All', departmentIds: [tree.root.id], minutesTarget: 60 }],
      },
    },
  );
  campaignId = createCampaign.id;
  await admin.ok(`mutation($id: ID!) { activateCampaign(id: $id) { id } }`, { id: campaignId });
  for (const [personId, minutes] of [
    [done.id, 90],
    [going.id, 20],
  ] as const) {
    await app.dataSource.query(
      `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
       VALUES ($1, 'ADJUSTMENT', gen_random_uuid(), $2, 0, 't', now())`,
      [personId, minutes],
    );
  }
});
afterAll(() => app?.close());

describe('campaign report', () => {
  it('shows a manager their subtree only, rolled up by sub-department', async () => {
    const { campaignReport } = await manager.ok(REPORT, { c: campaignId });
    expect(campaignReport.departmentIds).toEqual([tree.a.id]);
    expect(campaignReport.totals).toEqual({
      headcount: 4,
      completed: 1,
      inProgress: 1,
      notStarted: 2,
      overdue: 0,
    });
    expect(campaignReport.children).toEqual([
      {
        departmentId: tree.a1.id,
        counts: { headcount: 2, completed: 0, inProgress: 1, notStarted: 1, overdue: 0 },
      },
    ]);
    const names = campaignReport.participants.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names).toEqual(['가부서장', '나완료', '다진행', '라미시작']);
    expect(names).not.toContain(outsider);
    const { campaignReport: filtered } = await manager.ok(REPORT, { c: campaignId, s: 'NOT_STARTED' });
    expect(filtered.participants.totalCount).toBe(2);
  });

  it('counts completions per week (Monday, Korean time) from the period start to the due date', async () => {
    const { campaignReport } = await manager.ok(
      `query($c: ID!) { campaignReport(campaignId: $c) { weekly { weekStart completed cumulative } } }`,
      { c: campaignId },
    );
    const weekly: { weekStart: string; completed: number; cumulative: number }[] = campaignReport.weekly;
    // The period started 30 days ago and the due date is in 20 days: about 7 or 8 weeks.
    expect(weekly.length).toBeGreaterThanOrEqual(7);
    expect(weekly.length).toBeLessThanOrEqual(9);
    for (const w of weekly) expect(new Date(w.weekStart).getUTCHours()).toBe(15); // Monday 00:00 KST = Sunday 15:00 UTC
    expect(weekly.reduce((n, w) => n + w.completed, 0)).toBe(1);
    expect(weekly.at(-1)!.cumulative).toBe(1);
    const thisWeek = weekly.findLast((w) => new Date(w.weekStart).getTime() <= Date.now())!;
    expect(thisWeek.completed).toBe(1);
  });

  it('refuses departments outside the manager’s scope, and employees altogether', async () => {
    expect(await manager.code(REPORT, { c: campaignId, d: tree.b.id })).toBe('FORBIDDEN');
    expect(await manager.code(REPORT, { c: campaignId, d: tree.root.id })).toBe('FORBIDDEN');
    const { client: employee } = await signedIn(app, { departmentId: tree.a.id });
    expect(await employee.code(REPORT, { c: campaignId })).toBe('FORBIDDEN');
  });

  it('lets an admin drill down from the top', async () => {
    const { campaignReport } = await admin.ok(REPORT, { c: campaignId, d: tree.root.id });
    expect(campaignReport.totals.headcount).toBe(5);
    expect(campaignReport.children).toEqual(
      expect.arrayContaining([
        { departmentId: tree.a.id, counts: expect.objectContaining({ headcount: 4 }) },
        { departmentId: tree.b.id, counts: expect.objectContaining({ headcount: 1, notStarted: 1 }) },
      ]),
    );
  });

  it('exports CSV in UTF-8 with a BOM, scoped like the report', async () => {
    const { campaignReport } = await manager.ok(REPORT, { c: campaignId });
    const res = await fetch(`${app.url}${campaignReport.csvUrl}`, { headers: { cookie: manager.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe(
      '사번,이름,부서,직급,상태,진행률(%),이수 시간(분),목표 시간(분),필수 과정 이수,필수 과정 수,기한',
    );
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.includes('나완료') && l.includes(',이수,100,90,60,'))).toBe(true);
    expect(lines.join('\n')).not.toContain(outsider);

    const { client: employee } = await signedIn(app);
    expect(
      (await fetch(`${app.url}${campaignReport.csvUrl}`, { headers: { cookie: employee.cookie! } })).status,
    ).toBe(403);
    const outside = await fetch(
      `${app.url}/api/reports/campaigns/${campaignId}/participants.csv?departmentId=${tree.b.id}`,
      {
        headers: { cookie: manager.cookie! },
      },
    );
    expect(outside.status).toBe(403);
  });
});
