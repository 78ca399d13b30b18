import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { devices, type Page } from '@playwright/test';
import { PalmaApi } from '../../fixtures/api.js';
import { baseURL } from '../../playwright.config.js';
import { demo, expect, openMenuLink, signIn, signInAs, test, uniqueSuffix } from '../../fixtures/palma.js';

const giftFile = fileURLToPath(new URL('../../fixtures/files/integrity-quiz.gift', import.meta.url));

/**
 * The learner: an ordinary member of staff from the seeded organisation (인사과, Korean UI), not the
 * demo employee 김민수 — campaigns.spec and training.spec expect him to have no training activity
 * in the current period when they start a campaign (미시작), and an enrolment here would make it
 * 진행 중.
 */
const learner = { email: 'park.haeun3@palma.go.kr', name: '박하은' };

/** The prompts of the four questions in integrity-quiz.gift, in file order. */
const prompts = {
  single: '직무관련자에게서 받을 수 있는 음식물의 가액 기준은?',
  trueFalse: '경조사비는 어떤 경우에도 받을 수 없다.',
  short: '「부정청탁 및 금품등 수수의 금지에 관한 법률」의 흔히 쓰는 약칭은?',
  numeric: '공무원의 외부강의 사례금 상한은 시간당 몇 만 원인가?',
} as const;

/** Hands a GIFT text to the import form's file field (as if picked from disk) and checks it. */
async function checkGift(page: Page, content: string): Promise<void> {
  await page.getByLabel('파일', { exact: true }).setInputFiles({
    name: 'integrity-quiz.gift',
    mimeType: 'text/plain',
    buffer: Buffer.from(content, 'utf8'),
  });
  await page.getByRole('button', { name: '파일 확인' }).click();
}

/** The question page of a one-question-per-page attempt, once it shows the expected prompt. */
async function questionPage(page: Page, n: number, prompt: string) {
  const current = page.getByRole('group', { name: `문항 ${n} / 4`, exact: true });
  await expect(current.getByRole('heading', { name: prompt })).toBeVisible();
  return current;
}

/**
 * The quiz loop: a trainer imports GIFT questions (a broken file first), builds a quiz from them;
 * a course with that quiz (set up through the API) is taken by an employee on a phone, who passes
 * with three of four right and sees the review with the key and the explanation.
 */
