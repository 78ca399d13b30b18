import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, signIn, signInAs, test, uniqueSuffix } from '../../fixtures/palma.js';

/**
 * Three members of staff from the seeded organisation whom no other journey (nor the demo events,
 * which use P2001–P2027) touches: this journey registers them, cancels one and credits another.
 */
const first = { email: 'oh.seojun28@palma.go.kr', name: '오서준', number: 'P2028' };
const second = { email: 'seo.sua29@palma.go.kr', name: '서수아', number: 'P2029' };
const third = { email: 'shin.chaewon30@palma.go.kr', name: '신채원', number: 'P2030' };

const CREDIT_MINUTES = 90;

/** The calendar day `offset` days from now in Seoul, as `YYYY-MM-DD`. */
function seoulDay(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offset * 86_400_000));
}

/** A desktop browser of its own (separate cookies), as each person's own computer. */
async function desktop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
}

/** The single session of the event page, once the page shows the event. */
async function openEvent(page: Page, eventId: string, title: string) {
  await page.goto(`/events/${eventId}`);
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  const session = page.getByRole('region', { name: '회차', exact: true }).getByRole('listitem');
  await expect(session).toHaveCount(1);
  return session;
}

/** The 인정 학습 시간 tile of the home page's learning record, once the record has loaded. */
async function creditedMinutesTile(page: Page, person: { name: string }) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: `${person.name} 님, 환영합니다` })).toBeVisible();
  const assignments = page.getByRole('region', { name: '의무 교육', exact: true });
  await expect(assignments.getByRole('heading', { name: '의무 교육', exact: true })).toBeVisible();
  // The tile reads 0 until the query answers; the assignments share that query.
  await expect(assignments.getByText('불러오는 중…')).toHaveCount(0);
  return page
    .getByRole('region', { name: '내 학습 기록', exact: true })
    .locator('div')
    .filter({ has: page.getByText('인정 학습 시간', { exact: true }) })
    .getByRole('definition');
}

const minutesText = (n: number) => `${n.toLocaleString('ko-KR')}분`;

/**
 * Resolves once the page has asked the server (over its websocket) for live seat counts: the
 * door's counter moves only with those updates, so a check-in sent before it would go unseen.
 */
function seatsWatched(page: Page): Promise<void> {
  return new Promise((resolve) =>
    page.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        if (
          typeof payload === 'string' &&
          payload.includes('"subscribe"') &&
          payload.includes('sessionSeats')
        )
          resolve();
      }),
    ),
  );
}

/**
 * The events loop: a trainer creates and publishes a concert (one session, two seats, 90 credit
 * minutes) in the editor; three employees register until it is full and the third waits; one
 * cancels and the waiting one is promoted with a ticket; at the door, on a phone, the trainer
 * checks the ticket in (a second scan is refused) and the other seat by name; the promoted
 * attendee's credited learning time goes up by the event's minutes.
 */
