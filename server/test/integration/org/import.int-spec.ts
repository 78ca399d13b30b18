import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createPerson, signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const REPORT = `kind dryRun applied encoding totalRows created updated unchanged ignoredColumns errors { line column code message value relatedLine }`;
const PEOPLE = `mutation($i: ImportFileInput!) { importPeople(input: $i) { ${REPORT} } }`;
const DEPARTMENTS = `mutation($i: ImportFileInput!) { importDepartments(input: $i) { ${REPORT} } }`;

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);

let app: TestApp;
let admin: GqlClient;
let prefix = 0;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
});
afterAll(() => app?.close());

/** A fresh little tree per test: CODE-ROOT (본청) ─ CODE-AUD (감사실) ─ CODE-INV (조사팀). */
async function tree() {
  const p = `T${++prefix}`;
  const root = await createDepartment(app.dataSource, {
    code: `${p}-ROOT`,
    nameKo: `본청${p}`,
    nameEn: `Head Office ${p}`,
  });
  const audit = await createDepartment(app.dataSource, {
    code: `${p}-AUD`,
    nameKo: '감사실',
    nameEn: 'Audit',
    parentId: root.id,
  });
  const inv = await createDepartment(app.dataSource, {
    code: `${p}-INV`,
    nameKo: '조사팀',
    nameEn: 'Investigation',
    parentId: audit.id,
  });
  return { p, root, audit, inv };
}

async function countPeople(like: string): Promise<number> {
  const [{ n }] = await app.dataSource.query(
    `SELECT count(*)::int AS n FROM people WHERE employee_number LIKE $1`,
    [like],
  );
  return n;
}

