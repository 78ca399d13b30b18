import { z } from 'zod';
import { ALL_LOCALES, ALL_ROLES } from './roles.js';
import { Limits } from './limits.js';

/** Removes surrounding whitespace and collapses inner runs of spaces. */
export function normaliseSpaces(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function normaliseEmail(value: string): string {
  return value.normalize('NFC').trim().toLowerCase();
}

/** Employee numbers are compared upper-cased and without spaces (HR exports vary). */
export function normaliseEmployeeNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function normaliseDepartmentCode(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const text = (max: number) =>
  z
    .string()
    .transform(normaliseSpaces)
    .pipe(z.string().min(1, 'required').max(max, `at most ${max} characters`));

const optionalText = (max: number) =>
  z
    .string()
    .transform(normaliseSpaces)
    .pipe(z.string().max(max, `at most ${max} characters`))
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const employeeNumberSchema = z
  .string()
  .transform(normaliseEmployeeNumber)
  .pipe(
    z
      .string()
      .min(1, 'required')
      .max(Limits.employeeNumberMax, `at most ${Limits.employeeNumberMax} characters`)
      .regex(/^[A-Z0-9._-]+$/, 'letters, digits, dot, dash or underscore only'),
  );

export const emailSchema = z
  .string()
  .transform(normaliseEmail)
  .pipe(z.email('not a valid email address').max(Limits.emailMax));

export const departmentCodeSchema = z
  .string()
  .transform(normaliseDepartmentCode)
  .pipe(
    z
      .string()
      .min(1, 'required')
      .max(Limits.departmentCodeMax)
      .regex(/^[A-Z0-9._-]+$/, 'letters, digits, dot, dash or underscore only'),
  );

export const passwordSchema = z
  .string()
  .min(Limits.passwordMin, `at least ${Limits.passwordMin} characters`)
  .max(Limits.passwordMax, `at most ${Limits.passwordMax} characters`);

export const roleListSchema = z
  .array(z.enum(ALL_ROLES as [string, ...string[]]))
  .transform((roles) => [...new Set(roles)].sort())
  .pipe(z.array(z.string()).min(1, 'at least one role'));

export const localeSchema = z.enum(ALL_LOCALES as [string, ...string[]]);

export const personFieldsSchema = z.object({
  employeeNumber: employeeNumberSchema,
  name: text(Limits.nameMax),
  email: emailSchema,
  rank: optionalText(Limits.rankMax),
  jobTitle: optionalText(Limits.jobTitleMax),
  locale: localeSchema,
  roles: roleListSchema,
});
export type PersonFields = z.output<typeof personFieldsSchema>;

export const departmentFieldsSchema = z.object({
  code: departmentCodeSchema,
  nameKo: text(Limits.departmentNameMax),
  nameEn: text(Limits.departmentNameMax),
});
export type DepartmentFields = z.output<typeof departmentFieldsSchema>;

/** A flat list of problems, one per field path, for forms and error extensions. */
export interface FieldProblem {
  field: string;
  message: string;
}

export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
