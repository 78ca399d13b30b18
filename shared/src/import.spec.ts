import { describe, expect, it } from 'vitest';
import { normaliseHeader, parseActive, parseLocaleWord, parseRoleList } from './import.js';

describe('import value words', () => {
  it('reads roles in English and Korean with any separator', () => {
    expect(parseRoleList('EMPLOYEE;manager')).toEqual(['EMPLOYEE', 'MANAGER']);
    expect(parseRoleList('직원, 강사 | 시스템관리자')).toEqual(['ADMIN', 'EMPLOYEE', 'TRAINER']);
    expect(parseRoleList('EMPLOYEE;ROOT')).toBeNull();
    expect(parseRoleList('')).toEqual([]);
  });
  it('reads active flags as HR systems write them', () => {
    expect(parseActive('재직')).toBe(true);
    expect(parseActive('퇴직')).toBe(false);
    expect(parseActive(' Y ')).toBe(true);
    expect(parseActive('maybe')).toBeNull();
  });
  it('reads locales', () => {
    expect(parseLocaleWord('한국어')).toBe('ko');
    expect(parseLocaleWord('EN')).toBe('en');
    expect(parseLocaleWord('fr')).toBeNull();
  });
  it('normalises headers', () => {
    expect(normaliseHeader(' Employee_Number ')).toBe('employeenumber');
    expect(normaliseHeader('부서 코드')).toBe('부서코드');
  });
});