test('trainer imports questions and builds a quiz; an employee passes it on a phone @phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const categoryName = `e2e 퀴즈 ${suffix}`;
  const quizTitle = `e2e 청탁금지법 퀴즈 ${suffix}`;
  const courseTitle = `e2e 퀴즈 과정 ${suffix}`;
  const lessonTitle = '확인 퀴즈';
  const gift = readFileSync(giftFile, 'utf8');
  // The first question loses its closing brace (line 9): its block, opened on line 4, never closes.
  const broken = gift.replace('\n}\n', '\n\n');
  expect(broken).not.toBe(gift);

  // The trainer works on a desktop.
  const desk = await browser.newContext({
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
  const trainer = await desk.newPage();
  await signIn(trainer, 'trainer');
  await openMenuLink(trainer, '퀴즈·문제');
  await expect(trainer.getByRole('heading', { level: 1, name: '퀴즈', exact: true })).toBeVisible();
  const quizTabs = trainer.getByRole('navigation', { name: '퀴즈 메뉴' });

  // A new category in the bank to import into.
  await quizTabs.getByRole('link', { name: '문제 은행', exact: true }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: '문제 은행' })).toBeVisible();
  await trainer.getByRole('button', { name: '새 분류', exact: true }).click();
  await trainer.getByLabel('분류 이름 (한국어)').fill(categoryName);
  await trainer.getByRole('button', { name: '만들기', exact: true }).click();
  await expect(trainer.getByText(`‘${categoryName}’ 분류를 만들었습니다.`)).toBeVisible();

  // Import: the broken file is refused with its line, nothing is written.
  await quizTabs.getByRole('link', { name: '가져오기·내보내기', exact: true }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: '문항 가져오기·내보내기' })).toBeVisible();
  await expect(trainer.getByRole('radio', { name: /^GIFT/ })).toBeChecked();
  await trainer.getByLabel('넣을 분류').selectOption({ label: categoryName });

  await checkGift(trainer, broken);
  await expect(trainer.getByRole('heading', { name: '확인 결과' })).toBeVisible();
  await expect(trainer.getByText('고칠 곳이 1군데 있습니다')).toBeVisible();
  await expect(
    trainer.getByText('아무것도 저장하지 않았습니다. 파일을 고친 뒤 다시 확인해 주세요.'),
  ).toBeVisible();
  const problems = trainer.getByRole('table', { name: '고칠 곳' });
  const problem = problems.getByRole('row').filter({ hasText: 'UNCLOSED_ANSWER_BLOCK' });
  await expect(problem).toHaveCount(1);
  await expect(problem.getByRole('cell').first()).toHaveText(/^4\b/);
  await expect(problem).toContainText('답 블록이 닫히지 않음');
  await expect(trainer.getByRole('button', { name: /^문항 \d+개 가져오기$/ })).toHaveCount(0);

  // The intact file: a clean dry run of four questions, then the import.
  await checkGift(trainer, gift);
  await expect(trainer.getByText('문제가 없습니다')).toBeVisible();
  await expect(trainer.getByText('문제없이 읽은 문항: 4개')).toBeVisible();
  await expect(problems).toHaveCount(0);
  await trainer.getByRole('button', { name: '문항 4개 가져오기' }).click();
  await expect(trainer.getByRole('heading', { name: '가져오기 결과' })).toBeVisible();
  await expect(trainer.getByText('가져오기를 마쳤습니다')).toBeVisible();
  await expect(trainer.getByText('문항 4개를 문제 은행에 넣었습니다.')).toBeVisible();

  // The bank shows them in the new category (and its subcategories from the file).
  await trainer.getByRole('link', { name: '문제 은행에서 보기' }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: '문제 은행' })).toBeVisible();
  await expect(trainer.getByText(`선택한 분류: ${categoryName}`)).toBeVisible();
  await expect(trainer.getByText('문항 4개 중 4개를 보여 줍니다.')).toBeVisible();

  // A new quiz: pass mark 50, feedback after submitting, one question per page.
  await quizTabs.getByRole('link', { name: '퀴즈', exact: true }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: '퀴즈', exact: true })).toBeVisible();
  await trainer.getByRole('link', { name: '새 퀴즈' }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: '새 퀴즈' })).toBeVisible();
  await trainer.getByLabel('퀴즈 제목(한국어)').fill(quizTitle);
  await trainer.getByLabel('퀴즈 제목(영어)').fill(`e2e anti-graft quiz ${suffix}`);
  await trainer.getByLabel('통과 기준', { exact: true }).fill('50');
  await trainer.getByRole('radio', { name: '제출한 뒤', exact: true }).check();
  await trainer.getByRole('radio', { name: '한 화면에 한 문항', exact: true }).check();
  await trainer.getByRole('button', { name: '퀴즈 만들기' }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: quizTitle })).toBeVisible();
  await expect(trainer.getByText('퀴즈를 만들었습니다. 이제 문항을 추가하세요.')).toBeVisible();
  const quizId = new URL(trainer.url()).pathname.split('/').pop()!;
  expect(quizId).not.toBe('new');

  // The four imported questions, from the bank, in file order.
  await trainer.getByRole('button', { name: '문제 은행에서 추가' }).click();
  const picker = trainer.getByRole('dialog', { name: '문제 은행에서 문항 추가' });
  await expect(picker).toBeVisible();
  await picker.getByLabel('분류', { exact: true }).selectOption({ label: categoryName });
  await expect(picker.getByRole('status').filter({ hasText: /^문항 \d+개$/ })).toHaveText('문항 4개');
  for (const prompt of Object.values(prompts)) {
    const item = picker.getByRole('listitem').filter({ hasText: prompt });
    await item.getByRole('button', { name: `퀴즈에 추가: ${prompt}` }).click();
    await expect(item.getByText('추가됨')).toBeVisible();
  }
  await picker.getByRole('button', { name: '닫기' }).click();
  await expect(picker).toBeHidden();
  const slots = trainer.getByRole('region', { name: '문항 구성' });
  await expect(slots.getByRole('listitem')).toHaveCount(4);
  await expect(slots.getByText('4문항', { exact: true })).toBeVisible();
  await expect(slots.getByText('4점', { exact: true })).toBeVisible();
  await desk.close();

  // A course whose only lesson is this quiz.
  const api = await PalmaApi.signedIn(baseURL, demo.trainer.email);
  const courseId = await api.publishQuizCourse(courseTitle, lessonTitle, quizId);

  // The learner, on a phone: start the course, read the rules, start the attempt.
  await signInAs(page, learner);
  await page.goto(`/courses/${courseId}`);
  await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
  await page.getByRole('button', { name: '수강 시작' }).click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  const overview = page.getByRole('region', { name: quizTitle });
  await expect(overview.getByRole('heading', { name: '응시 안내' })).toBeVisible();
  await expect(overview.getByText('4문항', { exact: true })).toBeVisible();
  await expect(overview.getByText('50점 이상 (100점 만점)')).toBeVisible();
  await expect(overview.getByText('답안을 제출하면 정답과 해설을 보여 드립니다.')).toBeVisible();
  await overview.getByRole('button', { name: '응시 시작' }).click();

  // One question per page: three right answers and a wrong number.
  const first = await questionPage(page, 1, prompts.single);
  await first.getByRole('radio', { name: '5만 원', exact: true }).check();
  await expect(page.getByText('저장됨')).toBeVisible();
  await page.getByRole('button', { name: '다음 문항' }).click();

  const second = await questionPage(page, 2, prompts.trueFalse);
  await second.getByRole('button', { name: 'X (틀리다)' }).click();
  await expect(second.getByRole('button', { name: 'X (틀리다)' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '다음 문항' }).click();

  // Spaces differ from the accepted 청탁금지법: still right.
  const third = await questionPage(page, 3, prompts.short);
  await third.getByLabel('답', { exact: true }).fill('청탁 금지법');
  await page.getByRole('button', { name: '다음 문항' }).click();

  const fourth = await questionPage(page, 4, prompts.numeric);
  await fourth.getByLabel('답 (숫자)').fill('30');
  await expect(page.getByRole('button', { name: '다음 문항' })).toHaveCount(0);
  await expect(page.getByText('4 / 4문항 답함')).toBeVisible();
  await expect(page.getByText('저장됨')).toBeVisible();

  await page.getByRole('button', { name: '답안 제출' }).click();
  const confirm = page.getByRole('group', { name: '답안 제출 확인' });
  await expect(confirm.getByText('모든 문항에 답했습니다.')).toBeVisible();
  await confirm.getByRole('button', { name: '제출', exact: true }).click();

  // Passed with 3 of 4 (75, pass mark 50), and the review of every question.
  const result = page.getByRole('region', { name: '1회차 결과' });
  await expect(result.getByText(/^✓\s*합격$/)).toBeVisible();
  await expect(result.getByText('75점', { exact: true })).toBeVisible();
  await expect(result.getByText('3 / 4점', { exact: true })).toBeVisible();
  await expect(result.getByText('퀴즈에 합격해 이 차시를 마쳤습니다.')).toBeVisible();
  const review = result.getByRole('region', { name: '문항별 풀이' });
  const reviewed = (prompt: string) =>
    review.getByRole('listitem').filter({ has: page.getByRole('heading', { name: prompt }) });
  await expect(reviewed(prompts.single)).toContainText('정답 1 / 1점');
  await expect(reviewed(prompts.trueFalse)).toContainText('정답 1 / 1점');
  await expect(reviewed(prompts.short)).toContainText('정답 1 / 1점');
  const numeric = reviewed(prompts.numeric);
  await expect(numeric).toContainText('오답 0 / 1점');
  await expect(numeric).toContainText('정답: 40');
  await expect(numeric.getByText('해설', { exact: true })).toBeVisible();
  await expect(numeric.getByText('공무원은 시간당 40만 원이 상한입니다.')).toBeVisible();

  // The only lesson is done, so is the course; its outline says so.
  await expect(page.getByRole('heading', { name: '과정을 이수했습니다' })).toBeVisible();
  await page.getByRole('link', { name: courseTitle, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
  await expect(page.getByText('1/1차시 완료')).toBeVisible();
  const outline = page.getByRole('region', { name: '과정 구성' });
  await expect(outline.getByRole('listitem').filter({ hasText: lessonTitle }).last()).toContainText(
    '퀴즈 · 완료',
  );
});