describe('people import', () => {
  it('imports UTF-8 with Korean headers, resolving departments by code, path and name', async () => {
    const { p, inv, audit } = await tree();
    const csv = [
      '사번,이름,이메일,부서,직급,직위,역할,언어,재직여부,비고',
      `${p}-1,김하나,${p}.one@palma.go.kr,${p}-INV,7급,주무관,직원,ko,재직,메모`,
      `${p}-2,이두리,${p}.two@palma.go.kr,본청${p}/감사실/조사팀,6급,주무관,"직원, 강사",en,Y,`,
      `${p}-3,박세찌,${p}.three@palma.go.kr,Head Office ${p} > Audit,5급,팀장,EMPLOYEE;MANAGER,,,`,
    ].join('\r\n');
    const dry = (await admin.ok(PEOPLE, { i: { contentBase64: b64(csv), dryRun: true } })).importPeople;
    expect(dry).toMatchObject({
      kind: 'PEOPLE',
      dryRun: true,
      applied: false,
      encoding: 'UTF-8',
      totalRows: 3,
      created: 3,
      errors: [],
      ignoredColumns: ['비고'],
    });
    expect(await countPeople(`${p}-%`)).toBe(0);

    const done = (await admin.ok(PEOPLE, { i: { contentBase64: b64(csv), dryRun: false } })).importPeople;
    expect(done).toMatchObject({ applied: true, created: 3, updated: 0, unchanged: 0 });
    const rows = await app.dataSource.query(
      `SELECT employee_number, department_id, roles, locale, active FROM people WHERE employee_number LIKE $1 ORDER BY employee_number`,
      [`${p}-%`],
    );
    expect(rows).toEqual([
      { employee_number: `${p}-1`, department_id: inv.id, roles: ['EMPLOYEE'], locale: 'ko', active: true },
      {
        employee_number: `${p}-2`,
        department_id: inv.id,
        roles: ['EMPLOYEE', 'TRAINER'],
        locale: 'en',
        active: true,
      },
      {
        employee_number: `${p}-3`,
        department_id: audit.id,
        roles: ['EMPLOYEE', 'MANAGER'],
        locale: 'ko',
        active: true,
      },
    ]);
  });

  it('reads UTF-8 with a BOM and EUC-KR/CP949, and re-importing the same file changes nothing', async () => {
    const { p } = await tree();
    const csv = `employee_number,name,email,department,rank\n${p}-1,똠방각하,${p}.a@palma.go.kr,감사실,9급\n${p}-2,홍길동,${p}.b@palma.go.kr,${p}-ROOT,8급\n`;
    // "감사실" exists once per test tree, so give the path instead to stay unambiguous.
    const text = csv.replace(',감사실,', `,본청${p}/감사실,`);
    const bom = (await admin.ok(PEOPLE, { i: { contentBase64: b64(utf8Bom(text)), dryRun: false } }))
      .importPeople;
    expect(bom).toMatchObject({ encoding: 'UTF-8 BOM', applied: true, created: 2 });
    const before = await app.dataSource.query(
      `SELECT id, updated_at FROM people WHERE employee_number LIKE $1 ORDER BY id`,
      [`${p}-%`],
    );

    const cp949 = iconv.encode(text, 'cp949');
    const again = (await admin.ok(PEOPLE, { i: { contentBase64: b64(cp949), dryRun: false } })).importPeople;
    expect(again).toMatchObject({
      encoding: 'CP949',
      applied: true,
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: [],
    });
    const after = await app.dataSource.query(
      `SELECT id, updated_at FROM people WHERE employee_number LIKE $1 ORDER BY id`,
      [`${p}-%`],
    );
    expect(after).toEqual(before);
    const [{ name }] = await app.dataSource.query(`SELECT name FROM people WHERE employee_number = $1`, [
      `${p}-1`,
    ]);
    expect(name).toBe('똠방각하');
  });

  it('updates by employee number and deactivates leavers', async () => {
    const { p, audit } = await tree();
    const person = await createPerson(app, {
      employeeNumber: `${p}-9`,
      name: '예전이름',
      email: `${p}.nine@palma.go.kr`,
    });
    const csv = `employee_number,name,email,department,active\n${p}-9,새이름,${p}.nine@palma.go.kr,${p}-AUD,퇴직\n`;
    const res = (await admin.ok(PEOPLE, { i: { contentBase64: b64(csv), dryRun: false } })).importPeople;
    expect(res).toMatchObject({ applied: true, created: 0, updated: 1 });
    const [row] = await app.dataSource.query(
      `SELECT name, department_id, active, deactivated_at FROM people WHERE id = $1`,
      [person.id],
    );
    expect(row).toMatchObject({ name: '새이름', department_id: audit.id, active: false });
    expect(row.deactivated_at).not.toBeNull();
  });

  it('reports every bad row with line, column and reason — and writes nothing', async () => {
    const { p } = await tree();
    const taken = await createPerson(app, { email: `${p}.taken@palma.go.kr` });
    const csv = [
      'employee_number,name,email,department,roles,locale,active',
      `${p}-1,정상,${p}.ok@palma.go.kr,${p}-INV,,,`, // 2: fine
      `${p}-2,,${p}.2@palma.go.kr,${p}-INV,,,`, // 3: missing name
      `${p}-3,이메일,not-an-email,${p}-INV,,,`, // 4: bad email
      `${p}-1,중복,${p}.dup@palma.go.kr,${p}-INV,,,`, // 5: duplicate employee number
      `${p}-5,부서,${p}.5@palma.go.kr,없는부서,,,`, // 6: unknown department
      `${p}-6,역할,${p}.6@palma.go.kr,${p}-INV,ROOT,,`, // 7: bad role
      `${p}-7,언어,${p}.7@palma.go.kr,${p}-INV,,fr,`, // 8: bad locale
      `${p}-8,상태,${p}.8@palma.go.kr,${p}-INV,,,maybe`, // 9: bad status
      `${p}-9,메일,${taken.email},${p}-INV,,,`, // 10: email taken by someone else
      `${p}-10,중복메일,${p}.ok@palma.go.kr,${p}-INV,,,`, // 11: email duplicated in the file
      `${p}-11,칸,${p}.11@palma.go.kr`, // 12: too few cells
      `${p}-12,팀,${p}.12@palma.go.kr,감사실,,,`, // 13: ambiguous (every test tree has 감사실)
    ].join('\n');
    const res = (await admin.ok(PEOPLE, { i: { contentBase64: b64(csv), dryRun: false } })).importPeople;
    expect(res.applied).toBe(false);
    expect(
      res.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code]),
    ).toEqual([
      [3, 'name', 'REQUIRED'],
      [4, 'email', 'INVALID_VALUE'],
      [5, 'employee_number', 'DUPLICATE_IN_FILE'],
      [6, 'department', 'UNKNOWN_DEPARTMENT'],
      [7, 'roles', 'INVALID_VALUE'],
      [8, 'locale', 'INVALID_VALUE'],
      [9, 'active', 'INVALID_VALUE'],
      [10, 'email', 'EMAIL_TAKEN'],
      [11, 'email', 'DUPLICATE_IN_FILE'],
      [12, null, 'COLUMN_COUNT'],
      [13, 'department', 'AMBIGUOUS_DEPARTMENT'],
    ]);
    expect(res.errors[2]).toMatchObject({
      message: expect.stringMatching(/also on line 2/),
      value: `${p}-1`,
      relatedLine: 2,
    });
    expect(res.errors[3]).toMatchObject({ value: '없는부서', relatedLine: null });
    expect(res.errors[9]).toMatchObject({ value: null });
    expect(await countPeople(`${p}-%`)).toBe(0);
  });

  it('refuses a row that would lock the importing admin out', async () => {
    const { p } = await tree();
    const { person, client } = await signedIn(app, { roles: ['ADMIN'], employeeNumber: `${p}-ME` });
    const csv = `employee_number,name,email,department,active\n${p}-ME,${person.name},${person.email},${p}-ROOT,N\n`;
    const res = (await client.ok(PEOPLE, { i: { contentBase64: b64(csv), dryRun: false } })).importPeople;
    expect(res.errors).toEqual([
      expect.objectContaining({ line: 2, column: 'active', code: 'SELF_LOCKOUT' }),
    ]);
  });

  it('rejects broken files as a whole with IMPORT_INVALID_FILE', async () => {
    const cases = [
      'name,email\nKim,k@x.kr\n', // missing required columns
      '', // empty
      'employee_number,name,email,department\nP1,"Kim,k@x.kr,D\n', // unclosed quote
    ];
    for (const csv of cases) {
      const res = await admin.gql(PEOPLE, { i: { contentBase64: b64(csv), dryRun: true } });
      expect(res.errors?.[0].extensions?.code, csv).toBe('IMPORT_INVALID_FILE');
    }
    const notBase64 = await admin.gql(PEOPLE, { i: { contentBase64: '%%%', dryRun: true } });
    expect(notBase64.errors?.[0].extensions?.code).toBe('IMPORT_INVALID_FILE');
  });
});

