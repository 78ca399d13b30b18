import iconv from 'iconv-lite';
import {
  expect,
  openMenuLink,
  searchPeople,
  signIn,
  snapshot,
  test,
  uniqueSuffix,
} from '../../fixtures/palma.js';
import type { Page } from '@playwright/test';

// Korean headers, as a Korean HR system or Excel writes them.
const HEADER = '사번,이름,이메일,부서,직급,직위,역할,언어,재직여부';

function csv(rows: string[][]): string {
  return [HEADER, ...rows.map((cells) => cells.join(','))].join('\r\n') + '\r\n';
}

async function chooseFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('CSV 파일').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
}

async function openImport(page: Page): Promise<void> {
  await openMenuLink(page, '일괄 등록');
  await expect(page.getByRole('heading', { level: 1, name: '일괄 등록' })).toBeVisible();
  await page.getByRole('group', { name: '가져올 항목' }).getByRole('radio', { name: '직원' }).check();
}

async function openPeople(page: Page): Promise<void> {
  await openMenuLink(page, '직원 관리');
  await expect(page.getByRole('heading', { level: 1, name: '직원 관리' })).toBeVisible();
}

test('the admin imports people from a CSV only after fixing its unknown department', async ({
  page,
}, testInfo) => {
  const s = uniqueSuffix();
  const first = [
    `IMP-${s}-1`,
    `한가람 ${s}`,
    `garam.${s.toLowerCase()}@palma.go.kr`,
    'ADM-CON',
    '7급',
    '주무관',
    '직원',
    'ko',
    '재직',
  ];
  const second = (department: string) => [
    `IMP-${s}-2`,
    `나래 ${s}`,
    `narae.${s.toLowerCase()}@palma.go.kr`,
    department,
    '6급',
    '',
    '직원;부서장',
    'ko',
    '재직',
  ];
  const broken = csv([first, second(`팔마시청/행정국/없는과${s}`)]);
  const fixed = csv([first, second('팔마시청/행정국/계약과')]);

  await signIn(page, 'admin');
  await openImport(page);

  // A check of the broken file lists the bad row and offers nothing to import.
  await chooseFile(page, 'people-broken.csv', Buffer.from(broken, 'utf8'));
  await page.getByRole('button', { name: '파일 검사' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '검사 결과' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '문제 1건을 찾았습니다' })).toContainText(
    '직원 2행',
  );
  const problems = page.getByRole('table', { name: '문제가 있는 행' });
  await expect(problems.getByRole('columnheader')).toHaveText(['줄', '열', '문제', '상세']);
  const rows = problems.getByRole('row');
  await expect(rows).toHaveCount(2); // the header row and the one bad line
  const cells = rows.nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('3');
  await expect(cells.nth(1)).toHaveText('부서');
  await expect(cells.nth(2)).toHaveText('일치하는 부서가 없습니다');
  await expect(page.getByRole('button', { name: '가져오기', exact: true })).toHaveCount(0);
  await snapshot(page, testInfo, 'import-problems');

  // Nothing was written: not even the good first row.
  await openPeople(page);
  await searchPeople(page, s);
  await expect(page.getByText('조건에 맞는 직원이 없습니다.')).toBeVisible();

  // The fixed file checks clean in UTF-8 and in EUC-KR (CP949), as Korean Excel saves it.
  await openImport(page);
  await chooseFile(page, 'people.csv', Buffer.from(fixed, 'utf8'));
  await page.getByRole('button', { name: '파일 검사' }).click();
  const checkStatus = page.getByRole('status').filter({ hasText: '문제가 없습니다' });
  await expect(checkStatus).toContainText('직원 2행: 새로 등록 2, 변경 0, 변경 없음 0');
  await expect(checkStatus).toContainText('인코딩: UTF-8');

  await chooseFile(page, 'people-euc-kr.csv', iconv.encode(fixed, 'euc-kr'));
  await expect(page.getByRole('heading', { level: 2, name: '검사 결과' })).toHaveCount(0);
  await page.getByRole('button', { name: '파일 검사' }).click();
  await expect(checkStatus).toContainText('직원 2행: 새로 등록 2, 변경 0, 변경 없음 0');
  await expect(checkStatus).toContainText('인코딩: CP949');
  await expect(page.getByRole('table', { name: '문제가 있는 행' })).toHaveCount(0);

  await page.getByRole('button', { name: '가져오기', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '가져오기 결과' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '가져오기를 마쳤습니다' })).toContainText(
    '직원 2행을 처리했습니다: 새로 등록 2, 변경 0, 변경 없음 0',
  );
  await expect(page.getByRole('button', { name: '가져오기', exact: true })).toHaveCount(0);
  await snapshot(page, testInfo, 'import-applied');

  // Both people are in the list, in the departments the file named (decoded from CP949).
  await openPeople(page);
  await searchPeople(page, s);
  const table = page.getByRole('table', { name: '직원 목록' });
  await expect(table.getByRole('link')).toHaveCount(2);
  await expect(table.getByRole('link', { name: `한가람 ${s}` })).toBeVisible();
  await expect(table.getByRole('link', { name: `나래 ${s}` })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: `한가람 ${s}` })).toContainText('계약과');
  await expect(table.getByRole('row').filter({ hasText: `나래 ${s}` })).toContainText('부서장');

  // Importing the same file again changes nothing.
  await openImport(page);
  await chooseFile(page, 'people-again.csv', Buffer.from(fixed, 'utf8'));
  await page.getByRole('button', { name: '파일 검사' }).click();
  await expect(checkStatus).toContainText('직원 2행: 새로 등록 0, 변경 0, 변경 없음 2');
  await page.getByRole('button', { name: '가져오기', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '가져오기를 마쳤습니다' })).toContainText(
    '직원 2행을 처리했습니다: 새로 등록 0, 변경 0, 변경 없음 2',
  );
});
