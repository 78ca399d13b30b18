import type { ImportKind } from '@palma/shared';

/** Header rows of the downloadable templates (Korean headers are accepted too). */
export const IMPORT_TEMPLATE_HEADERS: Record<ImportKind, readonly string[]> = {
  PEOPLE: [
    'employee_number',
    'name',
    'email',
    'department',
    'rank',
    'job_title',
    'roles',
    'locale',
    'active',
  ],
  DEPARTMENTS: ['code', 'name_ko', 'name_en', 'parent_code', 'head_employee_number'],
};

export function templateFileName(kind: ImportKind): string {
  return kind === 'PEOPLE' ? 'palma-people-template.csv' : 'palma-departments-template.csv';
}

/** The template as a CSV text: a BOM (so that spreadsheet programs read Korean as UTF-8) and the headers. */
export function templateCsv(kind: ImportKind): string {
  return `\uFEFF${IMPORT_TEMPLATE_HEADERS[kind].join(',')}\r\n`;
}

/** A link target that downloads the template without asking the server. */
export function templateHref(kind: ImportKind): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(kind))}`;
}
