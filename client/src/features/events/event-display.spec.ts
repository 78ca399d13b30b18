import { describe, expect, it } from 'vitest';
import {
  cancelCutoffMessage,
  cardSessions,
  dateBlock,
  eventTitle,
  formatSessionTime,
  joinsWaitlist,
  myStanding,
  registrationMessage,
  seatsMessage,
  seatsTone,
  sessionAction,
  type EventForAction,
  type SessionForAction,
} from './event-display';

describe('eventTitle', () => {
  it('follows the interface language and falls back to the other title', () => {
    const e = { titleKo: '청렴 콘서트', titleEn: 'Integrity concert' };
    expect(eventTitle(e, 'ko')).toBe('청렴 콘서트');
    expect(eventTitle(e, 'en')).toBe('Integrity concert');
    expect(eventTitle({ titleKo: '청렴 콘서트', titleEn: ' ' }, 'en')).toBe('청렴 콘서트');
  });
});

describe('seats', () => {
  it('say how many of how many are left', () => {
    expect(seatsMessage({ capacity: 50, confirmedCount: 31, waitlistCount: 0 })).toEqual({
      key: 'events.seats.left',
      named: { left: 19, capacity: 50 },
    });
  });

  it('say full, with the queue when people wait', () => {
    expect(seatsMessage({ capacity: 50, confirmedCount: 50, waitlistCount: 3 })).toEqual({
      key: 'events.seats.fullWaiting',
      named: { waiting: 3 },
    });
    // A capacity lowered below the confirmed count never shows negative seats.
    expect(seatsMessage({ capacity: 40, confirmedCount: 50, waitlistCount: 0 }).key).toBe(
      'events.seats.full',
    );
  });

  it('warn when a tenth or fewer (at least three) are left', () => {
    expect(seatsTone({ capacity: 50, confirmedCount: 40, waitlistCount: 0 })).toBe('open');
    expect(seatsTone({ capacity: 50, confirmedCount: 45, waitlistCount: 0 })).toBe('few');
    expect(seatsTone({ capacity: 10, confirmedCount: 7, waitlistCount: 0 })).toBe('few');
    expect(seatsTone({ capacity: 10, confirmedCount: 10, waitlistCount: 0 })).toBe('full');
  });

  it('send newcomers to the waitlist while others wait, even with a seat free', () => {
    expect(joinsWaitlist({ capacity: 10, confirmedCount: 9, waitlistCount: 0 })).toBe(false);
    expect(joinsWaitlist({ capacity: 10, confirmedCount: 9, waitlistCount: 2 })).toBe(true);
    expect(joinsWaitlist({ capacity: 10, confirmedCount: 10, waitlistCount: 0 })).toBe(true);
  });
});

describe('cardSessions', () => {
  const s = (id: string, day: number) => ({
    id,
    startsAt: `2026-12-${String(day).padStart(2, '0')}T10:00:00Z`,
    endsAt: `2026-12-${String(day).padStart(2, '0')}T11:00:00Z`,
  });
  const now = new Date('2026-12-12T00:00:00Z');

  it('lists up to two upcoming sessions in start order', () => {
    expect(cardSessions([s('b', 20), s('old', 10), s('a', 14)], now)).toEqual({
      shown: [s('a', 14), s('b', 20)],
      more: 0,
    });
  });

  it('shows the first and counts the rest beyond two', () => {
    expect(cardSessions([s('a', 14), s('b', 15), s('c', 16), s('old', 10)], now)).toEqual({
      shown: [s('a', 14)],
      more: 2,
    });
  });

  it('falls back to past sessions when none is left', () => {
    expect(cardSessions([s('old', 10), s('older', 9)], now).shown.map((x) => x.id)).toEqual(['older', 'old']);
  });
});

describe('registration wording', () => {
  const r = { status: 'WAITLISTED' as const, waitlistPlace: 3, checkedInAt: null };

  it('gives the waitlist place', () => {
    expect(registrationMessage(r)).toEqual({ key: 'events.status.waitlistedPlace', named: { place: 3 } });
  });

  it('says checked in before confirmed', () => {
    expect(
      registrationMessage({ status: 'CONFIRMED', waitlistPlace: null, checkedInAt: '2026-12-10T10:01:00Z' })
        .key,
    ).toBe('events.status.checkedIn');
    expect(registrationMessage({ status: 'CONFIRMED', waitlistPlace: null, checkedInAt: null }).key).toBe(
      'events.status.confirmed',
    );
    expect(registrationMessage({ status: 'CANCELLED', waitlistPlace: null, checkedInAt: null }).key).toBe(
      'events.status.cancelled',
    );
  });
});

