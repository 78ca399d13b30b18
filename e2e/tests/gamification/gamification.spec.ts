import { readFile } from 'node:fs/promises';
import { PalmaApi } from '../../fixtures/api.js';
import { baseURL } from '../../playwright.config.js';
import {
  celebrationDialog,
  demo,
  expect,
  openMenuLink,
  signIn,
  signInAs,
  snapshot,
  test,
  uniqueSuffix,
} from '../../fixtures/palma.js';

/**
 * Gamification end to end: an admin's badge for a new course; an employee finishes the course on a
 * phone, sees the celebration, finds the badge on the profile, downloads its Open Badges 3.0
 * credential and has it verified; a manager sees the department leaderboards with privacy applied.
 */
test('an employee earns a badge, celebrates it and downloads a verifiable credential @phone', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const title = `e2e 배지 과정 ${suffix}`;
  const badgeName = `e2e 배지 ${suffix}`;
  const trainer = await PalmaApi.signedIn(baseURL, demo.trainer.email);
  const courseId = await trainer.publishSmallCourse(title);
  const admin = await PalmaApi.signedIn(baseURL, demo.admin.email);
  await admin.gql(`mutation($i: BadgeInput!) { createBadge(input: $i) { id } }`, {
    i: {
      nameKo: badgeName,
      nameEn: `e2e badge ${suffix}`,
      descriptionKo: '과정을 마쳤습니다.',
      descriptionEn: 'Finished the course.',
      criteria: JSON.stringify({ kind: 'COURSE_COMPLETED', courseId }),
      template: { shape: 'STAR', color: '#1d5a99', symbol: 'E2E' },
    },
  });
  const { people } = await admin.gql(
    `{ people(first: 1, filter: { search: "P2010" }) { edges { node { name email } } } }`,
  );
  const learner: { name: string; email: string } = people.edges[0].node;

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'ko-KR',
    baseURL,
    acceptDownloads: true,
  });
  const page = await phone.newPage();
  try {
    await signInAs(page, learner, { celebrations: 'keep' });
    await page.goto(`/courses/${courseId}`);
    await page
      .getByRole('button', { name: '수강 시작' })
      .or(page.getByRole('link', { name: '수강 시작' }))
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '읽기: 선물 금지' })).toBeVisible();
    await page.getByRole('button', { name: '읽었습니다' }).click();
    await page.getByRole('link', { name: /^다음 차시/ }).click();
    await page.getByRole('button', { name: '돌려보내고 신고한다' }).click();
    await page.getByRole('button', { name: '상황극 마치기' }).click();
    await page.getByRole('link', { name: /^다음 차시/ }).click();
    await page.getByLabel('이름을 입력해 서명').fill(learner.name);
    await page.getByLabel('위 서약 내용을 확인했습니다').check();
    await page.getByRole('button', { name: '서명', exact: true }).click();
    await expect(page.getByRole('heading', { name: '과정을 이수했습니다' })).toBeVisible();

    // The evaluator awards the badge in the background; the notification brings the celebration.
    const celebration = celebrationDialog(page);
    await expect(celebration).toBeVisible({ timeout: 15_000 });
    await expect(celebration.getByText(badgeName)).toBeVisible();
    await snapshot(page, testInfo, 'celebration-phone');
    await celebration.getByRole('button', { name: '내 배지 보기' }).click();
    await expect(celebration).toBeHidden();

    // The profile lists it; its credential downloads as a VC-JWT.
    await expect(page).toHaveURL(/\/profile/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: `${badgeName} 배지 자격증명 다운로드` }).click();
    const file = await (await download).path();
    const jwt = (await readFile(file, 'utf8')).trim();
    expect(jwt.split('.')).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.credentialSubject.achievement.name).toBe(badgeName);
    expect(JSON.stringify(payload)).not.toContain(learner.email);

    // Celebrated once: after a reload no dialog comes back.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '획득한 배지' })).toBeVisible();
    await expect(celebration).toBeHidden();

    // Anyone can verify it, signed out, at /verify-badge.
    const stranger = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'ko-KR',
      baseURL,
    });
    try {
      const verify = await stranger.newPage();
      await verify.goto('/verify-badge');
      await verify.getByRole('textbox').first().fill(jwt);
      await verify.getByRole('button', { name: '검증', exact: true }).click();
      await expect(verify.getByText(badgeName).first()).toBeVisible();
      await expect(verify.getByText('유효한 배지입니다')).toBeVisible();
      // An altered credential fails.
      const parts = jwt.split('.');
      const forged = {
        ...payload,
        credentialSubject: {
          ...payload.credentialSubject,
          achievement: { ...payload.credentialSubject.achievement, name: '위조 배지' },
        },
      };
      parts[1] = Buffer.from(JSON.stringify(forged)).toString('base64url');
      await verify.getByRole('textbox').first().fill(parts.join('.'));
      await verify.getByRole('button', { name: '검증', exact: true }).click();
      await expect(verify.getByText('검증하지 못했습니다')).toBeVisible();
      await expect(verify.getByText('유효한 배지입니다')).toBeHidden();
      await snapshot(verify, testInfo, 'verify-forged');
    } finally {
      await stranger.close();
    }
  } finally {
    await phone.close();
  }
});

