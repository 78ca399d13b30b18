import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEPARTMENT_COLUMNS,
  DEPARTMENT_REQUIRED_COLUMNS,
  Limits,
  PEOPLE_COLUMNS,
  PEOPLE_REQUIRED_COLUMNS,
  type ImportKind,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../../../common/auth/viewer.js';
import { DomainError } from '../../../common/errors/domain-error.js';
import { OrgEvents } from '../org.events.js';
import { lockDepartmentTree } from '../org.queries.js';
import { CsvFileError, decodeCsv, parseCsv, type CsvEncoding, type ParsedCsv } from './csv-file.js';
import { planDepartmentImport, type DepartmentColumn, type ExistingDepartment } from './department-import.js';
import type { ImportCounts, ImportRowProblem } from './import-report.js';
import {
  planPeopleImport,
  type ExistingPerson,
  type PeopleColumn,
  type PersonState,
} from './people-import.js';

export interface ImportResult extends ImportCounts {
  kind: ImportKind;
  dryRun: boolean;
  applied: boolean;
  encoding: CsvEncoding;
  ignoredColumns: string[];
  errors: ImportRowProblem[];
}

const CHUNK = 2000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * CSV import of departments and people. All-or-nothing: the whole file is validated against the
 * database inside one transaction; any bad row means nothing is written.
 */
