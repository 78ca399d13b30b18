import { describe, expect, it } from 'vitest';
import type { EventAdminEventFieldsFragment } from '@/api/graphql';
import { createAppI18n } from '@/app/i18n';
import {
  emptyEventForm,
  eventFieldMessages,
  eventToForm,
  nextSessionForm,
  serverEventProblems,
  sessionHasRegistrations,
  toEventInput,
  type EventForm,
} from './event-admin-form';

const ID_A = '0b8f1c52-5d2e-4a61-9f0e-1a2b3c4d5e6f';
const ID_B = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const DEPT = '11111111-2222-4333-8444-555555555555';

function filled(changes: Partial<EventForm> = {}): EventForm {
  const form = emptyEventForm();
  return {
    ...form,
    titleKo: ' 청렴 콘서트 ',
    titleEn: 'Integrity concert',
    venue: '시청 대강당',
    sessions: [
      { ...form.sessions[0], startsAt: '2026-06-10T19:00', endsAt: '2026-06-10T21:00', capacity: 300 },
    ],
    ...changes,
  };
}

const saved: EventAdminEventFieldsFragment = {
  id: 'event-1',
  titleKo: '청렴 연극',
  titleEn: 'Integrity play',
  descriptionKo: '',
  descriptionEn: '',
  kind: 'PLAY',
  performers: '극단 청렴',
  venue: '',
  onlineUrl: 'https://stream.example/live',
  timeZone: 'Asia/Seoul',
  creditMinutes: 90,
  registrationOpensAt: '2026-05-01T00:00:00.000Z',
  registrationClosesAt: null,
  cancelCutoffMinutes: 120,
  audienceDepartmentIds: [DEPT],
  staffPersonIds: [],
  staff: [],
  status: 'PUBLISHED',
  cancelReason: '',
  publishedAt: '2026-04-20T00:00:00.000Z',
  coverUrl: null,
  updatedAt: '2026-04-20T00:00:00.000Z',
  sessions: [
    {
      id: ID_A,
      startsAt: '2026-06-10T10:00:00.000Z',
      endsAt: '2026-06-10T12:00:00.000Z',
      capacity: 100,
      confirmedCount: 80,
      waitlistCount: 5,
      checkedInCount: 0,
      seatsLeft: 20,
    },
    {
      id: ID_B,
      startsAt: '2026-06-11T10:00:00.000Z',
      endsAt: '2026-06-11T12:00:00.000Z',
      capacity: 100,
      confirmedCount: 0,
      waitlistCount: 0,
      checkedInCount: 0,
      seatsLeft: 100,
    },
  ],
};

const t = createAppI18n('ko').global.t as (key: string, named?: Record<string, unknown>) => string;

