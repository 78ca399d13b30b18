import { devices, type Browser, type Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  demo,
  dismissCelebrations,
  expect,
  openMenuLink,
  searchPeople,
  signIn,
  snapshot,
  submitLogin,
  test,
} from '../../fixtures/palma.js';

/** Nothing on the page may need sideways scrolling on a 360 px wide phone. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360 + 1);
}

/** Signs the employee in on a second, fresh phone and checks the language of the welcome. */
async function expectWelcomeOnAnotherPhone(
  browser: Browser,
  baseURL: string | undefined,
  welcome: string,
): Promise<void> {
  const context = await browser.newContext({
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    baseURL,
  });
  try {
    const page = await context.newPage();
    await dismissCelebrations(page);
    await submitLogin(page, demo.employee.email, DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(welcome);
  } finally {
    await context.close();
  }
}

/** Picks a language in the bar and waits until the server has saved it on the person. */
async function switchLanguage(page: Page, label: string, value: 'ko' | 'en'): Promise<void> {
  const saved = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('updateMyLocale'),
  );
  await page.getByRole('combobox', { name: label, exact: true }).selectOption(value);
  expect((await saved).ok()).toBe(true);
}

test.describe('on a phone', () => {
  test('@phone the employee uses the menu and switches the language back and forth', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    await signIn(page, 'employee');
    try {
      const menu = page.getByRole('button', { name: '메뉴' });
      const nav = page.getByRole('navigation', { name: '주 메뉴' });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav).toBeHidden();

      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav.getByRole('link')).toHaveText([
        '홈',
        '교육 과정',
        '행사',
        '게임 참가',
        '내 이수증',
        '배지·순위',
        '내 정보',
      ]);
      await expect(page.getByText('김민수 님', { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
      await snapshot(page, testInfo, 'phone-menu-open');

      await nav.getByRole('link', { name: '내 정보' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '내 정보' })).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'false'); // navigating closes the menu
      await expectNoHorizontalScroll(page);

      // The language select stays in the bar; the choice applies at once and is saved.
      await switchLanguage(page, '언어', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
      await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
      await snapshot(page, testInfo, 'phone-profile-english');

      // The choice is saved on the person: signing in on another phone opens in English.
      await expectWelcomeOnAnotherPhone(browser, baseURL, `Welcome, ${demo.employee.name}`);

      await switchLanguage(page, 'Language', 'ko');
      await expect(page.getByRole('heading', { level: 1, name: '내 정보' })).toBeVisible();
      await expectWelcomeOnAnotherPhone(browser, baseURL, `${demo.employee.name} 님, 환영합니다`);
    } finally {
      // Leave the shared demo account in Korean even when an assertion above failed.
      await page.request.post('/graphql', {
        data: { query: 'mutation { updateMyLocale(locale: ko) { id } }' },
      });
    }
  });

  test('@phone the admin browses people as cards without sideways scrolling', async ({ page }, testInfo) => {
    await signIn(page, 'admin');
    await page.getByRole('button', { name: '메뉴' }).click();
    await openMenuLink(page, '직원 관리');
    await expect(page.getByRole('heading', { level: 1, name: '직원 관리' })).toBeVisible();

    const table = page.getByRole('table', { name: '직원 목록' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: '페이지' }).getByRole('button', { name: '다음' }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);

    await searchPeople(page, '이지은');
    const row = table.getByRole('row').filter({ hasText: '이지은' });
    await expect(row.getByRole('link', { name: '이지은' })).toBeVisible();
    await expect(row).toContainText('인사과');
    await expect(row).toContainText('시스템 관리자');
    await expectNoHorizontalScroll(page);
    await snapshot(page, testInfo, 'phone-people');
  });
});
