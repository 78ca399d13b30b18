import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createPerson, createTree, signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const PEOPLE = `query($first: Int, $after: String, $filter: PeopleFilter) {
  people(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name department { id } } }
  }
}`;
const PERSON_FIELDS = `id employeeNumber name email rank jobTitle roles locale active departmentId`;

let app: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN', 'EMPLOYEE'] })).client;
});
afterAll(() => app?.close());

describe('manager scope', () => {
  it('a manager sees the department they head and its descendants, never more', async () => {
    const { root, a, a1, b } = await createTree(app.dataSource);
    const { person: manager, client } = await signedIn(app, {
      roles: ['MANAGER', 'EMPLOYEE'],
      departmentId: a.id,
    });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [manager.id, a.id]);
    const inA1 = await createPerson(app, { departmentId: a1.id });
    const inB = await createPerson(app, { departmentId: b.id });
    const inRoot = await createPerson(app, { departmentId: root.id });

    const { people } = await client.ok(PEOPLE, { first: 100 });
    const ids = people.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.sort()).toEqual([manager.id, inA1.id].sort());
    expect(people.totalCount).toBe(2);

    expect(await client.code(`query($id: ID!) { person(id: $id) { id } }`, { id: inB.id })).toBe('NOT_FOUND');
    expect(await client.code(`query($id: ID!) { person(id: $id) { id } }`, { id: inRoot.id })).toBe(
      'NOT_FOUND',
    );
    expect((await client.ok(`query($id: ID!) { person(id: $id) { id } }`, { id: inA1.id })).person.id).toBe(
      inA1.id,
    );
    const { me } = await client.ok(`{ me { headedDepartments { id } managedDepartmentIds } }`);
    expect(me.headedDepartments).toEqual([{ id: a.id }]);
    expect(me.managedDepartmentIds.sort()).toEqual([a.id, a1.id].sort());
    expect(await client.code(PEOPLE, { filter: { departmentId: b.id } })).toBe('FORBIDDEN');
    expect(await client.code(PEOPLE, { filter: { departmentId: root.id } })).toBe('FORBIDDEN');
  });

  it('a manager who heads nothing sees nobody, and an employee sees only themself', async () => {
    const { client } = await signedIn(app, { roles: ['MANAGER'] });
    expect((await client.ok(PEOPLE)).people.totalCount).toBe(0);
    const { person, client: employee } = await signedIn(app);
    const other = await createPerson(app, { departmentId: person.departmentId });
    expect(
      (await employee.ok(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id })).person.id,
    ).toBe(person.id);
    expect(await employee.code(`query($id: ID!) { person(id: $id) { id } }`, { id: other.id })).toBe(
      'NOT_FOUND',
    );
  });

  it('losing the head role of a department shrinks the scope at once', async () => {
    const dept = await createDepartment(app.dataSource);
    const { person: manager, client } = await signedIn(app, { roles: ['MANAGER'], departmentId: dept.id });
    await app.dataSource.query(`UPDATE departments SET head_id = $1 WHERE id = $2`, [manager.id, dept.id]);
    expect((await client.ok(PEOPLE)).people.totalCount).toBe(1);
    await app.dataSource.query(`UPDATE departments SET head_id = NULL WHERE id = $1`, [dept.id]);
    expect((await client.ok(PEOPLE)).people.totalCount).toBe(0);
  });
});

