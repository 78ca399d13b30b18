import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, signedIn } from '../../factories/org.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const DAY = 86_400_000;
const CREATE = `mutation($i: CampaignInput!) { createCampaign(input: $i) { id status } }`;
const ACTIVATE = `mutation($id: ID!) { activateCampaign(id: $id) { id status } }`;
const SYNC = `mutation($id: ID!) { syncCampaign(id: $id) { assigned left } }`;
const MY_TRAINING = `{ myTraining { id dueAt daysLeft minutesEarned minutesTarget status percent
  campaign { id nameKo } requiredCourses { courseId titleKo completed } } }`;

let app: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
});
afterAll(() => app?.close());

async function createCourseRow(title: string): Promise<string> {
  const [{ id: authorId }] = await app.dataSource.query(`SELECT id FROM people LIMIT 1`);
  const [{ id }] = await app.dataSource.query(
    `INSERT INTO courses (created_by_id) VALUES ($1) RETURNING id`,
    [authorId],
  );
  await app.dataSource.query(
    `INSERT INTO course_versions (course_id, version, status, title_ko, title_en, category, credit_minutes, estimated_minutes, published_at)
     VALUES ($1, 1, 'PUBLISHED', $2, $2, 'INTEGRITY_LAW', 60, 60, now())`,
    [id, title],
  );
  return id;
}

function campaignInput(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    nameKo: '2026 청렴교육',
    nameEn: '2026 integrity training',
    periodStart: new Date(now - 30 * DAY).toISOString(),
    periodEnd: new Date(now + 60 * DAY).toISOString(),
    dueAt: new Date(now + 30 * DAY).toISOString(),
    tiers: [{ nameKo: '전 직원', nameEn: 'Everyone', everyone: true, minutesTarget: 120 }],
    ...overrides,
  };
}

/** The viewer's assignment in one campaign (other tests' campaigns, e.g. for everyone, may also apply). */
async function trainingIn(client: GqlClient, campaignId: string) {
  const all = (await client.ok(MY_TRAINING)).myTraining as AnyData[];
  const found = all.find((t) => t.campaign.id === campaignId);
  if (!found) throw new Error(`no assignment in campaign ${campaignId}`);
  return found;
}

async function credit(personId: string, minutes: number, at: Date) {
  await app.dataSource.query(
    `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
     VALUES ($1, 'ADJUSTMENT', gen_random_uuid(), $2, 0, 'test', $3)`,
    [personId, minutes, at],
  );
}

describe('campaign audience and tiers', () => {
  it('assigns the audience on activation; tiers merge to the largest target and every required course', async () => {
    const contracts = await createDepartment(app.dataSource, { nameKo: '계약과' });
    const courseId = await createCourseRow('계약 청렴');
    const { person: senior, client: seniorClient } = await signedIn(app, { rank: '5급' });
    const { person: clerk, client: clerkClient } = await signedIn(app, {
      rank: '9급',
      departmentId: contracts.id,
    });
    const { client: plain } = await signedIn(app, { rank: '8급' });
    const { createCampaign } = await admin.ok(CREATE, {
      i: campaignInput({
        tiers: [
          { nameKo: '전 직원', nameEn: 'Everyone', everyone: true, minutesTarget: 120 },
          {
            nameKo: '고위·계약',
            nameEn: 'Senior and contracts',
            ranks: ['5급', '4급'],
            departmentIds: [contracts.id],
            minutesTarget: 300,
            requiredCourseIds: [courseId],
          },
        ],
      }),
    });
    expect((await seniorClient.ok(MY_TRAINING)).myTraining).toEqual([]);
    expect((await admin.ok(ACTIVATE, { id: createCampaign.id })).activateCampaign.status).toBe('ACTIVE');

    for (const client of [seniorClient, clerkClient]) {
      const training = await trainingIn(client, createCampaign.id);
      expect(training).toMatchObject({ minutesTarget: 300, status: 'NOT_STARTED', percent: 0, daysLeft: 30 });
      expect(training.requiredCourses).toEqual([{ courseId, titleKo: '계약 청렴', completed: false }]);
    }
    const basic = await trainingIn(plain, createCampaign.id);
    expect(basic).toMatchObject({ minutesTarget: 120, requiredCourses: [] });
    void senior;
    void clerk;
    // Activating again changes nothing.
    expect((await admin.ok(SYNC, { id: createCampaign.id })).syncCampaign).toEqual({ assigned: 0, left: 0 });
  });

  it('rejects tiers without an audience or a requirement, unknown departments and inverted periods', async () => {
    const noAudience = campaignInput({ tiers: [{ nameKo: 'x', nameEn: 'x', minutesTarget: 60 }] });
    const noRequirement = campaignInput({ tiers: [{ nameKo: 'x', nameEn: 'x', everyone: true }] });
    const unknownDept = campaignInput({
      tiers: [
        {
          nameKo: 'x',
          nameEn: 'x',
          departmentIds: ['00000000-0000-4000-8000-000000000000'],
          minutesTarget: 60,
        },
      ],
    });
    const inverted = campaignInput({ periodEnd: new Date(Date.now() - 60 * DAY).toISOString() });
    for (const input of [noAudience, noRequirement, unknownDept, inverted]) {
      expect(await admin.code(CREATE, { i: input })).toBe('VALIDATION_FAILED');
    }
    const { client: employee } = await signedIn(app);
    expect(await employee.code(CREATE, { i: campaignInput() })).toBe('FORBIDDEN');
  });
});

