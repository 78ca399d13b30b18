import { expect, openMenuLink, signIn, test, uniqueSuffix } from '../../fixtures/palma.js';

test('trainer builds a course in the editor and publishes it for learners', async ({ page, browser }) => {
  const title = `e2e 작성 과정 ${uniqueSuffix()}`;
  await signIn(page, 'trainer');
  await openMenuLink(page, '과정 관리');
  await page
    .getByRole('link', { name: '새 과정' })
    .or(page.getByRole('button', { name: '새 과정' }))
    .first()
    .click();

  await page.getByLabel('과정명 (한국어)').fill(title);
  await page.getByLabel('과정명 (영어)').fill(`${title} (en)`);
  await page.getByLabel('분야', { exact: true }).selectOption({ label: '청렴 일반·부패방지 법령' });
  await page.getByLabel('인정 학습 시간').fill('30');
  await page.getByLabel('예상 학습 시간').fill('20');
  await page.getByRole('button', { name: '과정 만들기' }).click();
  await expect(page.getByText('과정을 만들었습니다.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: '모듈 추가' }).click();
  await page.getByLabel('모듈 이름 (한국어)').fill('1부');
  await page.getByLabel('모듈 이름 (영어)').fill('Part 1');
  await page.getByRole('button', { name: '모듈 만들기' }).click();
  await expect(page.getByText('모듈을 추가했습니다.')).toBeVisible();

  await page.getByRole('button', { name: /^차시 추가: / }).click();
  await page.getByLabel('차시 제목 (한국어)').fill('금품 수수 금지');
  await page.getByLabel('차시 제목 (영어)').fill('No gifts');
  await page.getByLabel('본문 (한국어, Markdown)').fill('# 원칙\n\n직무관련자의 선물은 **받지 않습니다**.');
  await page.getByLabel('본문 (영어, Markdown)').fill('# Rule\n\nDo **not** accept gifts.');
  await page.getByRole('button', { name: '차시 만들기' }).click();
  await expect(page.getByText('차시를 추가했습니다.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: '게시', exact: true }).click();
  await page.getByRole('group', { name: '게시 확인' }).getByRole('button', { name: '게시하기' }).click();
  await expect(page.getByText('v1을 게시했습니다')).toBeVisible();

  // An employee now finds it in the catalogue.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const learner = await context.newPage();
  await signIn(learner, 'employee');
  await learner.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '교육 과정' }).click();
  await learner.getByRole('search', { name: '과정 검색' }).getByLabel('검색', { exact: true }).fill(title);
  await learner
    .getByRole('link', { name: new RegExp(title) })
    .first()
    .click();
  await expect(learner.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await context.close();
});
