import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createPerson, signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const DAY = 86_400_000;
const ISSUE_COURSE = `mutation($e: ID!) { issueCourseCertificate(enrolmentId: $e) { id code kind titleKo minutes completedAt pdfUrl verifyUrl } }`;
const VERIFY = `query($c: String!) { verifyCertificate(code: $c) { valid personName titleKo titleEn completedAt issuerName } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** A course with a published version; returns an enrolment of the person (completed or not). */
async function enrolment(personId: string, completed: boolean): Promise<string> {
  const [{ id: courseId }] = await app.dataSource.query(
    `INSERT INTO courses (created_by_id) VALUES ($1) RETURNING id`,
    [personId],
  );
  const [{ id: versionId }] = await app.dataSource.query(
    `INSERT INTO course_versions (course_id, version, status, title_ko, title_en, category, credit_minutes, estimated_minutes, published_at)
     VALUES ($1, 1, 'PUBLISHED', '청탁금지법의 이해', 'Understanding the Graft Act', 'INTEGRITY_LAW', 90, 60, now()) RETURNING id`,
    [courseId],
  );
  const [{ id }] = await app.dataSource.query(
    `INSERT INTO course_enrolments (person_id, course_id, version_id, completed_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [personId, courseId, versionId, completed ? new Date('2026-03-15T01:00:00Z') : null],
  );
  return id;
}

async function pdfText(
  client: GqlClient,
  path: string,
): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${app.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  if (res.status !== 200)
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  const { text } = await parser.getText();
  await parser.destroy();
  return { status: res.status, type: res.headers.get('content-type'), text };
}

describe('course certificates', () => {
  it('issues once for a completed course, as a PDF whose Korean text is real text', async () => {
    const root = await createDepartment(app.dataSource, { nameKo: '팔마시청' });
    const team = await createDepartment(app.dataSource, { nameKo: '감사실', parentId: root.id });
    const { person, client } = await signedIn(app, { name: '김민수', rank: '7급', departmentId: team.id });
    const enrolmentId = await enrolment(person.id, true);

    const { issueCourseCertificate: cert } = await client.ok(ISSUE_COURSE, { e: enrolmentId });
    expect(cert).toMatchObject({
      kind: 'COURSE',
      titleKo: '청탁금지법의 이해',
      minutes: 90,
      completedAt: '2026-03-15T01:00:00.000Z',
    });
    expect(cert.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect((await client.ok(ISSUE_COURSE, { e: enrolmentId })).issueCourseCertificate.id).toBe(cert.id);

    const pdf = await pdfText(client, cert.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    for (const expected of [
      '이 수 증',
      '김민수',
      '감사실',
      '7급',
      '청탁금지법의 이해',
      '1시간 30분',
      '2026년 3월 15일',
      '팔마시청',
      cert.code,
    ]) {
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(expected);
    }
  });

  it('refuses an unfinished course and another person’s enrolment', async () => {
    const { person, client } = await signedIn(app);
    expect(await client.code(ISSUE_COURSE, { e: await enrolment(person.id, false) })).toBe('NOT_COMPLETED');
    const other = await createPerson(app);
    expect(await client.code(ISSUE_COURSE, { e: await enrolment(other.id, true) })).toBe('NOT_FOUND');
  });

  it('lets only the owner, their manager or an admin download the PDF', async () => {
    const team = await createDepartment(app.dataSource);
    const { person, client } = await signedIn(app, { departmentId: team.id });
    const { issueCourseCertificate: cert } = await client.ok(ISSUE_COURSE, {
      e: await enrolment(person.id, true),
    });
    const { client: stranger } = await signedIn(app);
    const { person: head, client: manager } = await signedIn(app, {
      roles: ['MANAGER'],
      departmentId: team.id,
    });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [head.id, team.id]);
    const { client: admin } = await signedIn(app, { roles: ['ADMIN'] });

    expect((await pdfText(stranger, cert.pdfUrl)).status).toBe(404);
    expect((await pdfText(app.client(), cert.pdfUrl)).status).toBe(401);
    expect((await pdfText(manager, cert.pdfUrl)).status).toBe(200);
    expect((await pdfText(admin, cert.pdfUrl)).status).toBe(200);
  });
});

describe('public verification', () => {
  it('confirms a genuine code with only name, training and date', async () => {
    const { person, client } = await signedIn(app, { name: '이영희' });
    const { issueCourseCertificate: cert } = await client.ok(ISSUE_COURSE, {
      e: await enrolment(person.id, true),
    });
    const anonymous = app.client();
    const { verifyCertificate } = await anonymous.ok(VERIFY, {
      c: cert.code.toLowerCase().replace(/-/g, ' '),
    });
    expect(verifyCertificate).toEqual({
      valid: true,
      personName: '이영희',
      titleKo: '청탁금지법의 이해',
      titleEn: 'Understanding the Graft Act',
      completedAt: '2026-03-15T01:00:00.000Z',
      issuerName: expect.any(String),
    });
    expect((await anonymous.ok(VERIFY, { c: 'AAAA-BBBB-CCCC' })).verifyCertificate).toMatchObject({
      valid: false,
      personName: null,
    });
    expect((await anonymous.ok(VERIFY, { c: 'x' })).verifyCertificate.valid).toBe(false);
  });
});

describe('campaign certificates', () => {
  it('are issued once the requirement is met, dated when it was met', async () => {
    const dept = await createDepartment(app.dataSource);
    const { person, client } = await signedIn(app, { departmentId: dept.id });
    const { client: admin } = await signedIn(app, { roles: ['ADMIN'] });
    const now = Date.now();
    const { createCampaign } = await admin.ok(
      `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
      {
        i: {
          nameKo: '2026 청렴교육',
          nameEn: '2026 integrity training',
          periodStart: new Date(now - 30 * DAY).toISOString(),
          periodEnd: new Date(now + 30 * DAY).toISOString(),
          dueAt: new Date(now + 20 * DAY).toISOString(),
          tiers: [{ nameKo: 'd', nameEn: 'd', departmentIds: [dept.id], minutesTarget: 100 }],
        },
      },
    );
    await admin.ok(`mutation($id: ID!) { activateCampaign(id: $id) { id } }`, { id: createCampaign.id });
    const [training] = (await client.ok(`{ myTraining { id } }`)).myTraining;
    const ISSUE = `mutation($a: ID!) { issueCampaignCertificate(assignmentId: $a) { kind titleKo minutes completedAt } }`;
    expect(await client.code(ISSUE, { a: training.id })).toBe('NOT_COMPLETED');

    const reached = new Date(now - 5 * DAY);
    for (const [minutes, at] of [
      [60, new Date(now - 10 * DAY)],
      [50, reached],
      [30, new Date(now - DAY)],
    ] as const) {
      await app.dataSource.query(
        `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
         VALUES ($1, 'ADJUSTMENT', gen_random_uuid(), $2, 0, 't', $3)`,
        [person.id, minutes, at],
      );
    }
    const { issueCampaignCertificate } = await client.ok(ISSUE, { a: training.id });
    expect(issueCampaignCertificate).toEqual({
      kind: 'CAMPAIGN',
      titleKo: '2026 청렴교육',
      minutes: 140,
      completedAt: reached.toISOString(),
    });
  });
});
