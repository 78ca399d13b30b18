import { describe, expect, it } from 'vitest';
import { cancellationOpen, eventSchema, isTimeZone, registrationWindow, seatsLeft } from './events.js';

const HOUR = 3_600_000;
const t0 = new Date('2026-12-01T01:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

describe('registrationWindow', () => {
  const startsAt = at(48);
  it('is open without bounds until the session starts', () => {
    expect(registrationWindow({ opensAt: null, closesAt: null, startsAt }, at(0))).toBe('OPEN');
    expect(registrationWindow({ opensAt: null, closesAt: null, startsAt }, at(47.99))).toBe('OPEN');
    expect(registrationWindow({ opensAt: null, closesAt: null, startsAt }, at(48))).toBe('STARTED');
  });
  it('honours the opening and closing times (closing is exclusive)', () => {
    const w = { opensAt: at(1), closesAt: at(24), startsAt };
    expect(registrationWindow(w, at(0.5))).toBe('NOT_OPEN');
    expect(registrationWindow(w, at(1))).toBe('OPEN');
    expect(registrationWindow(w, at(24))).toBe('CLOSED');
    expect(registrationWindow(w, at(49))).toBe('STARTED');
  });
});

describe('cancellationOpen and seatsLeft', () => {
  it('allows cancelling until the cut-off before the start', () => {
    expect(cancellationOpen(at(2), 60, at(0.99))).toBe(true);
    expect(cancellationOpen(at(2), 60, at(1))).toBe(false);
    expect(cancellationOpen(at(2), 0, at(1.99))).toBe(true);
  });
  it('never reports negative seats', () => {
    expect(seatsLeft({ capacity: 50, confirmedCount: 31 })).toBe(19);
    expect(seatsLeft({ capacity: 5, confirmedCount: 7 })).toBe(0);
  });
});

describe('eventSchema', () => {
  const valid = {
    titleKo: '청렴 콘서트',
    titleEn: 'Integrity concert',
    descriptionKo: '',
    descriptionEn: '',
    kind: 'CONCERT',
    performers: '',
    venue: '대강당',
    onlineUrl: '',
    timeZone: 'Asia/Seoul',
    creditMinutes: 60,
    cancelCutoffMinutes: 60,
    audienceDepartmentIds: [],
    staffPersonIds: [],
    sessions: [{ startsAt: at(1), endsAt: at(3), capacity: 50 }],
  };
  const problems = (input: unknown) => {
    const result = eventSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a well-formed event', () => {
    expect(problems(valid)).toEqual([]);
  });
  it('refuses capacity 0 or negative, an end before the start and no sessions', () => {
    expect(problems({ ...valid, sessions: [{ startsAt: at(1), endsAt: at(3), capacity: 0 }] })).toEqual([
      'sessions.0.capacity',
    ]);
    expect(problems({ ...valid, sessions: [{ startsAt: at(1), endsAt: at(3), capacity: -1 }] })).toEqual([
      'sessions.0.capacity',
    ]);
    expect(problems({ ...valid, sessions: [{ startsAt: at(3), endsAt: at(1), capacity: 5 }] })).toEqual([
      'sessions.0.endsAt',
    ]);
    expect(problems({ ...valid, sessions: [] })).toEqual(['sessions']);
  });
  it('needs a venue or an online link, a real time zone and a sane registration window', () => {
    expect(problems({ ...valid, venue: '' })).toEqual(['venue']);
    expect(problems({ ...valid, venue: '', onlineUrl: 'https://meet.example/x' })).toEqual([]);
    expect(problems({ ...valid, onlineUrl: 'javascript:alert(1)' })).toEqual(['onlineUrl']);
    expect(problems({ ...valid, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(problems({ ...valid, registrationOpensAt: at(2), registrationClosesAt: at(1) })).toEqual([
      'registrationClosesAt',
    ]);
  });
  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Seoul')).toBe(false);
  });
});
