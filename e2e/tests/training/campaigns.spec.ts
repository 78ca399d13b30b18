import { expect, openMenuLink, signIn, test, uniqueSuffix } from '../../fixtures/palma.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('admin creates and starts a campaign for everyone; employees see it at home', async ({
  page,
  browser,
}) => {
  const name = `e2e 배정 ${uniqueSuffix()}`;
  await signIn(page, 'admin');
  await openMenuLink(page, '교육 계획');
  await page.getByRole('link', { name: '새 교육 계획' }).click();

  await page.getByLabel('이름 (한국어)', { exact: true }).fill(name);
  await page.getByLabel('이름 (영어)', { exact: true }).fill(`${name} (en)`);
  await page.getByLabel('기간 시작').fill(day(-1));
  await page.getByLabel('기간 끝').fill(day(60));
  await page.getByLabel('기한', { exact: true }).fill(day(30));
  const tier = page.getByRole('group', { name: '적용 대상' }).first();
  await tier.getByLabel('전 직원').check();
  await page.getByLabel('대상 이름 (한국어)').first().fill('전 직원');
  await page.getByLabel('대상 이름 (영어)').first().fill('Everyone');
  await page.getByLabel('목표 시간(분)').first().fill('45');
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByText('교육 계획을 초안으로 만들었습니다.')).toBeVisible();

  await page.getByRole('button', { name: '시작', exact: true }).click();
  await page
    .getByRole('group', { name: '교육 계획 시작 확인' })
    .getByRole('button', { name: '시작', exact: true })
    .click();
  await expect(page.getByText('교육 계획을 시작했습니다.')).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const employee = await context.newPage();
  await signIn(employee, 'employee');
  const card = employee.getByRole('article', { name });
  await expect(card).toBeVisible();
  await expect(card.getByText('미시작')).toBeVisible();
  await context.close();
});