describe('progress', () => {
  it('counts minutes credited in the period only, and completes with the required courses', async () => {
    const dept = await createDepartment(app.dataSource);
    const courseId = await createCourseRow('필수 과정');
    const { person, client } = await signedIn(app, { departmentId: dept.id });
    const { createCampaign } = await admin.ok(CREATE, {
      i: campaignInput({
        tiers: [
          {
            nameKo: '부서',
            nameEn: 'Dept',
            departmentIds: [dept.id],
            minutesTarget: 90,
            requiredCourseIds: [courseId],
          },
        ],
      }),
    });
    await admin.ok(ACTIVATE, { id: createCampaign.id });
    await credit(person.id, 500, new Date(Date.now() - 90 * DAY)); // before the period: does not count
    await credit(person.id, 60, new Date(Date.now() - DAY));
    let training = await trainingIn(client, createCampaign.id);
    expect(training).toMatchObject({ minutesEarned: 60, status: 'IN_PROGRESS', percent: 33 });

    await credit(person.id, 45, new Date());
    training = await trainingIn(client, createCampaign.id);
    expect(training).toMatchObject({ minutesEarned: 105, status: 'IN_PROGRESS', percent: 50 });

    const [{ id: versionId }] = await app.dataSource.query(
      `SELECT id FROM course_versions WHERE course_id = $1`,
      [courseId],
    );
    await app.dataSource.query(
      `INSERT INTO course_enrolments (person_id, course_id, version_id, started_at, completed_at) VALUES ($1, $2, $3, now(), now())`,
      [person.id, courseId, versionId],
    );
    training = await trainingIn(client, createCampaign.id);
    expect(training).toMatchObject({
      status: 'COMPLETED',
      percent: 100,
      requiredCourses: [{ courseId, completed: true }],
    });
  });

  it('is overdue after the due date', async () => {
    const dept = await createDepartment(app.dataSource);
    const { client } = await signedIn(app, { departmentId: dept.id });
    const { createCampaign } = await admin.ok(CREATE, {
      i: campaignInput({
        dueAt: new Date(Date.now() - DAY).toISOString(),
        tiers: [{ nameKo: 'd', nameEn: 'd', departmentIds: [dept.id], minutesTarget: 30 }],
      }),
    });
    await admin.ok(ACTIVATE, { id: createCampaign.id });
    expect(await trainingIn(client, createCampaign.id)).toMatchObject({ status: 'OVERDUE', daysLeft: -1 });
  });
});

