import { devices, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { DEFAULT_XP_RULES, placementRule, rankPlayers } from '@palma/shared';
import { expect, openMenuLink, signIn, signInAs, test, uniqueSuffix } from '../../fixtures/palma.js';

/**
 * Two members of staff from the seeded organisation whom no other journey (nor the demo events,
 * P2001–P2027, nor the events journey, P2028–P2030) touches: their learning record moves only here.
 */
const survivor = { email: 'kwon.seoyeon31@palma.go.kr', name: '권서연', number: 'P2031' };
const outEarly = { email: 'hwang.yuna32@palma.go.kr', name: '황유나', number: 'P2032' };

const CREDIT_MINUTES = 20;
/** Two on the podium: the third (the guest) finishes off it, and sees so. */
const WINNERS = 2;
const TIME_LIMIT_SECONDS = 15;
const LEAD_IN_SECONDS = 2;
/** How the host's screens tag a guest's nickname. */
const GUEST_TAG = '게스트';
/** A campaign every seeded person is assigned to, running now (seed.service.ts). */
const RUNNING_CAMPAIGN = '2026년 하반기 청렴교육';

/**
 * Three questions of the seeded bank (demo-questions.ts), found in the picker by a word and told
 * apart by a phrase of the prompt, with the answer buttons a phone shows for the right and a wrong
 * answer.
 */
const rounds = [
  // n 104, O/X, true.
  { search: '형사처벌', phrase: '1회 100만 원을 넘으면 형사처벌 대상이다', right: '맞다', wrong: '아니다' },
  // n 103, single choice.
  { search: '화환', phrase: '화환·조화의 가액 기준은?', right: '10만 원', wrong: '5만 원' },
  // n 105, O/X, false.
  { search: '대가성', phrase: '대가성이 없다면 청탁금지법 위반이 아니다', right: '아니다', wrong: '맞다' },
] as const;

/** A browser of its own (separate cookies) on a 1280×800 screen: the projector's laptop. */
function desktop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
}

/** A phone of its own (separate cookies), 360×740 as the phone project. */
function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
}

interface LearningRecord {
  minutes: number;
  xp: number;
  /** Minutes earned toward the running campaign's target (its assignment card). */
  campaignMinutes: number;
}

/**
 * The home page's learning record, once it has loaded: the credited minutes and XP tiles, and the
 * running campaign's "earned / target" minutes.
 */
async function learningRecord(page: Page, person: { name: string }) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: `${person.name} 님, 환영합니다` })).toBeVisible();
  const assignments = page.getByRole('region', { name: '의무 교육', exact: true });
  await expect(assignments.getByRole('heading', { name: '의무 교육', exact: true })).toBeVisible();
  // The tiles read 0 until the query answers; the assignments share that query.
  await expect(assignments.getByText('불러오는 중…')).toHaveCount(0);
  const record = page.getByRole('region', { name: '내 학습 기록', exact: true });
  const tile = (name: string) =>
    record
      .locator('div')
      .filter({ has: page.getByText(name, { exact: true }) })
      .getByRole('definition');
  return {
    minutes: tile('인정 학습 시간'),
    xp: tile('경험치'),
    campaign: assignments
      .getByRole('article', { name: RUNNING_CAMPAIGN, exact: true })
      .getByText(/^\d+ \/ \d+분$/),
  };
}

const number = (text: string) => Number(text.replace(/\D/g, ''));

async function readLearningRecord(page: Page, person: { name: string }): Promise<LearningRecord> {
  const shown = await learningRecord(page, person);
  return {
    minutes: number(await shown.minutes.innerText()),
    xp: number(await shown.xp.innerText()),
    campaignMinutes: number((await shown.campaign.innerText()).split('/')[0]),
  };
}

/** The learning record reads `before` plus the game's credit minutes and the XP of `rank`. */
async function expectCredited(page: Page, person: { name: string }, before: LearningRecord, rank: number) {
  const shown = await learningRecord(page, person);
  const minutes = before.minutes + CREDIT_MINUTES;
  await expect(shown.minutes).toHaveText(`${minutes.toLocaleString('ko-KR')}분`);
  await expect(shown.xp).toHaveText(
    `${(before.xp + DEFAULT_XP_RULES[placementRule(rank)].xp).toLocaleString('ko-KR')} XP`,
  );
  await expect(shown.campaign).toHaveText(
    new RegExp(`^${before.campaignMinutes + CREDIT_MINUTES} / \\d+분$`),
  );
}

/** The answer buttons of the round open on a phone (they appear once the lead-in is over). */
function choices(page: Page): Locator {
  return page.getByRole('group', { name: '보기', exact: true });
}

