import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { EventDetail, EventRegistration, EventSessionItem } from '../composables/useEvents';
import EventSessionRow, { type SessionFeedback } from './EventSessionRow.vue';

const NOW = new Date('2026-12-01T00:00:00Z');

function event(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 'e-1',
    titleKo: '청렴 콘서트',
    titleEn: 'Integrity concert',
    kind: 'CONCERT',
    status: 'PUBLISHED',
    venue: '대강당',
    onlineUrl: '',
    timeZone: 'Asia/Seoul',
    coverUrl: null,
    creditMinutes: 60,
    firstStartsAt: '2026-12-10T10:00:00Z',
    lastEndsAt: '2026-12-10T11:30:00Z',
    registrationOpensAt: null,
    registrationClosesAt: null,
    sessions: [],
    descriptionKo: '',
    descriptionEn: '',
    performers: '',
    cancelReason: '',
    cancelCutoffMinutes: 60,
    ...overrides,
  };
}

function session(overrides: Partial<EventSessionItem> = {}): EventSessionItem {
  return {
    id: 's-1',
    eventId: 'e-1',
    startsAt: '2026-12-10T10:00:00Z',
    endsAt: '2026-12-10T11:30:00Z',
    capacity: 50,
    confirmedCount: 31,
    waitlistCount: 0,
    seatsLeft: 19,
    myRegistration: null,
    ...overrides,
  };
}

function registration(overrides: Partial<EventRegistration> = {}): EventRegistration {
  return {
    id: 'r-1',
    sessionId: 's-1',
    status: 'CONFIRMED',
    canCancel: true,
    waitlistPlace: null,
    registeredAt: '2026-11-20T00:00:00Z',
    confirmedAt: '2026-11-20T00:00:00Z',
    cancelledAt: null,
    checkedInAt: null,
    ticket: 'signed',
    ...overrides,
  };
}

function render(
  props: {
    event?: EventDetail;
    session?: EventSessionItem;
    registering?: boolean;
    feedback?: SessionFeedback;
  },
  locale: 'ko' | 'en' = 'en',
) {
  return mount(EventSessionRow, {
    props: {
      event: props.event ?? event(),
      session: props.session ?? session(),
      now: NOW,
      timeZone: 'Asia/Seoul',
      registering: props.registering ?? false,
      cancelling: false,
      feedback: props.feedback ?? null,
    },
    global: { plugins: [createAppI18n(locale)] },
  });
}

const button = (w: ReturnType<typeof render>, name: string) =>
  w.findAll('button').find((b) => b.text() === name);

describe('EventSessionRow', () => {
  it('shows the seats left in the viewer’s words and offers a seat', async () => {
    const w = render({});
    expect(w.text()).toContain('19 / 50 left');
    expect(w.text()).toContain('10 December 2026, 19:00–20:30');
    const register = button(w, 'Register');
    expect(register).toBeDefined();
    await register!.trigger('click');
    expect(w.emitted('register')).toHaveLength(1);
  });

  it('says it in Korean too', () => {
    const w = render({}, 'ko');
    expect(w.text()).toContain('잔여 19 / 50석');
    expect(button(w, '신청하기')).toBeDefined();
  });

  it('offers the waitlist once the session is full, and explains it', () => {
    const w = render({ session: session({ confirmedCount: 50, seatsLeft: 0, waitlistCount: 3 }) });
    expect(w.text()).toContain('Full · 3 waiting');
    expect(button(w, 'Register')).toBeUndefined();
    expect(button(w, 'Join waitlist')).toBeDefined();
    expect(w.text()).toContain('people on the waitlist get it in order');
  });

  it('blocks a second click while registering', () => {
    const w = render({ registering: true });
    expect(button(w, 'Register')!.attributes('disabled')).toBeDefined();
  });

  it('asks before cancelling and then names the registration', async () => {
    const w = render({ session: session({ myRegistration: registration() }) });
    expect(w.text()).toContain('Registered');
    expect(button(w, 'Register')).toBeUndefined();
    await button(w, 'Cancel registration')!.trigger('click');
    expect(w.emitted('cancel')).toBeUndefined();
    expect(w.get('[role="group"]').text()).toContain('Your seat goes to the next person waiting');
    await button(w, 'Yes, cancel')!.trigger('click');
    expect(w.emitted('cancel')).toEqual([['r-1']]);
  });

  it('gives the waitlist place and no cancel button past the cut-off', () => {
    const mine = registration({ status: 'WAITLISTED', waitlistPlace: 3, canCancel: false, ticket: null });
    const w = render({ session: session({ myRegistration: mine }) }, 'ko');
    expect(w.text()).toContain('대기 3번째');
    expect(button(w, '대기 취소')).toBeUndefined();
    expect(w.text()).toContain('취소 기한이 지나');
  });

  it('says when registration opens instead of offering it early', () => {
    const w = render({ event: event({ registrationOpensAt: '2026-12-05T00:00:00Z' }) });
    expect(w.text()).toContain('Registration opens 5 December 2026 at 09:00');
    expect(w.findAll('button')).toHaveLength(0);
  });

  it('offers nothing on a cancelled event and hides its seats', () => {
    const w = render({ event: event({ status: 'CANCELLED' }) });
    expect(w.text()).toContain('Event cancelled');
    expect(w.text()).not.toContain('left');
    expect(w.findAll('button')).toHaveLength(0);
  });

  it('announces an error as an alert', () => {
    const w = render({ feedback: { tone: 'error', text: 'Registration has closed.' } });
    expect(w.get('[role="alert"]').text()).toBe('Registration has closed.');
  });
});
