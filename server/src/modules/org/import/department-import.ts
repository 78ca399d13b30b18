import { departmentFieldsSchema, employeeNumberSchema, type DEPARTMENT_COLUMNS } from '@palma/shared';
import type { ParsedCsv } from './csv-file.js';
import type { DepartmentRef } from './department-directory.js';
import type { ImportCounts, ImportRowProblem } from './import-report.js';

export type DepartmentColumn = keyof typeof DEPARTMENT_COLUMNS;

export interface ExistingDepartment extends DepartmentRef {
  headId: string | null;
}

export interface DepartmentRowPlan {
  code: string;
  nameKo: string;
  nameEn: string;
  parentCode: string | null;
  headId: string | null;
  /** Set for departments that already exist. */
  id: string | null;
}

export interface DepartmentImportPlan extends ImportCounts {
  /** Rows that create or change something, in file order. */
  changes: DepartmentRowPlan[];
  errors: ImportRowProblem[];
}

/**
 * Decides what a departments CSV would change (upsert by code; parent by code, from the file or
 * the database), rejecting unknown parents and cycles. Pure.
 */
export function planDepartmentImport(
  csv: ParsedCsv<DepartmentColumn>,
  existing: readonly ExistingDepartment[],
  people: ReadonlyMap<string, string>,
): DepartmentImportPlan {
  const byCode = new Map(existing.map((d) => [d.code, d]));
  const codeOfId = new Map(existing.map((d) => [d.id, d.code]));
  const finalParent = new Map<string, string | null>(
    existing.map((d) => [d.code, d.parentId ? (codeOfId.get(d.parentId) ?? null) : null]),
  );
  const hasParentColumn = csv.columns.includes('parentCode');
  const hasHeadColumn = csv.columns.includes('headEmployeeNumber');
  const col = (key: DepartmentColumn) => csv.headerOf[key] ?? key;
  const errors: ImportRowProblem[] = [];
  const firstLine = new Map<string, number>();
  const valid: { line: number; row: DepartmentRowPlan }[] = [];

  // First pass: fields, duplicates and heads; collect the file's parent links.
  for (const row of csv.rows) {
    const problems: ImportRowProblem[] = [];
    const problem = (
      column: DepartmentColumn | null,
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
    const parsed = departmentFieldsSchema.safeParse({
      code: v.code ?? '',
      nameKo: v.nameKo ?? '',
      nameEn: v.nameEn ?? '',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as DepartmentColumn;
        const blank = (v[key] ?? '').trim() === '';
        problem(key, blank ? 'REQUIRED' : 'INVALID_VALUE', blank ? 'A value is required' : issue.message);
      }
    }
    let parentCode: string | null = null;
    if (v.parentCode?.trim()) {
      const parsedParent = departmentFieldsSchema.shape.code.safeParse(v.parentCode);
      if (!parsedParent.success) problem('parentCode', 'INVALID_VALUE', parsedParent.error.issues[0].message);
      else parentCode = parsedParent.data;
    }
    let headId: string | null = null;
    if (v.headEmployeeNumber?.trim()) {
      const number = employeeNumberSchema.safeParse(v.headEmployeeNumber);
      const id = number.success ? people.get(number.data) : undefined;
      if (!id)
        problem(
          'headEmployeeNumber',
          'UNKNOWN_PERSON',
          `No person has employee number ${v.headEmployeeNumber}`,
        );
      else headId = id;
    }
    if (parsed.success) {
      const first = firstLine.get(parsed.data.code);
      if (first !== undefined)
        problem('code', 'DUPLICATE_IN_FILE', `Code ${parsed.data.code} is also on line ${first}`, first);
      else firstLine.set(parsed.data.code, row.line);
    }
    if (problems.length > 0 || !parsed.success) {
      errors.push(...problems);
      continue;
    }
    const current = byCode.get(parsed.data.code);
    const plan: DepartmentRowPlan = {
      ...parsed.data,
      parentCode: hasParentColumn ? parentCode : (finalParent.get(parsed.data.code) ?? null),
      headId: hasHeadColumn ? headId : (current?.headId ?? null),
      id: current?.id ?? null,
    };
    valid.push({ line: row.line, row: plan });
    finalParent.set(plan.code, plan.parentCode);
  }

  // Second pass: parents must exist after the import, and the tree must stay a tree.
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const changes: DepartmentRowPlan[] = [];
  for (const { line, row } of valid) {
    if (row.parentCode && !finalParent.has(row.parentCode)) {
      errors.push({
        line,
        column: col('parentCode'),
        code: 'UNKNOWN_PARENT',
        message: `No department has code ${row.parentCode}`,
        value: row.parentCode,
        relatedLine: null,
      });
      continue;
    }
    let cursor = row.parentCode;
    let steps = 0;
    let cycle = false;
    while (cursor && steps++ <= finalParent.size) {
      if (cursor === row.code) {
        cycle = true;
        break;
      }
      cursor = finalParent.get(cursor) ?? null;
    }
    if (cycle) {
      errors.push({
        line,
        column: col('parentCode'),
        code: 'DEPARTMENT_CYCLE',
        message: `Department ${row.code} would be its own ancestor`,
        value: row.parentCode,
        relatedLine: null,
      });
      continue;
    }
    const current = byCode.get(row.code);
    if (!current) {
      counts.created++;
      changes.push(row);
    } else if (
      current.nameKo === row.nameKo &&
      current.nameEn === row.nameEn &&
      current.headId === row.headId &&
      (current.parentId ? codeOfId.get(current.parentId) : null) === row.parentCode
    ) {
      counts.unchanged++;
    } else {
      counts.updated++;
      changes.push(row);
    }
  }
  return { totalRows: csv.rows.length, ...counts, changes, errors };
}