/** Answers on a phone and, unless the answer closes the round, sees it was received. */
async function answer(page: Page, choice: string, { closesRound = false } = {}): Promise<void> {
  await choices(page).getByRole('button', { name: choice, exact: true }).click();
  if (!closesRound)
    await expect(page.getByRole('status').filter({ hasText: '답을 받았습니다' })).toBeVisible();
}

/** The verdict a phone shows after the reveal. */
async function expectVerdict(page: Page, verdict: '정답!' | '아쉬워요, 오답' | '답하지 않았습니다') {
  await expect(page.getByRole('heading', { level: 2, name: verdict, exact: true })).toBeVisible();
}

/**
 * Golden Bell, live: the trainer builds a three-question game on a desktop and runs it on the big
 * screen; two employees (one by the PIN, one by the QR code's link) and a guest with a nickname play
 * on phones. The guest is out after the first question and the second employee after the second;
 * the first employee answers everything right and rings the bell. Both employees' credited minutes,
 * campaign progress and XP go up by the game's minutes and the XP of their place; the guest, who has
 * no account, is marked as such in the results.
 */
test('@phone Golden Bell on the big screen: two employees and a guest play on phones, credit and XP follow', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const title = `e2e 골든벨 ${suffix}`;
  const nickname = `관객${suffix}`;
  const contexts: BrowserContext[] = [];
  const open = async (make: (b: Browser) => Promise<BrowserContext>) => {
    const context = await make(browser);
    contexts.push(context);
    return context.newPage();
  };

  try {
    // The employees sign in on their phones; their learning record before the game.
    const one = await open(phone);
    await signInAs(one, survivor);
    const oneBefore = await readLearningRecord(one, survivor);
    const two = await open(phone);
    await signInAs(two, outEarly);
    const twoBefore = await readLearningRecord(two, outEarly);

    // 1. The trainer builds a new Golden Bell game from the question bank.
    const host = await open(desktop);
    await signIn(host, 'trainer');
    await openMenuLink(host, '라이브 게임');
    await expect(host.getByRole('heading', { level: 1, name: '라이브 게임', exact: true })).toBeVisible();
    await host.getByRole('link', { name: '새 게임', exact: true }).click();
    await expect(host.getByRole('heading', { level: 1, name: '새 라이브 게임', exact: true })).toBeVisible();

    await host.getByLabel('제목', { exact: true }).fill(title);
    await host.getByRole('radio', { name: /^골든벨/ }).check();
    await host.getByLabel('입상자 수', { exact: true }).fill(String(WINNERS));
    await host.getByLabel('인정 이수 시간', { exact: true }).fill(String(CREDIT_MINUTES));

    const roundList = host.getByRole('region', { name: '문제', exact: true });
    await roundList.getByRole('button', { name: '문제 은행에서 추가', exact: true }).click();
    const picker = host.getByRole('dialog', { name: '문제 은행에서 추가' });
    for (const round of rounds) {
      await picker.getByLabel('검색어', { exact: true }).fill(round.search);
      const found = picker.getByRole('listitem').filter({ hasText: round.phrase });
      await found.getByRole('button', { name: /^추가:/ }).click();
      await expect(found.getByText('추가함', { exact: true })).toBeVisible();
    }
    await picker.getByRole('button', { name: '닫기', exact: true }).click();
    await expect(picker).toBeHidden();

    const added = roundList.getByRole('listitem');
    await expect(added).toHaveCount(rounds.length);
    for (const [i, round] of rounds.entries()) {
      const item = added.nth(i);
      await expect(item).toContainText(round.phrase);
      await item.getByLabel('제한 시간', { exact: true }).fill(String(TIME_LIMIT_SECONDS));
      await item.getByLabel('읽는 시간', { exact: true }).fill(String(LEAD_IN_SECONDS));
    }
    await host.getByRole('button', { name: '게임 만들기', exact: true }).click();

    // 2. The big screen's lobby: the title, the PIN and the QR code with the join link.
    await expect(host).toHaveURL(/\/live\/[0-9a-f-]{36}\/host$/);
    await expect(
      host.getByRole('heading', { level: 1, name: '게임 진행 (큰 화면)', exact: true }),
    ).toBeVisible();
    await expect(host.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
    const pinOnScreen = host.getByLabel(/^게임 PIN \d( \d){5}$/);
    const pin = (await pinOnScreen.getAttribute('aria-label'))!.replace(/\D/g, '');
    expect(pin).toMatch(/^[1-9]\d{5}$/);
    // In two groups of three, for the back of the hall.
    await expect(pinOnScreen).toHaveText(`${pin.slice(0, 3)} ${pin.slice(3)}`);
    expect(pin).not.toBe('246810'); // the demo game
    const qr = host.getByRole('img', { name: /^참가 주소 QR 코드: / });
    const joinLink = (await qr.getAttribute('alt'))!.replace(/^참가 주소 QR 코드: /, '');
    expect(new URL(joinLink).pathname).toBe('/play');
    expect(new URL(joinLink).searchParams.get('pin')).toBe(pin);

    // 3. Players join. The first employee types the PIN as shown on the screen ("123 456").
    await one.goto('/play');
    await one.getByLabel('게임 PIN', { exact: true }).fill(`${pin.slice(0, 3)} ${pin.slice(3)}`);
    await one.getByRole('button', { name: '입장', exact: true }).click();
    await expect(one.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
    await expect(one.getByText('골든벨', { exact: true })).toBeVisible();
    await expect(
      one.getByText(`로그인한 이름 ${survivor.name}(으)로 참가합니다.`, { exact: false }),
    ).toBeVisible();
    await one.getByRole('button', { name: `${survivor.name}(으)로 참가`, exact: true }).click();
    await expect(one.getByRole('heading', { name: '참가했습니다!', exact: true })).toBeVisible();

    // The second opens the QR code's link: the PIN is already in.
    await two.goto(joinLink);
    await expect(two.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
    await two.getByRole('button', { name: `${outEarly.name}(으)로 참가`, exact: true }).click();
    await expect(two.getByRole('heading', { name: '참가했습니다!', exact: true })).toBeVisible();

    // The guest, not signed in, types the PIN and picks a nickname; no credit is promised.
    const guest = await open(phone);
    await guest.goto('/play');
    await guest.getByLabel('게임 PIN', { exact: true }).fill(pin);
    await guest.getByRole('button', { name: '입장', exact: true }).click();
    await expect(guest.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
    await expect(guest.getByText('이수 시간이 인정됩니다', { exact: false })).toHaveCount(0);
    await guest.getByLabel('닉네임', { exact: true }).fill(nickname);
    await guest.getByRole('button', { name: '참가하기', exact: true }).click();
    await expect(guest.getByRole('heading', { name: '참가했습니다!', exact: true })).toBeVisible();
    await expect(guest.getByText(nickname, { exact: true }).first()).toBeVisible();

    await expect(host.getByText('참가자 3명', { exact: true })).toBeVisible();

    // 4. The host starts. Question 1 (O/X): the guest answers wrong and is out.
    await host.getByRole('button', { name: '게임 시작', exact: true }).click();
    const answered = host.getByRole('progressbar', { name: '답한 사람', exact: true });
    /** The reveal's line on the big screen: "2 / 3 문제 · 3명 중 1명 정답". */
    const revealMeta = (n: number) =>
      host.getByText(new RegExp(`^${n} / ${rounds.length} 문제 · \\d+명 중 \\d+명 정답$`));
    const bell = host.getByRole('region', { name: '골든벨 현황', exact: true });
    const bellCount = (name: string) =>
      bell
        .locator('div')
        .filter({ has: host.getByText(name, { exact: true }) })
        .getByRole('definition');

    for (const p of [one, two, guest]) {
      await expect(p.getByText(`1 / ${rounds.length} 문제`, { exact: true })).toBeVisible();
      await expect(p.getByRole('heading', { level: 2, name: rounds[0].phrase })).toBeVisible();
      await expect(choices(p)).toBeVisible();
    }
    await expect(answered).toHaveAttribute('aria-valuetext', '0 / 3명 답함');
    await expect(host.getByRole('button', { name: '지금 마감하고 정답 공개', exact: true })).toBeVisible();
    await answer(two, rounds[0].right);
    await answer(guest, rounds[0].wrong);
    await expect(answered).toHaveAttribute('aria-valuetext', '2 / 3명 답함');
    // The last standing player's answer closes the round at once.
    await answer(one, rounds[0].right, { closesRound: true });

    await expect(revealMeta(1)).toHaveText(`1 / ${rounds.length} 문제 · 3명 중 2명 정답`);
    await expect(bellCount('남은 사람')).toHaveText('2');
    await expect(bellCount('이번에 탈락')).toHaveText('1');
    await expectVerdict(one, '정답!');
    await expectVerdict(two, '정답!');
    await expectVerdict(guest, '아쉬워요, 오답');
    await expect(
      guest.getByText('탈락했습니다 — 명예를 걸고 계속 풀어 보세요!', { exact: true }),
    ).toBeVisible();

    // Question 2 (single choice): the guest plays on for honour; the second employee is out.
    await host.getByRole('button', { name: '다음 문제', exact: true }).click();
    for (const p of [one, two, guest]) {
      await expect(p.getByText(`2 / ${rounds.length} 문제`, { exact: true })).toBeVisible();
      await expect(choices(p)).toBeVisible();
    }
    await expect(guest.getByText('탈락했지만 명예를 걸고 계속 풀어 보세요!', { exact: false })).toBeVisible();
    await answer(guest, rounds[1].right);
    await answer(two, rounds[1].wrong);
    // Two answers are in, but only the standing players' close the round.
    await expect(answered).toHaveAttribute('aria-valuetext', '2 / 3명 답함');
    await answer(one, rounds[1].right, { closesRound: true });

    await expect(revealMeta(2)).toBeVisible();
    await expect(bellCount('남은 사람')).toHaveText('1');
    await expect(bellCount('이번에 탈락')).toHaveText('1');
    await expectVerdict(one, '정답!');
    await expectVerdict(two, '아쉬워요, 오답');
    await expect(
      two.getByText('탈락했습니다 — 명예를 걸고 계속 풀어 보세요!', { exact: true }),
    ).toBeVisible();
    await expectVerdict(guest, '정답!');
    await expect(guest.getByText('명예 점수 (순위에는 반영되지 않음)', { exact: true })).toBeVisible();
    await expect(
      guest.getByText('탈락 상태 — 명예를 걸고 계속 풀고 있습니다.', { exact: true }),
    ).toBeVisible();

    // Question 3 (O/X), the last: the second employee answers for honour, the guest sits it out.
    await host.getByRole('button', { name: '다음 문제', exact: true }).click();
    for (const p of [one, two, guest]) {
      await expect(p.getByText(`3 / ${rounds.length} 문제`, { exact: true })).toBeVisible();
      await expect(choices(p)).toBeVisible();
    }
    await answer(two, rounds[2].right);
    await answer(one, rounds[2].right, { closesRound: true });

    await expect(revealMeta(3)).toBeVisible();
    await expect(bellCount('남은 사람')).toHaveText('1');
    await expectVerdict(one, '정답!');
    await expectVerdict(two, '정답!');
    await expect(two.getByText('명예 점수 (순위에는 반영되지 않음)', { exact: true })).toBeVisible();
    await expectVerdict(guest, '답하지 않았습니다');

    // 5. The end: the podium on the big screen, each player's place on their phone.
    await host.getByRole('button', { name: '최종 결과 보기', exact: true }).click();
    await expect(host.getByRole('heading', { level: 2, name: '최종 순위', exact: true })).toBeVisible();
    const podium = host.getByRole('region', { name: '최종 순위', exact: true }).getByRole('listitem');

    // The places follow the Golden Bell rules: standing first, then by the round a player left at
    // (the guest left at the first question, the second employee at the second).
    const rank = new Map(
      rankPlayers(
        [
          { id: 'one', score: 0, alive: true, eliminatedAt: null },
          { id: 'two', score: 0, alive: false, eliminatedAt: 1 },
          { id: 'guest', score: 0, alive: false, eliminatedAt: 0 },
        ],
        'GOLDEN_BELL',
      ).map((p) => [p.id, p.rank]),
    );
    const places = [
      { page: one, rank: rank.get('one')! },
      { page: two, rank: rank.get('two')! },
      { page: guest, rank: rank.get('guest')! },
    ];
    for (const { page, rank } of places) {
      const heading = rank <= WINNERS ? '축하합니다! 입상했습니다' : '게임이 끝났습니다';
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
      await expect(page.getByText(`3명 중 ${rank}위`, { exact: true })).toBeVisible();
    }
    // The big screen's podium shows the winners only: here both employees, not the guest.
    await expect(podium).toHaveCount(WINNERS);
    await expect(podium.filter({ hasText: survivor.name })).toContainText(`${rank.get('one')}위`);
    await expect(podium.filter({ hasText: outEarly.name })).toContainText(`${rank.get('two')}위`);
    await expect(podium.filter({ hasText: nickname })).toHaveCount(0);

    // The results: the guest is marked as a guest (no account: nothing is credited to anyone).
    await host.getByRole('link', { name: '자세한 결과 보기', exact: true }).click();
    await expect(host.getByRole('heading', { level: 1, name: `${title} 결과`, exact: true })).toBeVisible();
    const results = host.getByRole('table', { name: '참가자별 결과' }).getByRole('row');
    await expect(results.filter({ hasText: nickname })).toContainText(GUEST_TAG);
    await expect(results.filter({ hasText: survivor.name })).not.toContainText(GUEST_TAG);
    await expect(results.filter({ hasText: survivor.name })).toContainText('생존');
    await expect(results.filter({ hasText: outEarly.name })).toContainText('탈락');

    // 6. Both employees' learning record: the game's minutes, toward the campaign too, and the XP
    // of their place.
    await expectCredited(one, survivor, oneBefore, rank.get('one')!);
    await expectCredited(two, outEarly, twoBefore, rank.get('two')!);
  } finally {
    for (const context of contexts) await context.close();
  }
});