@Injectable()
export class OrgImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: OrgEvents,
  ) {}

  async importPeople(viewer: Viewer, contentBase64: string, dryRun: boolean): Promise<ImportResult> {
    const { encoding, csv } = this.read(contentBase64, PEOPLE_COLUMNS, PEOPLE_REQUIRED_COLUMNS);
    const result = await this.dataSource.transaction(async (em) => {
      // Departments must not move or vanish while people are matched to them.
      await lockDepartmentTree(em);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('palma.people.import'))`);
      // One connection per transaction: queries run one after another.
      const existing = await this.loadPeople(em);
      const departments = await this.loadDepartments(em);
      const plan = planPeopleImport(csv as ParsedCsv<PeopleColumn>, existing, departments, viewer.personId);
      const applied = plan.errors.length === 0 && !dryRun;
      if (applied) {
        await this.insertPeople(em, plan.creates);
        await this.updatePeople(em, plan.updates);
      }
      return this.result('PEOPLE', dryRun, applied, encoding, csv, plan);
    });
    if (result.applied && result.created + result.updated > 0) this.events.notifyChanged();
    return result;
  }

  async importDepartments(contentBase64: string, dryRun: boolean): Promise<ImportResult> {
    const { encoding, csv } = this.read(contentBase64, DEPARTMENT_COLUMNS, DEPARTMENT_REQUIRED_COLUMNS);
    const result = await this.dataSource.transaction(async (em) => {
      await lockDepartmentTree(em);
      const existing = await this.loadDepartments(em);
      const people: { id: string; employee_number: string }[] = await em.query(
        `SELECT id, employee_number FROM people`,
      );
      const plan = planDepartmentImport(
        csv as ParsedCsv<DepartmentColumn>,
        existing,
        new Map(people.map((p) => [p.employee_number, p.id])),
      );
      const applied = plan.errors.length === 0 && !dryRun;
      if (applied && plan.changes.length > 0) {
        const rows = plan.changes;
        // New departments first (parents may be new too), then names, heads and parents by code.
        await em.query(
          `INSERT INTO departments (code, name_ko, name_en)
           SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
           ON CONFLICT (code) DO NOTHING`,
          [rows.map((r) => r.code), rows.map((r) => r.nameKo), rows.map((r) => r.nameEn)],
        );
        await em.query(
          `UPDATE departments d
              SET name_ko = v.name_ko, name_en = v.name_en, head_id = v.head_id,
                  parent_id = p.id, updated_at = now()
             FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[])
                  AS v(code, name_ko, name_en, parent_code, head_id)
             LEFT JOIN departments p ON p.code = v.parent_code
            WHERE d.code = v.code`,
          [
            rows.map((r) => r.code),
            rows.map((r) => r.nameKo),
            rows.map((r) => r.nameEn),
            rows.map((r) => r.parentCode),
            rows.map((r) => r.headId),
          ],
        );
      }
      return this.result('DEPARTMENTS', dryRun, applied, encoding, csv, plan);
    });
    if (result.applied && result.created + result.updated > 0) this.events.notifyChanged();
    return result;
  }

  private read<K extends string>(
    contentBase64: string,
    aliases: Record<K, readonly string[]>,
    required: readonly K[],
  ) {
    if (contentBase64.length > Math.ceil((Limits.importBytesMax * 4) / 3) + 4) {
      throw new DomainError(
        'IMPORT_INVALID_FILE',
        `The file is larger than ${Limits.importBytesMax / 1024 / 1024} MB`,
      );
    }
    if (!/^[A-Za-z0-9+/=\s]*$/.test(contentBase64)) {
      throw new DomainError('IMPORT_INVALID_FILE', 'The upload is not base64-encoded');
    }
    const bytes = Buffer.from(contentBase64, 'base64');
    try {
      const { text, encoding } = decodeCsv(bytes);
      return { encoding, csv: parseCsv(text, aliases, required, Limits.importRowsMax) };
    } catch (error) {
      if (error instanceof CsvFileError) {
        throw new DomainError('IMPORT_INVALID_FILE', error.message, { line: error.line });
      }
      throw error;
    }
  }

  private result(
    kind: ImportKind,
    dryRun: boolean,
    applied: boolean,
    encoding: CsvEncoding,
    csv: ParsedCsv<string>,
    plan: ImportCounts & { errors: ImportRowProblem[] },
  ): ImportResult {
    return {
      kind,
      dryRun,
      applied,
      encoding,
      ignoredColumns: csv.ignoredColumns,
      totalRows: plan.totalRows,
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      errors: plan.errors,
    };
  }

  private async loadPeople(em: EntityManager): Promise<ExistingPerson[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT id, employee_number, name, email, rank, job_title, department_id, roles, locale, active FROM people`,
    );
    return rows.map((r) => ({
      id: r.id as string,
      employeeNumber: r.employee_number as string,
      name: r.name as string,
      email: r.email as string,
      rank: r.rank as string | null,
      jobTitle: r.job_title as string | null,
      departmentId: r.department_id as string,
      roles: r.roles as ExistingPerson['roles'],
      locale: r.locale as ExistingPerson['locale'],
      active: r.active as boolean,
    }));
  }

  private async loadDepartments(em: EntityManager): Promise<ExistingDepartment[]> {
    const rows: Record<string, string | null>[] = await em.query(
      `SELECT id, code, name_ko, name_en, parent_id, head_id FROM departments`,
    );
    return rows.map((r) => ({
      id: r.id!,
      code: r.code!,
      nameKo: r.name_ko!,
      nameEn: r.name_en!,
      parentId: r.parent_id,
      headId: r.head_id,
    }));
  }

  private columnsOf(rows: readonly PersonState[]): unknown[] {
    return [
      rows.map((r) => r.employeeNumber),
      rows.map((r) => r.name),
      rows.map((r) => r.email),
      rows.map((r) => r.rank),
      rows.map((r) => r.jobTitle),
      rows.map((r) => r.departmentId),
      rows.map((r) => r.roles.join(',')),
      rows.map((r) => r.locale),
      rows.map((r) => r.active),
    ];
  }

  private async insertPeople(em: EntityManager, rows: PersonState[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await em.query(
        `INSERT INTO people (employee_number, name, email, rank, job_title, department_id, roles, locale, active, deactivated_at)
         SELECT n, nm, e, r, j, d, string_to_array(ro, ','), l, a, CASE WHEN a THEN NULL ELSE now() END
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::uuid[],
                       $7::text[], $8::varchar[], $9::boolean[]) AS v(n, nm, e, r, j, d, ro, l, a)`,
        this.columnsOf(chunk),
      );
    }
  }

  private async updatePeople(em: EntityManager, rows: (PersonState & { id: string })[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await em.query(
        `UPDATE people p
            SET employee_number = v.n, name = v.nm, email = v.e, rank = v.r, job_title = v.j,
                department_id = v.d, roles = string_to_array(v.ro, ','), locale = v.l, active = v.a,
                deactivated_at = CASE WHEN v.a THEN NULL WHEN p.active THEN now() ELSE p.deactivated_at END,
                updated_at = now()
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::uuid[],
                       $7::text[], $8::varchar[], $9::boolean[], $10::uuid[]) AS v(n, nm, e, r, j, d, ro, l, a, id)
          WHERE p.id = v.id`,
        [...this.columnsOf(chunk), chunk.map((r) => r.id)],
      );
    }
  }
}