describe('people list', () => {
  it('pages with cursors in name order without gaps or repeats', async () => {
    const dept = await createDepartment(app.dataSource);
    const names = ['가', '나', '다', '라', '마', '바', '사'].map((n) => `${n}페이징`);
    for (const name of [...names].reverse()) await createPerson(app, { name, departmentId: dept.id });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const {
        people,
      }: {
        people: {
          edges: { node: { name: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await admin.ok(PEOPLE, { first: 3, after, filter: { departmentId: dept.id } });
      seen.push(...people.edges.map((e) => e.node.name));
      after = people.pageInfo.hasNextPage ? people.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(names);
    expect(pages).toBe(3);
  });

  it('filters by search, subtree, role, rank and status', async () => {
    const { root, a1, b } = await createTree(app.dataSource);
    const kim = await createPerson(app, {
      name: '김필터',
      departmentId: a1.id,
      rank: '5급',
      roles: ['TRAINER'],
    });
    const lee = await createPerson(app, { name: '이필터', departmentId: b.id, rank: '7급' });
    const gone = await createPerson(app, { name: '박필터', departmentId: b.id, active: false });
    const list = async (filter: object) =>
      ((await admin.ok(PEOPLE, { first: 100, filter })).people.edges as { node: { id: string } }[])
        .map((e) => e.node.id)
        .sort();
    expect(await list({ search: '필터', departmentId: root.id })).toEqual([kim.id, lee.id].sort());
    expect(await list({ departmentId: root.id, includeSubdepartments: false })).toEqual([]);
    expect(await list({ search: kim.email.toUpperCase() })).toEqual([kim.id]);
    expect(await list({ search: '%' })).toEqual([]);
    expect(await list({ departmentId: root.id, role: 'TRAINER' })).toEqual([kim.id]);
    expect(await list({ departmentId: root.id, rank: '7급' })).toEqual([lee.id]);
    expect(await list({ departmentId: root.id, active: false })).toEqual([gone.id]);
    expect(await list({ departmentId: root.id, active: null })).toEqual([kim.id, lee.id, gone.id].sort());
  });

  it('rejects page sizes over the maximum and forged cursors', async () => {
    expect(await admin.code(PEOPLE, { first: 101 })).toBe('VALIDATION_FAILED');
    expect(await admin.code(PEOPLE, { first: 0 })).toBe('VALIDATION_FAILED');
    expect(await admin.code(PEOPLE, { after: 'bm90LWEtY3Vyc29y' })).toBe('BAD_CURSOR');
  });
});

describe('admin edits people', () => {
  const CREATE = `mutation($i: PersonInput!) { createPerson(input: $i) { ${PERSON_FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $i: PersonInput!) { updatePerson(id: $id, input: $i) { ${PERSON_FIELDS} } }`;
  const ACTIVE = `mutation($id: ID!, $a: Boolean!) { setPersonActive(id: $id, active: $a) { active } }`;

  it('creates a person idempotently and refuses taken numbers and emails', async () => {
    const dept = await createDepartment(app.dataSource);
    const input = {
      employeeNumber: 'new-100',
      name: ' 홍 길동 ',
      email: 'Hong@Palma.go.kr',
      rank: '6급',
      jobTitle: '주무관',
      departmentId: dept.id,
      roles: ['EMPLOYEE', 'TRAINER'],
      locale: 'en',
    };
    const { createPerson: created } = await admin.ok(CREATE, { i: input });
    expect(created).toMatchObject({
      employeeNumber: 'NEW-100',
      name: '홍 길동',
      email: 'hong@palma.go.kr',
      roles: ['EMPLOYEE', 'TRAINER'],
      locale: 'en',
    });
    expect((await admin.ok(CREATE, { i: input })).createPerson.id).toBe(created.id);
    expect(await admin.code(CREATE, { i: { ...input, name: '다른 사람' } })).toBe('EMPLOYEE_NUMBER_TAKEN');
    expect(await admin.code(CREATE, { i: { ...input, employeeNumber: 'NEW-101' } })).toBe('EMAIL_TAKEN');
    expect(
      await admin.code(CREATE, {
        i: {
          ...input,
          employeeNumber: 'NEW-102',
          email: 'x@y.kr',
          departmentId: '00000000-0000-4000-8000-000000000000',
        },
      }),
    ).toBe('NOT_FOUND');
    const bad = await admin.gql(CREATE, { i: { ...input, employeeNumber: '', email: 'nope', roles: [] } });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('moves a person to another department and refuses a taken email', async () => {
    const other = await createPerson(app);
    const person = await createPerson(app);
    const target = await createDepartment(app.dataSource);
    const input = {
      employeeNumber: person.employeeNumber,
      name: person.name,
      email: person.email,
      rank: '5급',
      jobTitle: '팀장',
      departmentId: target.id,
      roles: ['EMPLOYEE'],
      locale: 'ko',
    };
    expect((await admin.ok(UPDATE, { id: person.id, i: input })).updatePerson).toMatchObject({
      departmentId: target.id,
      rank: '5급',
    });
    expect(await admin.code(UPDATE, { id: person.id, i: { ...input, email: other.email } })).toBe(
      'EMAIL_TAKEN',
    );
  });

  it('deactivates and reactivates, but never yourself or the last admin', async () => {
    const person = await createPerson(app);
    expect((await admin.ok(ACTIVE, { id: person.id, a: false })).setPersonActive.active).toBe(false);
    expect((await admin.ok(ACTIVE, { id: person.id, a: true })).setPersonActive.active).toBe(true);
    const me = (await admin.ok(`{ me { person { id } } }`)).me.person.id;
    expect(await admin.code(ACTIVE, { id: me, a: false })).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('keeps at least one active admin', async () => {
    const solo = await startTestApp();
    try {
      const { person, client } = await signedIn(solo, { roles: ['ADMIN', 'EMPLOYEE'] });
      const input = {
        employeeNumber: person.employeeNumber,
        name: person.name,
        email: person.email,
        departmentId: person.departmentId,
        roles: ['EMPLOYEE'],
        locale: 'ko',
      };
      expect(await client.code(UPDATE, { id: person.id, i: input })).toBe('LAST_ADMIN');
      const second = await createPerson(solo, { roles: ['ADMIN'] });
      expect(await client.code(ACTIVE, { id: second.id, a: false })).toBeUndefined();
      expect(await client.code(UPDATE, { id: person.id, i: input })).toBe('LAST_ADMIN');
    } finally {
      await solo.close();
    }
  });
});
