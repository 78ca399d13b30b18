import type { Role } from '@palma/shared';

/** The demo organisation seeded on a first start: 팔마시청 / Palma City Hall. */
export const DEMO_PASSWORD = 'palma-demo-2026';

export interface DemoDepartment {
  code: string;
  nameKo: string;
  nameEn: string;
  parent: string | null;
  /** Employee number of the head (their manager scope). */
  head: string | null;
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { code: 'PALMA', nameKo: '팔마시청', nameEn: 'Palma City Hall', parent: null, head: 'P1001' },
  { code: 'AUDIT', nameKo: '감사관', nameEn: 'Audit Office', parent: 'PALMA', head: 'P0003' },
  { code: 'AUDIT-INV', nameKo: '조사팀', nameEn: 'Investigation Team', parent: 'AUDIT', head: 'P1002' },
  { code: 'AUDIT-INT', nameKo: '청렴팀', nameEn: 'Integrity Team', parent: 'AUDIT', head: null },
  { code: 'ADM', nameKo: '행정국', nameEn: 'Administration Bureau', parent: 'PALMA', head: 'P1003' },
  { code: 'ADM-HR', nameKo: '인사과', nameEn: 'Personnel Division', parent: 'ADM', head: null },
  { code: 'ADM-CON', nameKo: '계약과', nameEn: 'Contracts Division', parent: 'ADM', head: null },
  { code: 'URB', nameKo: '도시국', nameEn: 'Urban Development Bureau', parent: 'PALMA', head: 'P1004' },
  { code: 'URB-PER', nameKo: '건축허가과', nameEn: 'Building Permits Division', parent: 'URB', head: null },
  { code: 'URB-TAX', nameKo: '세무과', nameEn: 'Finance and Tax Division', parent: 'URB', head: null },
];

export interface DemoPerson {
  employeeNumber: string;
  name: string;
  email: string;
  rank: string;
  jobTitle: string;
  department: string;
  roles: Role[];
  locale: 'ko' | 'en';
}

/** The documented logins, one per role (README). */
export const DEMO_LOGINS: DemoPerson[] = [
  {
    employeeNumber: 'P0001',
    name: '이지은',
    email: 'admin@palma.go.kr',
    rank: '5급',
    jobTitle: '정보화팀장',
    department: 'ADM-HR',
    roles: ['ADMIN', 'EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P0002',
    name: '박준호',
    email: 'trainer@palma.go.kr',
    rank: '6급',
    jobTitle: '청렴교육 담당',
    department: 'AUDIT-INT',
    roles: ['TRAINER', 'EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P0003',
    name: '최서연',
    email: 'manager@palma.go.kr',
    rank: '4급',
    jobTitle: '감사관',
    department: 'AUDIT',
    roles: ['MANAGER', 'EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P0004',
    name: '김민수',
    email: 'employee@palma.go.kr',
    rank: '7급',
    jobTitle: '주무관',
    department: 'AUDIT-INV',
    roles: ['EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P0005',
    name: 'Emily Park',
    email: 'emily.park@palma.go.kr',
    rank: '7급',
    jobTitle: 'Officer',
    department: 'ADM-CON',
    roles: ['EMPLOYEE'],
    locale: 'en',
  },
];

const HEADS: DemoPerson[] = [
  {
    employeeNumber: 'P1001',
    name: '정하늘',
    email: 'mayor.office@palma.go.kr',
    rank: '1급',
    jobTitle: '부시장',
    department: 'PALMA',
    roles: ['MANAGER', 'EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P1002',
    name: '한도윤',
    email: 'han.doyun@palma.go.kr',
    rank: '5급',
    jobTitle: '조사팀장',
    department: 'AUDIT-INV',
    roles: ['MANAGER', 'EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P1003',
    name: '오세진',
    email: 'oh.sejin@palma.go.kr',
    rank: '3급',
    jobTitle: '행정국장',
    department: 'ADM',
    roles: ['MANAGER', 'EMPLOYEE'],
    locale: 'ko',
  },
  {
    employeeNumber: 'P1004',
    name: '윤미래',
    email: 'yoon.mirae@palma.go.kr',
    rank: '3급',
    jobTitle: '도시국장',
    department: 'URB',
    roles: ['MANAGER', 'EMPLOYEE'],
    locale: 'ko',
  },
];

const FAMILY = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
];
const GIVEN = [
  '서준',
  '하은',
  '도윤',
  '지우',
  '시우',
  '서연',
  '민준',
  '수아',
  '예준',
  '지호',
  '하린',
  '주원',
  '유나',
  '건우',
  '채원',
  '현우',
];
const ROMAN_FAMILY = [
  'kim',
  'lee',
  'park',
  'choi',
  'jung',
  'kang',
  'cho',
  'yoon',
  'jang',
  'lim',
  'han',
  'oh',
  'seo',
  'shin',
  'kwon',
  'hwang',
];
const ROMAN_GIVEN = [
  'seojun',
  'haeun',
  'doyun',
  'jiwoo',
  'siwoo',
  'seoyeon',
  'minjun',
  'sua',
  'yejun',
  'jiho',
  'harin',
  'juwon',
  'yuna',
  'gunwoo',
  'chaewon',
  'hyunwoo',
];
const RANKS = ['9급', '8급', '7급', '7급', '6급', '6급', '5급'];
const TITLES: Record<string, string> = {
  '9급': '주무관',
  '8급': '주무관',
  '7급': '주무관',
  '6급': '주무관',
  '5급': '팀장',
};
const STAFFED = ['AUDIT-INV', 'AUDIT-INT', 'ADM-HR', 'ADM-CON', 'URB-PER', 'URB-TAX'];

/** About 40 people: the documented logins, the department heads, and staff spread over the teams. */
export function demoPeople(): DemoPerson[] {
  const staff: DemoPerson[] = [];
  for (let i = 0; i < 32; i++) {
    const f = i % FAMILY.length;
    const g = (i * 7 + 3) % GIVEN.length;
    const rank = RANKS[i % RANKS.length];
    staff.push({
      employeeNumber: `P2${String(i + 1).padStart(3, '0')}`,
      name: FAMILY[f] + GIVEN[g],
      email: `${ROMAN_FAMILY[f]}.${ROMAN_GIVEN[g]}${i + 1}@palma.go.kr`,
      rank,
      jobTitle: TITLES[rank],
      department: STAFFED[i % STAFFED.length],
      roles: ['EMPLOYEE'],
      locale: 'ko',
    });
  }
  return [...DEMO_LOGINS, ...HEADS, ...staff];
}
