import {
  DEMO_PASSWORD,
  demo,
  expect,
  signIn,
  submitLogin,
  test,
  type DemoRole,
} from '../../fixtures/palma.js';

/** The links everyone finds in the main navigation, in order. */
const everyone = ['홈', '교육 과정', '행사', '게임 참가', '내 이수증', '배지·순위', '내 정보'];
/** The links each role adds, in order, under 관리. */
const menus: Record<DemoRole, string[]> = {
  admin: [
    '교육 현황',
    '과정 관리',
    '퀴즈·문제',
    '라이브 게임',
    '부서 관리',
    '직원 관리',
    '일괄 등록',
    '배지 관리',
    '교육 계획',
  ],
  trainer: ['과정 관리', '퀴즈·문제', '라이브 게임'],
  manager: ['우리 부서', '교육 현황'],
  employee: [],
};

test.describe('signing in by role', () => {
  for (const role of Object.keys(menus) as DemoRole[]) {
    test(`${role} sees their menu and name, and signs out`, async ({ page }) => {
      await signIn(page, role);

      const nav = page.getByRole('navigation', { name: '주 메뉴' });
      await expect(nav.getByRole('link')).toHaveText(everyone);
      const manage = nav.getByRole('button', { name: '관리', exact: true });
      if (menus[role].length === 0) {
        await expect(manage).toHaveCount(0);
      } else {
        // The header keeps to one line: the role's links open under 관리, and Escape closes them.
        const box = await page.getByRole('banner').boundingBox();
        expect(box!.height).toBeLessThan(90);
        await manage.click();
        await expect(manage).toHaveAttribute('aria-expanded', 'true');
        await expect(nav.getByRole('link')).toHaveText([...everyone, ...menus[role]]);
        await page.keyboard.press('Escape');
        await expect(nav.getByRole('link')).toHaveText(everyone);
      }
      await expect(
        page.getByRole('banner').getByText(`${demo[role].name} 님`, { exact: true }),
      ).toBeVisible();

      await page.getByRole('button', { name: '로그아웃' }).click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('button', { name: '로그인' })).toBeVisible();

      // The session is gone: a protected page sends us back to the login form.
      await page.goto('/profile');
      await expect(page).toHaveURL(/\/login\?redirect=/);
      await expect(page.getByRole('button', { name: '로그인' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: '주 메뉴' })).toHaveCount(0);
    });
  }

  test('an employee who opens an admin page directly is told they may not', async ({ page }) => {
    await signIn(page, 'employee');
    await page.goto('/admin/people');
    await expect(page.getByRole('heading', { level: 1, name: '접근 권한이 없습니다' })).toBeVisible();
    await expect(page.getByRole('table', { name: '직원 목록' })).toHaveCount(0);
  });

  test('a wrong password shows a translated error and keeps the login form', async ({ page }) => {
    await submitLogin(page, demo.trainer.email, `${DEMO_PASSWORD}-wrong`);
    await expect(page.getByRole('alert')).toHaveText('이메일(또는 사번)이나 비밀번호가 올바르지 않습니다.');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('an unknown address shows the not-found page', async ({ page }) => {
    await signIn(page, 'employee');
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeVisible();
  });
});