describe('keeping in step with the organisation', () => {
  it('assigns newcomers, follows moves and keeps the history of leavers', async () => {
    const root = await createDepartment(app.dataSource);
    const inside = await createDepartment(app.dataSource, { parentId: root.id });
    const outside = await createDepartment(app.dataSource);
    const { createCampaign } = await admin.ok(CREATE, {
      i: campaignInput({
        tiers: [
          {
            nameKo: 'r',
            nameEn: 'r',
            departmentIds: [root.id],
            includeSubdepartments: true,
            minutesTarget: 60,
          },
        ],
      }),
    });
    const id = createCampaign.id;
    await admin.ok(ACTIVATE, { id });
    const assignment = async (personId: string) =>
      (
        await app.dataSource.query(
          `SELECT left_at FROM campaign_assignments WHERE campaign_id = $1 AND person_id = $2`,
          [id, personId],
        )
      )[0];

    // A newcomer created through the API is assigned by the org-change event, without a manual sync.
    const { createPerson: newcomer } = await admin.ok(
      `mutation($i: PersonInput!) { createPerson(input: $i) { id employeeNumber name email departmentId } }`,
      {
        i: {
          employeeNumber: `NEW-${Date.now()}`,
          name: '신규',
          email: `new${Date.now()}@t.kr`,
          departmentId: inside.id,
          roles: ['EMPLOYEE'],
          locale: 'ko',
        },
      },
    );
    await expect.poll(() => assignment(newcomer.id), { timeout: 5000 }).toEqual({ left_at: null });

    // Moving out of the audience marks them as left; the row (history) stays.
    const input = {
      employeeNumber: newcomer.employeeNumber,
      name: newcomer.name,
      email: newcomer.email,
      departmentId: outside.id,
      roles: ['EMPLOYEE'],
      locale: 'ko',
    };
    await admin.ok(`mutation($id: ID!, $i: PersonInput!) { updatePerson(id: $id, input: $i) { id } }`, {
      id: newcomer.id,
      i: input,
    });
    await admin.ok(SYNC, { id });
    expect((await assignment(newcomer.id)).left_at).not.toBeNull();

    // Moving back brings the same assignment back.
    await admin.ok(`mutation($id: ID!, $i: PersonInput!) { updatePerson(id: $id, input: $i) { id } }`, {
      id: newcomer.id,
      i: { ...input, departmentId: inside.id },
    });
    await admin.ok(SYNC, { id });
    expect(await assignment(newcomer.id)).toEqual({ left_at: null });

    // A leaver (deactivated) keeps the assignment row, marked as left.
    await admin.ok(`mutation($id: ID!) { setPersonActive(id: $id, active: false) { active } }`, {
      id: newcomer.id,
    });
    await admin.ok(SYNC, { id });
    expect((await assignment(newcomer.id)).left_at).not.toBeNull();
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM campaign_assignments WHERE person_id = $1 AND campaign_id = $2`,
      [newcomer.id, id],
    );
    expect(n).toBe(1);
  });
});

describe('due-date extensions', () => {
  const EXTEND = `mutation($a: ID!, $d: DateTime!, $r: String!) { extendDueDate(assignmentId: $a, newDueAt: $d, reason: $r) { id dueAt daysLeft } }`;

  it('the person’s manager or an admin extends, with a recorded reason; nobody else', async () => {
    const team = await createDepartment(app.dataSource);
    const other = await createDepartment(app.dataSource);
    const { person: manager, client: managerClient } = await signedIn(app, {
      roles: ['MANAGER'],
      departmentId: team.id,
    });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [manager.id, team.id]);
    const { client: otherManager, person: otherHead } = await signedIn(app, {
      roles: ['MANAGER'],
      departmentId: other.id,
    });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [otherHead.id, other.id]);
    const { person, client } = await signedIn(app, { departmentId: team.id });
    const { createCampaign } = await admin.ok(CREATE, {
      i: campaignInput({
        tiers: [{ nameKo: 't', nameEn: 't', departmentIds: [team.id], minutesTarget: 60 }],
      }),
    });
    await admin.ok(ACTIVATE, { id: createCampaign.id });
    // Other tests' campaigns (e.g. one for everyone) may also apply: pick this campaign's assignment.
    const mine = async () =>
      (
        (await client.ok(MY_TRAINING)).myTraining as {
          id: string;
          daysLeft: number;
          campaign: { id: string };
        }[]
      ).find((t) => t.campaign.id === createCampaign.id)!;
    const training = await mine();
    const later = new Date(Date.now() + 45 * DAY).toISOString();

    expect(await otherManager.code(EXTEND, { a: training.id, d: later, r: '병가 때문에' })).toBe('FORBIDDEN');
    expect(await client.code(EXTEND, { a: training.id, d: later, r: '병가 때문에' })).toBe('FORBIDDEN');
    expect(
      await managerClient.code(EXTEND, {
        a: training.id,
        d: new Date(Date.now() + DAY).toISOString(),
        r: '병가 때문에',
      }),
    ).toBe('EXTENSION_INVALID');
    expect(
      await managerClient.code(EXTEND, {
        a: training.id,
        d: new Date(Date.now() + 90 * DAY).toISOString(),
        r: '병가 때문에',
      }),
    ).toBe('EXTENSION_INVALID');
    const { extendDueDate } = await managerClient.ok(EXTEND, { a: training.id, d: later, r: '병가 때문에' });
    expect(extendDueDate).toMatchObject({ daysLeft: 45 });
    const [row] = await app.dataSource.query(
      `SELECT reason, granted_by_id FROM due_date_extensions WHERE assignment_id = $1`,
      [training.id],
    );
    expect(row).toEqual({ reason: '병가 때문에', granted_by_id: manager.id });
    expect((await mine()).daysLeft).toBe(45);
    expect(await managerClient.code(EXTEND, { a: training.id, d: later, r: 'x' })).toBe('EXTENSION_INVALID');
    void person;
  });
});
