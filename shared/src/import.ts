/** Codes of row-level problems in a CSV import report (the client translates them). */
export const ImportRowErrorCode = {
  REQUIRED: 'REQUIRED',
  INVALID_VALUE: 'INVALID_VALUE',
  COLUMN_COUNT: 'COLUMN_COUNT',
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  UNKNOWN_DEPARTMENT: 'UNKNOWN_DEPARTMENT',
  AMBIGUOUS_DEPARTMENT: 'AMBIGUOUS_DEPARTMENT',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  UNKNOWN_PARENT: 'UNKNOWN_PARENT',
  DEPARTMENT_CYCLE: 'DEPARTMENT_CYCLE',
  UNKNOWN_PERSON: 'UNKNOWN_PERSON',
  SELF_LOCKOUT: 'SELF_LOCKOUT',
} as const;
export type ImportRowErrorCode = (typeof ImportRowErrorCode)[keyof typeof ImportRowErrorCode];

export const ImportKind = { PEOPLE: 'PEOPLE', DEPARTMENTS: 'DEPARTMENTS' } as const;
export type ImportKind = (typeof ImportKind)[keyof typeof ImportKind];

/**
 * Accepted column headers (compared lower-cased without spaces, underscores or dashes):
 * the English names and what Korean HR systems export.
 */
export const PEOPLE_COLUMNS = {
  employeeNumber: [
    'employee_number',
    'employeenumber',
    'employeeno',
    'empno',
    '사번',
    '사원번호',
    '직원번호',
  ],
  name: ['name', '이름', '성명'],
  email: ['email', 'emailaddress', '이메일', '전자우편', '메일'],
  department: ['department', 'dept', 'departmentcode', '부서', '부서코드', '소속'],
  rank: ['rank', 'grade', '직급'],
  jobTitle: ['job_title', 'jobtitle', 'title', 'position', '직위', '직책'],
  roles: ['roles', 'role', '역할', '권한'],
  locale: ['locale', 'language', 'lang', '언어'],
  active: ['active', 'status', '재직여부', '재직', '상태'],
} as const;
export const PEOPLE_REQUIRED_COLUMNS = ['employeeNumber', 'name', 'email', 'department'] as const;

export const DEPARTMENT_COLUMNS = {
  code: ['code', 'departmentcode', '부서코드', '코드'],
  nameKo: ['name_ko', 'nameko', 'name', '부서명', '부서명(한글)', '한글부서명'],
  nameEn: ['name_en', 'nameen', 'englishname', '영문부서명', '부서명(영문)'],
  parentCode: ['parent_code', 'parentcode', 'parent', '상위부서코드', '상위부서'],
  headEmployeeNumber: ['head_employee_number', 'heademployeenumber', 'head', '부서장사번', '부서장'],
} as const;
export const DEPARTMENT_REQUIRED_COLUMNS = ['code', 'nameKo', 'nameEn'] as const;

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const ROLE_WORDS: Record<string, string> = {
  employee: 'EMPLOYEE',
  직원: 'EMPLOYEE',
  trainer: 'TRAINER',
  강사: 'TRAINER',
  manager: 'MANAGER',
  부서장: 'MANAGER',
  관리자: 'MANAGER',
  admin: 'ADMIN',
  시스템관리자: 'ADMIN',
  운영자: 'ADMIN',
};

/** Parses "EMPLOYEE;MANAGER", "직원, 부서장"... into role names; null when a word is unknown. */
export function parseRoleList(value: string): string[] | null {
  const words = value.split(/[\s;,|/]+/).filter(Boolean);
  const roles: string[] = [];
  for (const word of words) {
    const role = ROLE_WORDS[word.toLowerCase()];
    if (!role) return null;
    roles.push(role);
  }
  return [...new Set(roles)].sort();
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', '1', 'active', '재직', '활성', '휴직', 'o']);
const FALSE_WORDS = new Set(['n', 'no', 'false', '0', 'inactive', '퇴직', '비활성', 'x']);

export function parseActive(value: string): boolean | null {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

const LOCALE_WORDS: Record<string, 'ko' | 'en'> = {
  ko: 'ko',
  kr: 'ko',
  korean: 'ko',
  한국어: 'ko',
  en: 'en',
  english: 'en',
  영어: 'en',
};

export function parseLocaleWord(value: string): 'ko' | 'en' | null {
  return LOCALE_WORDS[value.trim().toLowerCase()] ?? null;
}