test('a manager sees the department leaderboards, with the names of their staff kept private', async ({
  page,
}, testInfo) => {
  const admin = await PalmaApi.signedIn(baseURL, demo.admin.email);
  const { departments } = await admin.gql(`{ departments { id code nameKo } }`);
  const team = departments.find((d: { code: string }) => d.code === 'AUDIT-INV');

  await signIn(page, 'manager');
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '배지·순위' }).click();
  await page.getByRole('link', { name: '리더보드' }).first().click();
  await expect(page).toHaveURL(/\/leaderboards/);

  // Departments against each other: named, by average XP per member; the manager's is marked.
  await page
    .getByRole('button', { name: '부서별 순위' })
    .or(page.getByRole('tab', { name: '부서별 순위' }))
    .click();
  const board = page.getByRole('table').first();
  await expect(board.getByRole('row', { name: /감사관/ })).toBeVisible();
  await expect(board.getByRole('row', { name: /조사팀/ })).toBeVisible();
  await snapshot(page, testInfo, 'leaderboard-departments');

  // Their team's people board: its size and the manager's scope, but no colleague's name.
  await page.goto(`/leaderboards?department=${team.id}`);
  await expect(page.getByRole('heading', { name: `${team.nameKo} 순위` })).toBeVisible();
  await expect(page.getByText(demo.employee.name)).toHaveCount(0);
  await snapshot(page, testInfo, 'leaderboard-team-private');
});

test('an admin builds a badge with the criteria builder, previews who qualifies, and it is back-filled', async ({
  page,
}, testInfo) => {
  const name = `e2e 서약과 이수 ${uniqueSuffix()}`;
  await signIn(page, 'admin');
  await openMenuLink(page, '배지 관리');
  await expect(page.getByRole('heading', { level: 1, name: '배지 관리' })).toBeVisible();
  await page
    .getByRole('link', { name: '새 배지' })
    .or(page.getByRole('button', { name: '새 배지' }))
    .click();

  await page.getByLabel('배지 이름 (한국어)', { exact: true }).fill(name);
  await page.getByLabel('배지 이름 (영어)', { exact: true }).fill(`e2e pledge and course`);
  await page.getByLabel('설명 (한국어)', { exact: true }).fill('서약하고 과정을 마쳤습니다.');
  await page.getByLabel('설명 (영어)', { exact: true }).fill('Signed the pledge and finished a course.');

  // The root group: a pledge AND a course completed.
  await page.getByLabel('조건 종류').first().selectOption({ label: '청렴 서약 서명' });
  await page.getByLabel(/서명 횟수/).fill('1');
  await page.getByRole('button', { name: '전체 조건에 조건 추가' }).click();
  await page.getByLabel('조건 종류').nth(1).selectOption({ label: '과정 이수 개수' });
  await page.getByLabel(/이수한 과정 수/).fill('1');
  await expect(page.getByText('청렴 서약 1회 서명 그리고 과정 1개 이수').first()).toBeVisible();

  await page.getByRole('button', { name: '지금 확인' }).click();
  const result = page.getByText(/전체 \d+명 중 \d+명이 지금 조건을 충족합니다/);
  await expect(result).toBeVisible();
  const qualifying = Number((await result.textContent())!.match(/중 (\d+)명/)![1]);
  expect(qualifying).toBeGreaterThan(0);
  await snapshot(page, testInfo, 'badge-editor');

  await page.getByLabel('가운데 기호').fill('✍');
  await page.getByRole('button', { name: '배지 만들기' }).click();
  await expect(page.getByText(/배지를 만들었습니다/)).toBeVisible();

  // The evaluator back-fills everyone the preview counted.
  await page.getByRole('link', { name: '보유자 보기' }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('table').last().getByRole('row')).toHaveCount(qualifying + 1, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
});