describe('department import', () => {
  it('creates a tree in any row order, then re-import changes nothing', async () => {
    const p = `DI${++prefix}`;
    const csv = [
      '부서코드,부서명,영문부서명,상위부서코드',
      `${p}-C,조사팀,Investigation,${p}-B`,
      `${p}-A,본청,Head Office,`,
      `${p}-B,감사실,Audit,${p}-A`,
    ].join('\n');
    const first = (await admin.ok(DEPARTMENTS, { i: { contentBase64: b64(csv), dryRun: false } }))
      .importDepartments;
    expect(first).toMatchObject({ applied: true, created: 3, errors: [] });
    const rows = await app.dataSource.query(
      `SELECT d.code, p.code AS parent FROM departments d LEFT JOIN departments p ON p.id = d.parent_id WHERE d.code LIKE $1 ORDER BY d.code`,
      [`${p}-%`],
    );
    expect(rows).toEqual([
      { code: `${p}-A`, parent: null },
      { code: `${p}-B`, parent: `${p}-A` },
      { code: `${p}-C`, parent: `${p}-B` },
    ]);
    const again = (
      await admin.ok(DEPARTMENTS, { i: { contentBase64: b64(iconv.encode(csv, 'cp949')), dryRun: false } })
    ).importDepartments;
    expect(again).toMatchObject({ encoding: 'CP949', created: 0, updated: 0, unchanged: 3 });
  });

  it('reports unknown parents, cycles, duplicates and unknown heads — and writes nothing', async () => {
    const { p } = await tree();
    const csv = [
      'code,name_ko,name_en,parent_code,head_employee_number',
      `${p}-N1,신규,New,${p}-NOPE,`, // 2 unknown parent
      `${p}-ROOT,본청,Head,${p}-INV,`, // 3 root under its own grandchild: cycle
      `${p}-N2,신규2,New2,,`, // 4 fine
      `${p}-N2,신규2,New2,,`, // 5 duplicate code
      `${p}-N3,신규3,New3,,NOBODY-1`, // 6 unknown head
      `${p}-N4,,New4,,`, // 7 missing Korean name
    ].join('\n');
    const res = (await admin.ok(DEPARTMENTS, { i: { contentBase64: b64(csv), dryRun: false } }))
      .importDepartments;
    expect(res.applied).toBe(false);
    expect(
      res.errors
        .map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])
        .sort(),
    ).toEqual(
      [
        [2, 'parent_code', 'UNKNOWN_PARENT'],
        [3, 'parent_code', 'DEPARTMENT_CYCLE'],
        [5, 'code', 'DUPLICATE_IN_FILE'],
        [6, 'head_employee_number', 'UNKNOWN_PERSON'],
        [7, 'name_ko', 'REQUIRED'],
      ].sort(),
    );
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM departments WHERE code LIKE $1`,
      [`${p}-N%`],
    );
    expect(n).toBe(0);
  });
});

describe('import permissions', () => {
  it('only admins import', async () => {
    const { client } = await signedIn(app, { roles: ['MANAGER', 'TRAINER'] });
    expect(await client.code(PEOPLE, { i: { contentBase64: b64('x'), dryRun: true } })).toBe('FORBIDDEN');
  });
});
