import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createPerson, createTree, signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const MOVE = `mutation($id: ID!, $parentId: ID) { moveDepartment(id: $id, parentId: $parentId) { id parentId } }`;
const CREATE = `mutation($i: DepartmentInput!) { createDepartment(input: $i) { id code nameKo parentId head { name } headcount } }`;

let app: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
});
afterAll(() => app?.close());

const parentOf = async (id: string) =>
  (await app.dataSource.query(`SELECT parent_id FROM departments WHERE id = $1`, [id]))[0].parent_id as
    string | null;

describe('department tree', () => {
  it('creates a department under a parent with a head, normalising the code', async () => {
    const parent = await createDepartment(app.dataSource);
    const head = await createPerson(app, { name: '감사 부서장' });
    const { createDepartment: created } = await admin.ok(CREATE, {
      i: { code: ' audit-x1 ', nameKo: '감사팀', nameEn: 'Audit Team', parentId: parent.id, headId: head.id },
    });
    expect(created).toMatchObject({
      code: 'AUDIT-X1',
      nameKo: '감사팀',
      parentId: parent.id,
      head: { name: '감사 부서장' },
      headcount: 0,
    });
  });

  it('is idempotent on retry and refuses a different department with a taken code', async () => {
    const input = { code: 'RETRY-1', nameKo: '재시도', nameEn: 'Retry' };
    const first = await admin.ok(CREATE, { i: input });
    const again = await admin.ok(CREATE, { i: input });
    expect(again.createDepartment.id).toBe(first.createDepartment.id);
    expect(await admin.code(CREATE, { i: { ...input, nameEn: 'Other' } })).toBe('DEPARTMENT_CODE_TAKEN');
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM departments WHERE code = 'RETRY-1'`,
    );
    expect(n).toBe(1);
  });

  it('moves a subtree and to the top level', async () => {
    const { a, b, a1 } = await createTree(app.dataSource);
    await admin.ok(MOVE, { id: a.id, parentId: b.id });
    expect(await parentOf(a.id)).toBe(b.id);
    expect(await parentOf(a1.id)).toBe(a.id);
    await admin.ok(MOVE, { id: a.id, parentId: null });
    expect(await parentOf(a.id)).toBeNull();
  });

  it('refuses moves that would make a cycle, and changes nothing', async () => {
    const { root, a, a1 } = await createTree(app.dataSource);
    expect(await admin.code(MOVE, { id: a.id, parentId: a1.id })).toBe('DEPARTMENT_CYCLE');
    expect(await admin.code(MOVE, { id: a.id, parentId: a.id })).toBe('DEPARTMENT_CYCLE');
    expect(await admin.code(MOVE, { id: root.id, parentId: a1.id })).toBe('DEPARTMENT_CYCLE');
    expect(await parentOf(a.id)).toBe(root.id);
    expect(await parentOf(root.id)).toBeNull();
  });

  it('deletes only an empty department', async () => {
    const { a, a1 } = await createTree(app.dataSource);
    expect(await admin.code(`mutation($id: ID!) { deleteDepartment(id: $id) }`, { id: a.id })).toBe(
      'DEPARTMENT_NOT_EMPTY',
    );
    await createPerson(app, { departmentId: a1.id });
    expect(await admin.code(`mutation($id: ID!) { deleteDepartment(id: $id) }`, { id: a1.id })).toBe(
      'DEPARTMENT_NOT_EMPTY',
    );
    const empty = await createDepartment(app.dataSource, { parentId: a.id });
    expect(await admin.ok(`mutation($id: ID!) { deleteDepartment(id: $id) }`, { id: empty.id })).toEqual({
      deleteDepartment: true,
    });
  });

  it('reports unknown ids and bad fields with clear codes', async () => {
    expect(await admin.code(MOVE, { id: '7f1c0e9e-0000-4000-8000-000000000000', parentId: null })).toBe(
      'NOT_FOUND',
    );
    expect(await admin.code(MOVE, { id: 'not-a-uuid', parentId: null })).toBe('NOT_FOUND');
    const res = await admin.gql(CREATE, { i: { code: 'bad code!', nameKo: '', nameEn: 'x'.repeat(101) } });
    expect(res.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((res.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'code',
      'nameEn',
      'nameKo',
    ]);
  });

  it('counts active people per department with one batched query per request', async () => {
    const dept = await createDepartment(app.dataSource);
    await createPerson(app, { departmentId: dept.id });
    await createPerson(app, { departmentId: dept.id });
    await createPerson(app, { departmentId: dept.id, active: false });
    const { departments } = await admin.ok(`{ departments { id headcount } }`);
    expect(departments.find((d: { id: string }) => d.id === dept.id).headcount).toBe(2);
  });
});