describe('event form → EventInput', () => {
  it('sends Seoul times as instants, trimmed text and a new session without an id', () => {
    const result = toEventInput(filled());
    expect(result).toEqual({
      ok: true,
      input: {
        titleKo: '청렴 콘서트',
        titleEn: 'Integrity concert',
        descriptionKo: '',
        descriptionEn: '',
        kind: 'CONCERT',
        performers: '',
        venue: '시청 대강당',
        onlineUrl: '',
        timeZone: 'Asia/Seoul',
        creditMinutes: 0,
        registrationOpensAt: null,
        registrationClosesAt: null,
        cancelCutoffMinutes: 60,
        audienceDepartmentIds: [],
        staffPersonIds: [],
        sessions: [
          { startsAt: '2026-06-10T10:00:00.000Z', endsAt: '2026-06-10T12:00:00.000Z', capacity: 300 },
        ],
      },
    });
  });

  it('reads the times in the event’s own time zone', () => {
    const form = filled({ timeZone: 'Europe/London', registrationOpensAt: '2026-05-01T09:00' });
    const result = toEventInput(form);
    expect(result.ok && result.input.sessions[0].startsAt).toBe('2026-06-10T18:00:00.000Z');
    expect(result.ok && result.input.registrationOpensAt).toBe('2026-05-01T08:00:00.000Z');
  });

  it('sends every saved session with its id, so none is removed by accident', () => {
    const result = toEventInput(eventToForm(saved));
    expect(result.ok && result.input.sessions.map((s) => s.id)).toEqual([ID_A, ID_B]);
    expect(result.ok && result.input.audienceDepartmentIds).toEqual([DEPT]);
  });

  it('keys problems by path, each field’s most precise problem first', () => {
    const form = filled({
      titleEn: '  ',
      venue: '',
      onlineUrl: 'ftp://files',
      creditMinutes: 601,
      sessions: [
        {
          ...emptyEventForm().sessions[0],
          startsAt: '2026-06-10T19:00',
          endsAt: '2026-06-10T18:00',
          capacity: 10,
        },
        { ...emptyEventForm().sessions[0], startsAt: '2026-02-30T19:00', endsAt: '', capacity: null },
      ],
    });
    const result = toEventInput(form);
    expect(result.ok).toBe(false);
    const messages = eventFieldMessages(result.ok ? [] : result.problems, t);
    expect(messages).toMatchObject({
      titleEn: '필수 항목입니다.',
      onlineUrl: 'http:// 또는 https://로 시작하는 주소를 입력하세요.',
      creditMinutes: '0에서 600 사이의 정수를 입력하세요.',
      'sessions.0.endsAt': '종료는 시작보다 뒤여야 합니다.',
      'sessions.1.startsAt': '날짜와 시각을 바르게 입력하세요.',
      'sessions.1.endsAt': '필수 항목입니다.',
      'sessions.1.capacity': '필수 항목입니다.',
    });
  });

  it('refuses a saved session’s capacity below its confirmed count before asking the server', () => {
    const form = eventToForm(saved);
    form.sessions[0].capacity = 79;
    const result = toEventInput(form);
    expect(result.ok).toBe(false);
    expect(eventFieldMessages(result.ok ? [] : result.problems, t)).toEqual({
      'sessions.0.capacity': '이미 확정된 80명보다 적게 할 수 없습니다.',
    });
  });

  it('needs a venue or an online link, a session, a real time zone and registration closing after it opens', () => {
    const nowhere = toEventInput(filled({ venue: ' ', onlineUrl: '' }));
    expect(eventFieldMessages(nowhere.ok ? [] : nowhere.problems, t)).toEqual({
      venue: '장소나 온라인 주소 중 하나를 입력하세요.',
    });
    expect(toEventInput(filled({ sessions: [] }))).toMatchObject({
      ok: false,
      problems: [{ field: 'sessions', message: 'add at least one session' }],
    });
    const zone = toEventInput(filled({ timeZone: 'Seoul' }));
    // Times cannot be read without a zone: only the zone is reported.
    expect(zone.ok ? [] : zone.problems.map((p) => p.field)).toEqual(['timeZone']);
    const window = toEventInput(
      filled({ registrationOpensAt: '2026-05-10T09:00', registrationClosesAt: '2026-05-09T09:00' }),
    );
    expect(window.ok ? [] : window.problems.map((p) => p.field)).toEqual(['registrationClosesAt']);
  });
});

describe('saved event → form', () => {
  it('shows times as wall-clock times in the event’s zone, with the saved counts', () => {
    const form = eventToForm(saved);
    expect(form.registrationOpensAt).toBe('2026-05-01T09:00');
    expect(form.registrationClosesAt).toBe('');
    expect(form.sessions[0]).toMatchObject({
      id: ID_A,
      startsAt: '2026-06-10T19:00',
      endsAt: '2026-06-10T21:00',
      capacity: 100,
      confirmedCount: 80,
      waitlistCount: 5,
    });
    expect(sessionHasRegistrations(form.sessions[0])).toBe(true);
    expect(sessionHasRegistrations(form.sessions[1])).toBe(false);
  });
});

describe('adding a session', () => {
  it('repeats the last one a day later with the same seats', () => {
    const next = nextSessionForm(eventToForm(saved).sessions);
    expect(next).toMatchObject({
      id: null,
      startsAt: '2026-06-12T19:00',
      endsAt: '2026-06-12T21:00',
      capacity: 100,
      confirmedCount: 0,
    });
  });

  it('starts empty when there is nothing to copy', () => {
    expect(nextSessionForm([])).toMatchObject({ startsAt: '', endsAt: '', capacity: null });
  });
});

describe('server refusals on the form', () => {
  it('puts CAPACITY_BELOW_CONFIRMED on the session the server names', () => {
    const problems = serverEventProblems(
      { code: 'CAPACITY_BELOW_CONFIRMED', serverMessage: '', details: { sessionId: ID_B, confirmed: 12 } },
      eventToForm(saved),
    );
    expect(eventFieldMessages(problems, t)).toEqual({
      'sessions.1.capacity': '이미 확정된 12명보다 적게 할 수 없습니다.',
    });
  });

  it('shows the schema’s problems from VALIDATION_FAILED, unknown ids on their list', () => {
    const problems = serverEventProblems(
      {
        code: 'VALIDATION_FAILED',
        serverMessage: '',
        details: {
          fields: [
            { field: 'staffPersonIds', message: `unknown person ${ID_A}` },
            { field: 'titleKo', message: 'Too big: expected string to have <=200 characters' },
          ],
        },
      },
      eventToForm(saved),
    );
    expect(eventFieldMessages(problems, t)).toEqual({
      staffPersonIds: '없는 사람이 포함되어 있습니다.',
      titleKo: '200자 이하로 입력해 주세요.',
    });
  });

  it('has no field problems for other refusals', () => {
    expect(
      serverEventProblems({ code: 'EVENT_CANCELLED', serverMessage: '', details: {} }, eventToForm(saved)),
    ).toEqual([]);
  });
});
