import { describe, expect, it } from 'vitest';
import {
  emailSchema,
  employeeNumberSchema,
  normaliseEmployeeNumber,
  personFieldsSchema,
  roleListSchema,
  toFieldProblems,
} from './validation.js';

describe('employee numbers', () => {
  it('normalises full-width digits, spaces and case', () => {
    expect(normaliseEmployeeNumber(' p-２０２６ 01 ')).toBe('P-202601');
  });
  it('rejects punctuation that HR systems do not use', () => {
    expect(employeeNumberSchema.safeParse('A/1').success).toBe(false);
    expect(employeeNumberSchema.safeParse('').success).toBe(false);
  });
});

describe('emails', () => {
  it('lower-cases and trims', () => {
    expect(emailSchema.parse('  Kim.MS@Palma.GO.KR ')).toBe('kim.ms@palma.go.kr');
  });
  it('rejects a malformed address', () => {
    expect(emailSchema.safeParse('kim@').success).toBe(false);
    expect(emailSchema.safeParse('김민수').success).toBe(false);
  });
});

describe('roles', () => {
  it('deduplicates and sorts', () => {
    expect(roleListSchema.parse(['TRAINER', 'EMPLOYEE', 'TRAINER'])).toEqual(['EMPLOYEE', 'TRAINER']);
  });
  it('rejects an unknown or empty role list', () => {
    expect(roleListSchema.safeParse(['ROOT']).success).toBe(false);
    expect(roleListSchema.safeParse([]).success).toBe(false);
  });
});

describe('person fields', () => {
  it('turns blank optional fields into null and collapses spaces in names', () => {
    const parsed = personFieldsSchema.parse({
      employeeNumber: 'p1',
      name: '  김   민수 ',
      email: 'a@b.kr',
      rank: '  ',
      jobTitle: '주무관',
      locale: 'ko',
      roles: ['EMPLOYEE'],
    });
    expect(parsed).toMatchObject({ employeeNumber: 'P1', name: '김 민수', rank: null, jobTitle: '주무관' });
  });
  it('reports every bad field by path', () => {
    const result = personFieldsSchema.safeParse({
      employeeNumber: '',
      name: '',
      email: 'x',
      locale: 'fr',
      roles: [],
    });
    expect(result.success).toBe(false);
    const fields = toFieldProblems(result.error!).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['employeeNumber', 'name', 'email', 'locale', 'roles']));
  });
});
