import {
  parseActive,
  parseLocaleWord,
  parseRoleList,
  personFieldsSchema,
  type Locale,
  type PEOPLE_COLUMNS,
  type Role,
} from '@palma/shared';
import type { ParsedCsv } from './csv-file.js';
import { DepartmentDirectory, type DepartmentRef } from './department-directory.js';
import type { ImportCounts, ImportRowProblem } from './import-report.js';

export type PeopleColumn = keyof typeof PEOPLE_COLUMNS;

export interface PersonState {
  employeeNumber: string;
  name: string;
  email: string;
  rank: string | null;
  jobTitle: string | null;
  departmentId: string;
  roles: Role[];
  locale: Locale;
  active: boolean;
}

export interface ExistingPerson extends PersonState {
  id: string;
}

export interface PeopleImportPlan extends ImportCounts {
  creates: PersonState[];
  updates: (PersonState & { id: string })[];
  errors: ImportRowProblem[];
}

function sameState(a: PersonState, b: PersonState): boolean {
  return (
    a.employeeNumber === b.employeeNumber &&
    a.name === b.name &&
    a.email === b.email &&
    a.rank === b.rank &&
    a.jobTitle === b.jobTitle &&
    a.departmentId === b.departmentId &&
    a.locale === b.locale &&
    a.active === b.active &&
    [...a.roles].sort().join() === [...b.roles].sort().join()
  );
}

/**
 * Decides, without touching the database, what a people CSV would change: upsert by employee
 * number, every problem reported with its line and column. Pure so it can be tested exhaustively.
 */
export function planPeopleImport(
  csv: ParsedCsv<PeopleColumn>,
  existing: readonly ExistingPerson[],
  departments: readonly DepartmentRef[],
  importerId: string,
): PeopleImportPlan {
  const directory = new DepartmentDirectory(departments);
  const byNumber = new Map(existing.map((p) => [p.employeeNumber, p]));
  const emailOwner = new Map(existing.map((p) => [p.email, p.employeeNumber]));
  const firstLineOfNumber = new Map<string, number>();
  const firstLineOfEmail = new Map<string, number>();
  const errors: ImportRowProblem[] = [];
  const creates: PersonState[] = [];
  const updates: (PersonState & { id: string })[] = [];
  let unchanged = 0;
  const col = (key: PeopleColumn) => csv.headerOf[key] ?? key;

  for (const row of csv.rows) {
    const problems: ImportRowProblem[] = [];
    const problem = (
      column: PeopleColumn | null,
      code: ImportRowProblem['code'],
      message: string,
      relatedLine: number | null = null,
    ) =>
      problems.push({
        line: row.line,
        column: column && col(column),
        code,
        message,
        value: column ? (row.values[column] ?? '').slice(0, 100) : null,
        relatedLine,
      });

    if (row.cellCount !== csv.headerCellCount) {
      problem(null, 'COLUMN_COUNT', `Expected ${csv.headerCellCount} cells, found ${row.cellCount}`);
      errors.push(...problems);
      continue;
    }
    const v = row.values;
    const parsed = personFieldsSchema.safeParse({
      employeeNumber: v.employeeNumber ?? '',
      name: v.name ?? '',
      email: v.email ?? '',
      rank: v.rank ?? null,
      jobTitle: v.jobTitle ?? null,
      locale: 'ko',
      roles: ['EMPLOYEE'],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as PeopleColumn;
        const blank = (v[key] ?? '').trim() === '';
        problem(key, blank ? 'REQUIRED' : 'INVALID_VALUE', blank ? 'A value is required' : issue.message);
      }
    }
    const current = parsed.success ? byNumber.get(parsed.data.employeeNumber) : undefined;

    let roles: Role[] = current?.roles ?? ['EMPLOYEE'];
    if (v.roles?.trim()) {
      const list = parseRoleList(v.roles);
      if (!list || list.length === 0)
        problem('roles', 'INVALID_VALUE', `Unknown role in "${v.roles}" (EMPLOYEE, TRAINER, MANAGER, ADMIN)`);
      else roles = list as Role[];
    }
    let locale: Locale = current?.locale ?? 'ko';
    if (v.locale?.trim()) {
      const word = parseLocaleWord(v.locale);
      if (!word) problem('locale', 'INVALID_VALUE', `Unknown language "${v.locale}" (ko or en)`);
      else locale = word;
    }
    let active = current?.active ?? true;
    if (v.active?.trim()) {
      const flag = parseActive(v.active);
      if (flag === null) problem('active', 'INVALID_VALUE', `Unknown status "${v.active}" (Y/N, 재직/퇴직)`);
      else active = flag;
    }
    let departmentId: string | null = null;
    if (!v.department?.trim()) {
      problem('department', 'REQUIRED', 'A value is required');
    } else {
      const found = directory.resolve(v.department);
      if (found.kind === 'unknown')
        problem('department', 'UNKNOWN_DEPARTMENT', `No department matches "${v.department}"`);
      else if (found.kind === 'ambiguous')
        problem(
          'department',
          'AMBIGUOUS_DEPARTMENT',
          `"${v.department}" matches several departments; use the code or the full path`,
        );
      else departmentId = found.id;
    }

    if (parsed.success) {
      const { employeeNumber, email } = parsed.data;
      const firstNumber = firstLineOfNumber.get(employeeNumber);
      if (firstNumber !== undefined) {
        problem(
          'employeeNumber',
          'DUPLICATE_IN_FILE',
          `Employee number ${employeeNumber} is also on line ${firstNumber}`,
          firstNumber,
        );
      } else {
        firstLineOfNumber.set(employeeNumber, row.line);
      }
      const firstEmail = firstLineOfEmail.get(email);
      if (firstEmail !== undefined) {
        problem('email', 'DUPLICATE_IN_FILE', `Email ${email} is also on line ${firstEmail}`, firstEmail);
      } else {
        firstLineOfEmail.set(email, row.line);
        const owner = emailOwner.get(email);
        if (owner !== undefined && owner !== employeeNumber) {
          problem('email', 'EMAIL_TAKEN', `Email ${email} belongs to employee ${owner}`);
        }
      }
      if (current?.id === importerId && (!active || !roles.includes('ADMIN'))) {
        problem(active ? 'roles' : 'active', 'SELF_LOCKOUT', 'This row would remove your own admin access');
      }
    }

    if (problems.length > 0 || !parsed.success || !departmentId) {
      errors.push(...problems);
      continue;
    }
    const state: PersonState = {
      employeeNumber: parsed.data.employeeNumber,
      name: parsed.data.name,
      email: parsed.data.email,
      rank: parsed.data.rank ?? null,
      jobTitle: parsed.data.jobTitle ?? null,
      departmentId,
      roles,
      locale,
      active,
    };
    if (!current) creates.push(state);
    else if (sameState(current, state)) unchanged++;
    else updates.push({ ...state, id: current.id });
  }
  return {
    totalRows: csv.rows.length,
    created: creates.length,
    updated: updates.length,
    unchanged,
    creates,
    updates,
    errors,
  };
}
