import { expect, openMenuLink, searchPeople, signIn, test } from '../../fixtures/palma.js';

const SCOPE = ['감사관', '조사팀', '청렴팀'];

test('the manager sees only the people of the departments they head', async ({ page }) => {
  await signIn(page, 'manager');
  await openMenuLink(page, '우리 부서');
  await expect(page.getByRole('heading', { level: 1, name: '우리 부서' })).toBeVisible();

  // The department filter offers the whole scope first, then only 감사관 and what is below it.
  const department = page.getByRole('search', { name: '직원 검색' }).getByLabel('부서', { exact: true });
  await expect(department.getByRole('option')).toHaveText(['내 관할 전체', ...SCOPE]);

  // Every person listed on the first page belongs to the scope.
  const table = page.getByRole('table', { name: '우리 부서 직원 목록' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  const column = headers.findIndex((header) => header.trim() === '부서');
  expect(column).toBeGreaterThanOrEqual(0);
  const inScope = new RegExp(`^(${SCOPE.join('|')})$`);
  const count = await rows.count();
  for (let i = 1; i < count; i++) await expect(rows.nth(i).getByRole('cell').nth(column)).toHaveText(inScope);

  // 김민수 of 조사팀 is there; the admin 이지은 of 인사과 is not, even when searched for.
  await searchPeople(page, '김민수');
  await expect(table.getByRole('row').filter({ hasText: '김민수' })).toContainText('조사팀');
  await searchPeople(page, '이지은');
  await expect(page.getByText('조건에 맞는 직원이 없습니다.')).toBeVisible();
  await expect(page.getByRole('table', { name: '우리 부서 직원 목록' })).toHaveCount(0);
});
