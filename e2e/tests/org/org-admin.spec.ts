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

async function openFromMenu(page: Page, link: string): Promise<void> {
  await openMenuLink(page, link);
  await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible();
}

test('the admin adds a sub-department, moves it to another parent and deletes it', async ({
  page,
}, testInfo) => {
  const s = uniqueSuffix();
  const name = `시험팀${s}`;
  await signIn(page, 'admin');
  await openFromMenu(page, '부서 관리');

  const tree = page.getByRole('tree', { name: '부서' });
  const item = (label: string) => tree.getByRole('treeitem', { name: label, exact: true });

  await item('인사과').click();
  await expect(page.getByRole('heading', { level: 2, name: '인사과' })).toBeVisible();
  await page.getByRole('button', { name: '하위 부서 추가' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '새 부서' })).toBeVisible();
  await expect(page.getByText('상위 부서: 인사과')).toBeVisible();
  await page.getByLabel('부서 코드').fill(`e2e-${s}`);
  await page.getByLabel('한국어 이름').fill(name);
  await page.getByLabel('영어 이름').fill(`Test Team ${s}`);
  await page.getByRole('button', { name: '저장' }).click();

  await expect(page.getByRole('status').filter({ hasText: '부서를 추가했습니다.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  // The code is normalised to upper case, and the new department sits under 인사과 in the tree.
  await expect(page.getByLabel('부서 코드')).toHaveValue(`E2E-${s}`);
  await expect(item(name)).toHaveAttribute('aria-selected', 'true');
  await expect(item(name)).toHaveAttribute('aria-level', '4');
  await item(name).click();
  await page.keyboard.press('ArrowLeft'); // a leaf moves the focus to its parent
  await expect(item('인사과')).toBeFocused();
  await snapshot(page, testInfo, 'department-added');

  // Move it under 계약과.
  await item(name).click();
  const moveButton = page.getByRole('button', { name: '이동', exact: true });
  await expect(moveButton).toBeDisabled();
  await page.getByLabel('이동할 위치').selectOption({ label: '계약과' });
  await moveButton.click();
  await expect(page.getByRole('status').filter({ hasText: `${name} 부서를 옮겼습니다.` })).toBeVisible();
  await expect(page.getByText('상위 부서: 계약과')).toBeVisible();
  await expect(moveButton).toBeDisabled();
  await item(name).click();
  await page.keyboard.press('ArrowLeft');
  await expect(item('계약과')).toBeFocused();

  // Delete it, after confirming.
  await item(name).click();
  await page.getByRole('button', { name: '부서 삭제' }).click();
  const confirm = page.getByRole('group', { name: '부서 삭제 확인' });
  await expect(confirm).toContainText(`${name} 부서를 삭제할까요?`);
  await confirm.getByRole('button', { name: '삭제', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '부서를 삭제했습니다.' })).toBeVisible();
  await expect(item(name)).toHaveCount(0);
  await expect(item('계약과')).toBeVisible();
});

test('the admin registers a person with the form and then deactivates them', async ({ page }, testInfo) => {
  const s = uniqueSuffix();
  const name = `신입 ${s}`;
  await signIn(page, 'admin');
  await openFromMenu(page, '직원 관리');

  await page.getByRole('link', { name: '새 직원' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '새 직원' })).toBeVisible();
  await page.getByLabel('사번', { exact: true }).fill(`NEW-${s}`);
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByLabel('이메일', { exact: true }).fill(`new.${s.toLowerCase()}@palma.go.kr`);
  await page.getByLabel('직급', { exact: true }).fill('9급');
  await page.getByLabel('직위', { exact: true }).fill('주무관');
  const department = page.getByLabel('부서', { exact: true });
  await expect(department).toHaveValue(''); // "부서를 선택해 주세요" until chosen
  await department.selectOption({ label: '건축허가과' });
  await expect(page.getByLabel('사용 언어')).toHaveValue('ko');
  const roles = page.getByRole('group', { name: '역할' });
  await expect(roles.getByRole('checkbox', { name: '직원' })).toBeChecked();
  await roles.getByRole('checkbox', { name: '강사' }).check();
  await page.getByRole('button', { name: '저장' }).click();

  await expect(page).toHaveURL(/\/admin\/people\/[^/?]+\?created=1$/);
  await expect(page.getByRole('status').filter({ hasText: `${name} 님을 등록했습니다.` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await snapshot(page, testInfo, 'person-created');

  await page.getByRole('button', { name: '비활성화' }).click();
  await expect(page.getByRole('status').filter({ hasText: '계정을 비활성화했습니다.' })).toBeVisible();
  await expect(page.getByRole('button', { name: '다시 활성화' })).toBeVisible();

  // The list shows working people by default; the deactivated person appears under 비활성.
  await page.getByRole('link', { name: '← 직원 목록으로' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '직원 관리' })).toBeVisible();
  await searchPeople(page, s);
  await expect(page.getByText('조건에 맞는 직원이 없습니다.')).toBeVisible();
  await page.getByLabel('상태').selectOption({ label: '비활성' });
  const row = page.getByRole('table', { name: '직원 목록' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('건축허가과');
  await expect(row).toContainText('강사');
  await expect(row).toContainText('비활성');
});
