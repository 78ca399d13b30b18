import { randomBytes } from 'node:crypto';
import type { Role } from '@palma/shared';
import type { DataSource } from 'typeorm';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { Department } from '../../src/modules/org/department.entity.js';
import { Person } from '../../src/modules/org/person.entity.js';
import type { TestApp } from '../utils/test-app.js';

export const TEST_PASSWORD = 'correct-horse-battery';

const unique = () => randomBytes(4).toString('hex').toUpperCase();

export async function createDepartment(
  ds: DataSource,
  fields: Partial<Pick<Department, 'code' | 'nameKo' | 'nameEn' | 'parentId' | 'headId'>> = {},
): Promise<Department> {
  const code = fields.code ?? `D-${unique()}`;
  return ds.getRepository(Department).save({
    code,
    nameKo: fields.nameKo ?? `부서 ${code}`,
    nameEn: fields.nameEn ?? `Department ${code}`,
    parentId: fields.parentId ?? null,
    headId: fields.headId ?? null,
  });
}

export interface PersonFactoryInput {
  roles?: Role[];
  departmentId?: string;
  name?: string;
  email?: string;
  employeeNumber?: string;
  rank?: string | null;
  active?: boolean;
  /** null: no password (cannot sign in). */
  password?: string | null;
}

/** A person with a password (TEST_PASSWORD unless given), in a new department unless given. */
export async function createPerson(app: TestApp, input: PersonFactoryInput = {}): Promise<Person> {
  const departmentId = input.departmentId ?? (await createDepartment(app.dataSource)).id;
  const id = unique();
  const person = await app.dataSource.getRepository(Person).save({
    employeeNumber: input.employeeNumber ?? `E${id}`,
    name: input.name ?? `테스트 ${id}`,
    email: (input.email ?? `person.${id}@test.palma`).toLowerCase(),
    rank: input.rank ?? '7급',
    jobTitle: '주무관',
    departmentId,
    roles: input.roles ?? ['EMPLOYEE'],
    locale: 'ko',
    active: input.active ?? true,
  });
  if (input.password !== null) {
    await app.palma.app.get(AuthService).setPassword(person.id, input.password ?? TEST_PASSWORD, false);
  }
  return person;
}

/** A signed-in client for a new person with the given roles. */
export async function signedIn(app: TestApp, input: PersonFactoryInput = {}) {
  const person = await createPerson(app, input);
  const client = await app.client().login(person.email, input.password ?? TEST_PASSWORD);
  return { person, client };
}

/**
 * A small tree:  root ─┬─ a ── a1
 *                      └─ b
 */
export async function createTree(ds: DataSource) {
  const root = await createDepartment(ds);
  const a = await createDepartment(ds, { parentId: root.id });
  const a1 = await createDepartment(ds, { parentId: a.id });
  const b = await createDepartment(ds, { parentId: root.id });
  return { root, a, a1, b };
}