test('trainer publishes a concert; seats, waitlist and promotion; door check-in on a phone @phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const title = `e2e 청렴 콘서트 ${suffix}`;
  const day = seoulDay(1);
  const contexts: BrowserContext[] = [];
  const open = async (person: { email: string; name: string }) => {
    const context = await desktop(browser);
    contexts.push(context);
    const p = await context.newPage();
    await signInAs(p, person);
    return p;
  };

  try {
    // 1. The trainer creates the concert in the editor and publishes it.
    const trainerContext = await desktop(browser);
    contexts.push(trainerContext);
    const trainer = await trainerContext.newPage();
    await signIn(trainer, 'trainer');
    await trainer
      .getByRole('navigation', { name: '주 메뉴' })
      .getByRole('link', { name: '행사', exact: true })
      .click();
    await expect(trainer.getByRole('heading', { level: 1, name: '행사', exact: true })).toBeVisible();
    await trainer.getByRole('link', { name: '행사 관리', exact: true }).click();
    await expect(trainer.getByRole('heading', { level: 1, name: '행사 관리', exact: true })).toBeVisible();
    await trainer.getByRole('link', { name: '새 행사', exact: true }).click();
    await expect(trainer.getByRole('heading', { level: 1, name: '새 행사', exact: true })).toBeVisible();

    await trainer.getByLabel('행사명 (한국어)', { exact: true }).fill(title);
    await trainer.getByLabel('행사명 (영어)', { exact: true }).fill(`e2e integrity concert ${suffix}`);
    await trainer.getByLabel('종류', { exact: true }).selectOption({ label: '공연' });
    await trainer.getByLabel('출연자·강연자', { exact: true }).fill('청렴 국악 앙상블');
    await trainer.getByLabel('장소', { exact: true }).fill('본관 대강당');
    await trainer.getByLabel('시작', { exact: true }).fill(`${day}T19:00`);
    await trainer.getByLabel('종료', { exact: true }).fill(`${day}T21:00`);
    await trainer.getByLabel('정원', { exact: true }).fill('2');
    await trainer.getByLabel('인정 교육시간', { exact: true }).fill(String(CREDIT_MINUTES));
    await trainer.getByRole('button', { name: '행사 만들기', exact: true }).click();

    await expect(trainer.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(trainer.getByText('행사를 초안으로 만들었습니다.', { exact: false })).toBeVisible();
    const eventId = new URL(trainer.url()).pathname.split('/').pop()!;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    const actions = trainer.getByRole('region', { name: '게시와 취소', exact: true });
    await expect(trainer.getByText('초안', { exact: true })).toBeVisible();
    await actions.getByRole('button', { name: '게시', exact: true }).click();
    await actions
      .getByRole('group', { name: '행사 게시 확인', exact: true })
      .getByRole('button', { name: '게시', exact: true })
      .click();
    await expect(actions.getByText('행사를 게시했습니다.')).toBeVisible();
    await expect(trainer.getByText('게시됨', { exact: true })).toBeVisible();

    // 2. Employees register. The first finds the concert in the month's list: two seats free.
    const one = await open(first);
    await one.goto(`/events?month=${day.slice(0, 7)}`);
    await expect(one.getByRole('heading', { level: 1, name: '행사', exact: true })).toBeVisible();
    const card = one.getByRole('article', { name: title, exact: true });
    await expect(card).toContainText(`교육 ${CREDIT_MINUTES}분 인정`);
    await expect(card.getByText('잔여 2 / 2석', { exact: true })).toBeVisible();
    await card.getByRole('link', { name: title, exact: true }).click();
    await expect(one.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(one.getByText(`출석 시 교육 ${CREDIT_MINUTES}분 인정`)).toBeVisible();
    const oneSession = one.getByRole('region', { name: '회차', exact: true }).getByRole('listitem');
    await oneSession.getByRole('button', { name: '신청하기', exact: true }).click();
    await expect(oneSession.getByRole('status')).toHaveText('신청했습니다. 좌석이 확정되었습니다.');
    await expect(oneSession.getByText('신청 완료')).toBeVisible();
    await expect(oneSession.getByText('잔여 1 / 2석', { exact: true })).toBeVisible();
    await expect(one.getByRole('region', { name: '입장권', exact: true })).toBeVisible();

    // The second takes the last seat.
    const two = await open(second);
    const twoSession = await openEvent(two, eventId, title);
    await expect(twoSession.getByText('잔여 1 / 2석', { exact: true })).toBeVisible();
    await twoSession.getByRole('button', { name: '신청하기', exact: true }).click();
    await expect(twoSession.getByRole('status')).toHaveText('신청했습니다. 좌석이 확정되었습니다.');
    await expect(twoSession.getByText('매진', { exact: true })).toBeVisible();
    // The first's open page follows the seats live.
    await expect(oneSession.getByText('매진', { exact: true })).toBeVisible();

    // The third finds it full and joins the waitlist: place 1, no ticket.
    const three = await open(third);
    const threeBefore = await creditedMinutesTile(three, third);
    const minutesBefore = Number((await threeBefore.innerText()).replace(/\D/g, ''));
    const threeSession = await openEvent(three, eventId, title);
    await expect(threeSession.getByText('매진', { exact: true })).toBeVisible();
    await expect(threeSession.getByRole('button', { name: '신청하기', exact: true })).toHaveCount(0);
    await threeSession.getByRole('button', { name: '대기 신청', exact: true }).click();
    await expect(threeSession.getByRole('status')).toHaveText('대기자 명단에 올렸습니다. 대기 1번째입니다.');
    await expect(threeSession.getByText('대기 1번째', { exact: true })).toBeVisible();
    await expect(threeSession.getByText('매진 · 대기 1명', { exact: true })).toBeVisible();
    await expect(three.getByRole('region', { name: '입장권', exact: true })).toHaveCount(0);
    await expect(oneSession.getByText('매진 · 대기 1명', { exact: true })).toBeVisible();

    // 3. The first cancels (asked first); the waiting one is promoted, live, and gets a ticket.
    await oneSession.getByRole('button', { name: '신청 취소', exact: true }).click();
    await oneSession
      .getByRole('group', { name: '신청 취소 확인', exact: true })
      .getByRole('button', { name: '네, 취소합니다', exact: true })
      .click();
    await expect(oneSession.getByRole('status')).toHaveText('신청을 취소했습니다.');
    await expect(oneSession.getByText('신청 취소됨', { exact: true })).toBeVisible();
    await expect(one.getByRole('region', { name: '입장권', exact: true })).toHaveCount(0);

    await expect(threeSession.getByText('신청 완료')).toBeVisible();
    await expect(threeSession.getByText('매진', { exact: true })).toBeVisible();
    const ticket = three.getByRole('region', { name: '입장권', exact: true });
    await expect(ticket.getByRole('img', { name: '입장용 QR 코드' })).toBeVisible();
    await expect(ticket).toContainText(third.name);

    // The code the promoted attendee's QR carries (what a scanner reads off their screen).
    const answer = await three.request.post('/graphql', {
      data: {
        query: 'query($id: ID!) { event(id: $id) { sessions { id myRegistration { status ticket } } } }',
        variables: { id: eventId },
      },
    });
    expect(answer.ok()).toBe(true);
    const [session] = (await answer.json()).data.event.sessions;
    expect(session.myRegistration.status).toBe('CONFIRMED');
    const token: string = session.myRegistration.ticket;
    expect(token).toBeTruthy();

    // 4. At the door, on a phone: the trainer sees who is coming and opens the session's door.
    const doorWatching = seatsWatched(page);
    await signIn(page, 'trainer');
    await page.goto(`/manage/events/${eventId}?tab=registrants`);
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    const registrants = page.getByRole('table', { name: '신청자 목록', exact: true });
    await expect(registrants.getByRole('row').filter({ hasText: first.name })).toContainText('취소');
    await expect(registrants.getByRole('row').filter({ hasText: second.name })).toContainText('확정');
    await expect(registrants.getByRole('row').filter({ hasText: third.name })).toContainText('확정');
    await page
      .getByRole('table', { name: '회차별 좌석과 입장 현황', exact: true })
      .getByRole('link', { name: /입장 확인 열기$/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '입장 확인', exact: true })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('session')).toBe(session.id);
    const arrived = page.getByRole('progressbar', { name: '입장 현황', exact: true });
    await expect(arrived).toHaveAttribute('aria-valuetext', '확정 2명 중 0명 입장');
    await doorWatching;

    // The ticket code, typed as a hand scanner would (Enter sends it): admitted, in green.
    const code = page.getByLabel('입장권 코드', { exact: true });
    await code.fill(token);
    await code.press('Enter');
    const admitted = page.getByRole('status').filter({ hasText: '입장 확인' });
    await expect(admitted).toContainText(third.name);
    await expect(admitted).toContainText(`사번 ${third.number}`);
    await expect(arrived).toHaveAttribute('aria-valuetext', '확정 2명 중 1명 입장');
    await expect(page.getByRole('region', { name: '입장 현황', exact: true })).toContainText(
      '대기 0명 · 잔여석 0석',
    );

    // The same ticket again: refused, in red, with when they came in.
    await code.fill(token);
    await code.press('Enter');
    const refused = page.getByRole('alert').filter({ hasText: '입장 불가' });
    await expect(refused).toContainText('이미 입장 처리되었습니다.');
    await expect(refused).toContainText(third.name);
    await expect(refused).toContainText('이미 입장했습니다.');
    await expect(arrived).toHaveAttribute('aria-valuetext', '확정 2명 중 1명 입장');

    // The other seat has no ticket to hand: found by name and let in.
    await page.getByLabel('이름 또는 사번', { exact: true }).fill(second.name);
    await page
      .getByRole('list', { name: '검색 결과', exact: true })
      .getByRole('button', { name: `${second.name}(${second.number}) 입장 처리`, exact: true })
      .click();
    await expect(page.getByRole('status').filter({ hasText: '입장 확인' })).toContainText(second.name);
    await expect(arrived).toHaveAttribute('aria-valuetext', '확정 2명 중 2명 입장');
    const recent = page.getByRole('region', { name: '최근 입장', exact: true }).getByRole('listitem');
    await expect(recent).toHaveCount(2);
    await expect(recent.first()).toContainText(second.name);
    await expect(recent.last()).toContainText(third.name);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360 + 1);

    // 5. The promoted attendee's event says they came in, and their learning time went up by 90.
    const attended = await openEvent(three, eventId, title);
    await expect(attended.getByText(/^✓ .+ 입장$/)).toBeVisible();
    const threeAfter = await creditedMinutesTile(three, third);
    await expect(threeAfter).toHaveText(minutesText(minutesBefore + CREDIT_MINUTES));
  } finally {
    for (const context of contexts) await context.close();
  }
});
