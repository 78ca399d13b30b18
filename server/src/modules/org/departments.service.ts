import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { departmentFieldsSchema } from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { Department } from './department.entity.js';
import type { DepartmentInput, UpdateDepartmentInput } from './dto/org.inputs.js';
import { isUniqueViolation, OrgErrors } from './org.errors.js';
import { OrgEvents } from './org.events.js';
import { lockDepartmentTree, subtreeIds } from './org.queries.js';
import { Person } from './person.entity.js';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: OrgEvents,
  ) {}

  list(): Promise<Department[]> {
    return this.dataSource.getRepository(Department).find({ order: { nameKo: 'ASC', id: 'ASC' } });
  }

  async get(id: string): Promise<Department> {
    if (!isUuid(id)) throw OrgErrors.departmentNotFound(id);
    const department = await this.dataSource.getRepository(Department).findOneBy({ id });
    if (!department) throw OrgErrors.departmentNotFound(id);
    return department;
  }

  findByIds(ids: readonly string[]): Promise<Department[]> {
    return this.dataSource
      .getRepository(Department)
      .createQueryBuilder('d')
      .where('d.id = ANY(:ids)', { ids })
      .getMany();
  }

  subtreeIds(rootIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<string[]> {
    return subtreeIds(em, rootIds);
  }

  /** A manager's scope: the departments a person heads, and their ids with all descendants. */
  async headedScope(personId: string): Promise<{ headed: Department[]; ids: string[] }> {
    const headed = await this.dataSource.getRepository(Department).find({
      where: { headId: personId },
      order: { nameKo: 'ASC' },
    });
    return {
      headed,
      ids: await subtreeIds(
        this.dataSource.manager,
        headed.map((d) => d.id),
      ),
    };
  }

  /** Active people directly in each department. */
  async headcounts(ids: readonly string[]): Promise<Map<string, number>> {
    const rows: { department_id: string; n: string }[] = await this.dataSource.query(
      `SELECT department_id, count(*) AS n FROM people WHERE active AND department_id = ANY($1::uuid[]) GROUP BY department_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.department_id, Number(r.n)]));
  }

  /** Idempotent: retrying with identical fields returns the department already created. */
  async create(input: DepartmentInput): Promise<Department> {
    const fields = parseInput(departmentFieldsSchema, input);
    return this.dataSource.transaction(async (em) => {
      await lockDepartmentTree(em);
      const parentId = input.parentId ?? null;
      const headId = input.headId ?? null;
      if (parentId) await this.assertExists(em, parentId);
      if (headId) await this.assertPersonExists(em, headId);
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(Department)
        .values({ ...fields, parentId, headId })
        .orIgnore()
        .returning('id')
        .execute();
      const id: string | undefined = inserted.raw[0]?.id;
      if (id) return em.findOneByOrFail(Department, { id });
      const existing = await em.findOneByOrFail(Department, { code: fields.code });
      const same =
        existing.nameKo === fields.nameKo &&
        existing.nameEn === fields.nameEn &&
        existing.parentId === parentId &&
        existing.headId === headId;
      if (!same) throw OrgErrors.codeTaken(fields.code);
      return existing;
    });
  }

  async update(id: string, input: UpdateDepartmentInput): Promise<Department> {
    const fields = parseInput(departmentFieldsSchema, input);
    return this.dataSource.transaction(async (em) => {
      const department = isUuid(id) ? await em.findOneBy(Department, { id }) : null;
      if (!department) throw OrgErrors.departmentNotFound(id);
      const headId = input.headId ?? null;
      if (headId) await this.assertPersonExists(em, headId);
      try {
        await em.update(Department, { id }, { ...fields, headId });
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_departments_code')) throw OrgErrors.codeTaken(fields.code);
        throw error;
      }
      return em.findOneByOrFail(Department, { id });
    });
  }

  /** Moves a department (with its subtree) under a new parent, or to the top level. */
  async move(id: string, parentId: string | null): Promise<Department> {
    const moved = await this.dataSource.transaction(async (em) => {
      await lockDepartmentTree(em);
      await this.assertExists(em, id);
      if (parentId) {
        await this.assertExists(em, parentId);
        const subtree = await subtreeIds(em, [id]);
        if (subtree.includes(parentId)) throw OrgErrors.cycle();
      }
      await em.update(Department, { id }, { parentId });
      return em.findOneByOrFail(Department, { id });
    });
    this.events.notifyChanged();
    return moved;
  }

  async delete(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      await lockDepartmentTree(em);
      await this.assertExists(em, id);
      const children = await em.countBy(Department, { parentId: id });
      const people = await em.countBy(Person, { departmentId: id });
      if (children > 0 || people > 0) throw OrgErrors.notEmpty(id);
      await em.delete(Department, { id });
      return true;
    });
  }

  private async assertExists(em: EntityManager, id: string): Promise<void> {
    if (!isUuid(id) || !(await em.existsBy(Department, { id }))) throw OrgErrors.departmentNotFound(id);
  }

  private async assertPersonExists(em: EntityManager, id: string): Promise<void> {
    if (!isUuid(id) || !(await em.existsBy(Person, { id }))) throw OrgErrors.personNotFound(id);
  }
}