describe('myStanding', () => {
  const reg = (status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED') => ({
    status,
    waitlistPlace: status === 'WAITLISTED' ? 1 : null,
    checkedInAt: null,
  });

  it('prefers a seat over a waitlist place over a cancelled one', () => {
    const sessions = [
      { id: '1', startsAt: '2026-12-01T10:00:00Z', myRegistration: reg('CANCELLED') },
      { id: '2', startsAt: '2026-12-02T10:00:00Z', myRegistration: reg('WAITLISTED') },
      { id: '3', startsAt: '2026-12-03T10:00:00Z', myRegistration: reg('CONFIRMED') },
      { id: '4', startsAt: '2026-12-04T10:00:00Z', myRegistration: null },
    ];
    expect(myStanding(sessions)?.session.id).toBe('3');
    expect(myStanding(sessions.slice(0, 2))?.session.id).toBe('2');
    expect(myStanding(sessions.slice(3))).toBeNull();
  });

  it('takes the sooner session between equals', () => {
    const sessions = [
      { id: 'later', startsAt: '2026-12-05T10:00:00Z', myRegistration: reg('CONFIRMED') },
      { id: 'sooner', startsAt: '2026-12-04T10:00:00Z', myRegistration: reg('CONFIRMED') },
    ];
    expect(myStanding(sessions)?.session.id).toBe('sooner');
  });
});

describe('sessionAction', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const event: EventForAction = {
    status: 'PUBLISHED',
    registrationOpensAt: null,
    registrationClosesAt: null,
  };
  const session: SessionForAction = {
    startsAt: '2026-12-10T10:00:00Z',
    capacity: 50,
    confirmedCount: 10,
    waitlistCount: 0,
    myRegistration: null,
  };

  it('offers a seat while the window is open and seats are free', () => {
    expect(sessionAction(event, session, now)).toEqual({
      window: 'OPEN',
      register: 'seat',
      cancel: false,
      blocked: null,
    });
  });

  it('offers the waitlist when the session is full', () => {
    expect(sessionAction(event, { ...session, confirmedCount: 50 }, now).register).toBe('waitlist');
  });

  it('says why registration is not offered', () => {
    const opensLater = { ...event, registrationOpensAt: '2026-12-05T00:00:00Z' };
    expect(sessionAction(opensLater, session, now)).toMatchObject({ register: null, blocked: 'NOT_OPEN' });
    const closed = { ...event, registrationClosesAt: '2026-11-30T00:00:00Z' };
    expect(sessionAction(closed, session, now)).toMatchObject({ register: null, blocked: 'CLOSED' });
    const started = { ...session, startsAt: '2026-11-30T10:00:00Z' };
    expect(sessionAction(event, started, now)).toMatchObject({ register: null, blocked: 'STARTED' });
    expect(sessionAction({ ...event, status: 'CANCELLED' }, session, now)).toMatchObject({
      register: null,
      blocked: 'EVENT_CANCELLED',
    });
  });

  it('offers cancelling, not registering, to someone holding a place', () => {
    const mine = { status: 'WAITLISTED' as const, waitlistPlace: 2, checkedInAt: null, canCancel: true };
    expect(sessionAction(event, { ...session, myRegistration: mine }, now)).toEqual({
      window: 'OPEN',
      register: null,
      cancel: true,
      blocked: null,
    });
    const late = { ...mine, canCancel: false };
    expect(sessionAction(event, { ...session, myRegistration: late }, now).cancel).toBe(false);
  });

  it('offers registering again after a cancellation', () => {
    const cancelled = {
      status: 'CANCELLED' as const,
      waitlistPlace: null,
      checkedInAt: null,
      canCancel: false,
    };
    expect(sessionAction(event, { ...session, myRegistration: cancelled }, now).register).toBe('seat');
  });
});

describe('formatSessionTime', () => {
  it('writes a one-day session as one date with a time range, in the given zone', () => {
    const seoul = formatSessionTime('2026-12-10T10:00:00Z', '2026-12-10T11:30:00Z', 'en', 'Asia/Seoul');
    expect(seoul).toContain('10 December 2026');
    expect(seoul).toContain('19:00–20:30');
    const utc = formatSessionTime('2026-12-10T10:00:00Z', '2026-12-10T11:30:00Z', 'en', 'UTC', false);
    expect(utc).toContain('10:00–11:30');
    expect(utc).not.toContain('2026');
  });

  it('gives the day as a bare number in a date block, on the Seoul day', () => {
    expect(dateBlock('2026-12-09T15:30:00Z', 'ko', 'Asia/Seoul').day).toBe('10');
    expect(dateBlock('2026-12-09T15:30:00Z', 'en', 'Asia/Seoul')).toEqual({
      day: '10',
      month: 'Dec',
      weekday: 'Thu',
    });
  });
});

describe('cancelCutoffMessage', () => {
  it('says the cut-off in the largest whole unit', () => {
    expect(cancelCutoffMessage(0)).toEqual({ key: 'events.detail.cancelRuleAny', named: {} });
    expect(cancelCutoffMessage(45)).toEqual({ key: 'events.detail.cancelRuleText', named: { n: 45 } });
    expect(cancelCutoffMessage(90)).toEqual({ key: 'events.detail.cancelRuleText', named: { n: 90 } });
    expect(cancelCutoffMessage(180)).toEqual({ key: 'events.detail.cancelRuleHours', named: { n: 3 } });
    expect(cancelCutoffMessage(2880)).toEqual({ key: 'events.detail.cancelRuleDays', named: { n: 2 } });
  });
});
