import { PalmaApi } from '../../fixtures/api.js';
import { baseURL } from '../../playwright.config.js';
import { demo, expect, openMenuLink, signIn, test, uniqueSuffix } from '../../fixtures/palma.js';

/**
 * The core loop: a trainer's course (set up through the API) is required by an admin's campaign;
 * the employee completes it on a phone and downloads the certificate; their manager's training
 * status counts the completion.
 */
test('employee completes mandatory training on a phone and gets the certificate @phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const title = `e2e 청렴 과정 ${suffix}`;
  const campaignName = `e2e 교육 계획 ${suffix}`;
  const trainer = await PalmaApi.signedIn(baseURL, demo.trainer.email);
  const courseId = await trainer.publishSmallCourse(title);
  const admin = await PalmaApi.signedIn(baseURL, demo.admin.email);
  const { departments } = await admin.gql(`{ departments { id code } }`);
  const audit = departments.find((d: { code: string }) => d.code === 'AUDIT');
  const now = Date.now();
  const { createCampaign } = await admin.gql(
    `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
    {
      i: {
        nameKo: campaignName,
        nameEn: campaignName,
        periodStart: new Date(now - 86_400_000).toISOString(),
        periodEnd: new Date(now + 60 * 86_400_000).toISOString(),
        dueAt: new Date(now + 30 * 86_400_000).toISOString(),
        tiers: [
          {
            nameKo: '감사관',
            nameEn: 'Audit',
            departmentIds: [audit.id],
            minutesTarget: 30,
            requiredCourseIds: [courseId],
          },
        ],
      },
    },
  );
  await admin.gql(`mutation($id: ID!) { activateCampaign(id: $id) { id } }`, { id: createCampaign.id });

  // Home: the new campaign is due, not started.
  await signIn(page, 'employee');
  const card = page.getByRole('article', { name: campaignName });
  await expect(card).toBeVisible();
  await expect(card.getByText('미시작')).toBeVisible();
  await card.getByRole('link', { name: title }).click();

  // The course page, then every lesson in the player.
  await page
    .getByRole('button', { name: '수강 시작' })
    .or(page.getByRole('link', { name: '수강 시작' }))
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '읽기: 선물 금지' })).toBeVisible();
  await page.getByRole('button', { name: '읽었습니다' }).click();
  await page.getByRole('link', { name: /^다음 차시/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: '상황극: 선물' })).toBeVisible();
  await page.getByRole('button', { name: '돌려보내고 신고한다' }).click();
  await expect(page.getByText('잘했습니다.')).toBeVisible();
  await page.getByRole('button', { name: '상황극 마치기' }).click();
  await expect(page.getByText('상황극을 마쳤습니다.')).toBeVisible();
  await page.getByRole('link', { name: /^다음 차시/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: '청렴 서약' })).toBeVisible();
  await page.getByLabel('이름을 입력해 서명').fill(demo.employee.name);
  await page.getByLabel('위 서약 내용을 확인했습니다').check();
  await page.getByRole('button', { name: '서명', exact: true }).click();

  await expect(page.getByRole('heading', { name: '과정을 이수했습니다' })).toBeVisible();
  await expect(page.getByText('30분')).toBeVisible();
  await page.getByRole('button', { name: '이수증 받기' }).click();
  const pdfLink = page.getByRole('link', { name: /이수증 PDF 내려받기|PDF/ }).first();
  await expect(pdfLink).toBeVisible();
  const pdf = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, baseURL).toString());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Home again: the campaign is now completed (30 minutes and the required course).
  await page.goto('/');
  await expect(page.getByRole('article', { name: campaignName }).getByText(/^\W*이수$/)).toBeVisible();

  // The manager of 감사관 sees the completion in the training status (on a desktop).
  const desk = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
  const managerPage = await desk.newPage();
  await signIn(managerPage, 'manager');
  await openMenuLink(managerPage, '교육 현황');
  await expect(managerPage.getByRole('heading', { level: 1, name: '교육 현황' })).toBeVisible();
  await managerPage
    .getByRole('combobox', { name: '교육 계획', exact: true })
    .selectOption({ label: `${campaignName} (진행 중)` });
  const people = managerPage.getByRole('table', { name: '교육 대상자 목록' });
  await expect(people.getByRole('row').filter({ hasText: demo.employee.name })).toContainText('이수');
  await desk.close();
});
