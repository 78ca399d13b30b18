import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  emailSchema,
  employeeNumberSchema,
  localeSchema,
  personFieldsSchema,
  type Locale,
  type Role,
} from '@palma/shared';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from '../../common/graphql/connection.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { Department } from './department.entity.js';
import { DepartmentsService } from './departments.service.js';
import { OrgEvents } from './org.events.js';
import type { PeopleFilter, PersonInput } from './dto/org.inputs.js';
import { isUniqueViolation, OrgErrors } from './org.errors.js';
import { subtreeIds } from './org.queries.js';
import { Person } from './person.entity.js';

/** Which departments' people a viewer may see: everything (admin) or a set of department ids. */
export type PeopleScope = { kind: 'all' } | { kind: 'departments'; ids: ReadonlySet<string> };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly events: OrgEvents,
  ) {}

  /** Admins see everyone; managers the subtree of the departments they head; others nobody. */
  async scopeOf(viewer: Viewer): Promise<PeopleScope> {
    if (viewer.roles.includes('ADMIN')) return { kind: 'all' };
    if (!viewer.roles.includes('MANAGER')) return { kind: 'departments', ids: new Set() };
    return { kind: 'departments', ids: new Set((await this.departments.headedScope(viewer.personId)).ids) };
  }

  async list(
    viewer: Viewer,
    filter: PeopleFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Person>> {
    const limit = pageSize(first);
    const scope = await this.scopeOf(viewer);
    const qb = this.dataSource.getRepository(Person).createQueryBuilder('p');
    if (scope.kind === 'departments') {
      qb.andWhere('p.department_id = ANY(:scope)', { scope: [...scope.ids] });
    }
    await this.applyFilter(qb, scope, filter);
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      qb.andWhere('(p.name, p.id) > (:afterName, :afterId)', { afterName: name, afterId: id });
    }
    const rows = await qb
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      totalCount,
      (p) => encodeCursor([p.name, p.id]),
      (p) => p,
    );
  }

  private async applyFilter(
    qb: SelectQueryBuilder<Person>,
    scope: PeopleScope,
    filter: PeopleFilter | null | undefined,
  ): Promise<void> {
    if (!filter) {
      qb.andWhere('p.active');
      return;
    }
    if (filter.active != null) qb.andWhere('p.active = :active', { active: filter.active });
    if (filter.role) qb.andWhere(':role = ANY(p.roles)', { role: filter.role });
    if (filter.rank) qb.andWhere('p.rank = :rank', { rank: filter.rank });
    if (filter.departmentId) {
      if (!isUuid(filter.departmentId)) throw OrgErrors.departmentNotFound(filter.departmentId);
      if (scope.kind === 'departments' && !scope.ids.has(filter.departmentId)) throw OrgErrors.outOfScope();
      const ids = filter.includeSubdepartments
        ? await subtreeIds(this.dataSource.manager, [filter.departmentId])
        : [filter.departmentId];
      qb.andWhere('p.department_id = ANY(:departments)', { departments: ids });
    }
    const search = filter.search?.trim();
    if (search) {
      const like = `%${escapeLike(search)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('p.name ILIKE :like', { like })
            .orWhere('p.email ILIKE :like')
            .orWhere('p.employee_number ILIKE :like'),
        ),
      );
    }
  }

  /** One person, if the viewer may see them: themself, an admin, or their manager. */
  async get(viewer: Viewer, id: string): Promise<Person> {
    const person = isUuid(id) ? await this.dataSource.getRepository(Person).findOneBy({ id }) : null;
    if (!person) throw OrgErrors.personNotFound(id);
    if (person.id === viewer.personId) return person;
    const scope = await this.scopeOf(viewer);
    if (scope.kind === 'departments' && !scope.ids.has(person.departmentId))
      throw OrgErrors.personNotFound(id);
    return person;
  }

  findById(id: string): Promise<Person | null> {
    return isUuid(id) ? this.dataSource.getRepository(Person).findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Looks a person up by email or employee number, as typed on the login form. */
  async findForLogin(identifier: string): Promise<Person | null> {
    const repo = this.dataSource.getRepository(Person);
    if (identifier.includes('@')) {
      const email = emailSchema.safeParse(identifier);
      return email.success ? repo.findOneBy({ email: email.data }) : null;
    }
    const number = employeeNumberSchema.safeParse(identifier);
    return number.success ? repo.findOneBy({ employeeNumber: number.data }) : null;
  }

  /** Distinct ranks in use, for filters. */
  async ranks(): Promise<string[]> {
    const rows: { rank: string }[] = await this.dataSource.query(
      `SELECT DISTINCT rank FROM people WHERE rank IS NOT NULL ORDER BY rank`,
    );
    return rows.map((r) => r.rank);
  }

  /** Idempotent: retrying with identical fields returns the person already created. */
  async create(input: PersonInput): Promise<Person> {
    const fields = parseInput(personFieldsSchema, input);
    const person = await this.dataSource.transaction(async (em) => {
      await this.assertDepartment(em, input.departmentId);
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(Person)
        .values({
          ...fields,
          roles: fields.roles as Role[],
          locale: fields.locale as Locale,
          departmentId: input.departmentId,
        })
        .orIgnore()
        .returning('id')
        .execute();
      const id: string | undefined = inserted.raw[0]?.id;
      if (id) return em.findOneByOrFail(Person, { id });
      const existing = await em.findOneBy(Person, { employeeNumber: fields.employeeNumber });
      if (!existing) throw OrgErrors.emailTaken(fields.email);
      const same =
        existing.name === fields.name &&
        existing.email === fields.email &&
        existing.rank === fields.rank &&
        existing.jobTitle === fields.jobTitle &&
        existing.departmentId === input.departmentId &&
        existing.locale === fields.locale &&
        [...existing.roles].sort().join() === fields.roles.join();
      if (!same) throw OrgErrors.employeeNumberTaken(fields.employeeNumber);
      return existing;
    });
    this.events.notifyChanged();
    return person;
  }

  async update(viewer: Viewer, id: string, input: PersonInput): Promise<Person> {
    const fields = parseInput(personFieldsSchema, input);
    const person = await this.dataSource.transaction(async (em) => {
      const person = isUuid(id) ? await em.findOneBy(Person, { id }) : null;
      if (!person) throw OrgErrors.personNotFound(id);
      await this.assertDepartment(em, input.departmentId);
      if (person.roles.includes('ADMIN') && !fields.roles.includes('ADMIN')) {
        if (person.id === viewer.personId) throw OrgErrors.lastAdmin();
        await this.assertAnotherAdmin(em, person.id);
      }
      try {
        await em.update(
          Person,
          { id },
          {
            ...fields,
            roles: fields.roles as Role[],
            locale: fields.locale as Locale,
            departmentId: input.departmentId,
          },
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_people_employee_number'))
          throw OrgErrors.employeeNumberTaken(fields.employeeNumber);
        if (isUniqueViolation(error, 'UQ_people_email')) throw OrgErrors.emailTaken(fields.email);
        throw error;
      }
      return em.findOneByOrFail(Person, { id });
    });
    this.events.notifyChanged();
    return person;
  }

  /** Deactivating keeps the person's history; their sessions stop working at once. */
  async setActive(viewer: Viewer, id: string, active: boolean): Promise<Person> {
    const person = await this.dataSource.transaction(async (em) => {
      const person = isUuid(id) ? await em.findOneBy(Person, { id }) : null;
      if (!person) throw OrgErrors.personNotFound(id);
      if (!active && person.id === viewer.personId) throw OrgErrors.cannotDeactivateSelf();
      if (!active && person.roles.includes('ADMIN')) await this.assertAnotherAdmin(em, person.id);
      if (person.active !== active) {
        await em.update(Person, { id }, { active, deactivatedAt: active ? null : new Date() });
      }
      return em.findOneByOrFail(Person, { id });
    });
    this.events.notifyChanged();
    return person;
  }

  async updateLocale(personId: string, locale: string): Promise<Person> {
    const value = parseInput(localeSchema, locale) as Locale;
    await this.dataSource.getRepository(Person).update({ id: personId }, { locale: value });
    return this.dataSource.getRepository(Person).findOneByOrFail({ id: personId });
  }

  private async assertDepartment(em: EntityManager, id: string): Promise<void> {
    if (!isUuid(id) || !(await em.existsBy(Department, { id }))) throw OrgErrors.departmentNotFound(id);
  }

  /** Serialised so that two admins demoting each other at once cannot leave nobody in charge. */
  private async assertAnotherAdmin(em: EntityManager, exceptId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('palma.people.admins'))`);
    const [{ n }] = await em.query(
      `SELECT count(*)::int AS n FROM people WHERE active AND 'ADMIN' = ANY(roles) AND id <> $1`,
      [exceptId],
    );
    if (n < 1) throw OrgErrors.lastAdmin();
  }
}
