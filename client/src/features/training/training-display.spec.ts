import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import { dueCountdown, formatCountdown, formatDate, inLanguage, urgency } from './training-display';

function say(locale: 'ko' | 'en', daysLeft: number, status: Parameters<typeof dueCountdown>[1]) {
  const message = dueCountdown(daysLeft, status);
  return message && createAppI18n(locale).global.t(message.key, message.named, message.plural ?? 1);
}

describe('the due-date countdown', () => {
  it('counts the days left as D-n, and D-Day on the last day', () => {
    expect(say('ko', 12, 'IN_PROGRESS')).toBe('D-12');
    expect(say('en', 1, 'NOT_STARTED')).toBe('D-1');
    expect(say('ko', 0, 'IN_PROGRESS')).toBe('D-Day');
  });

  it('says how many days a training is overdue, in words', () => {
    expect(say('ko', -3, 'OVERDUE')).toBe('기한 3일 지남');
    expect(say('en', -1, 'OVERDUE')).toBe('1 day overdue');
    expect(say('en', -4, 'OVERDUE')).toBe('4 days overdue');
    // A few hours past the due date: the server rounds up to 0 days left, but it is overdue.
    expect(say('en', 0, 'OVERDUE')).toBe('1 day overdue');
  });

  it('shows no countdown for completed training, even past its due date', () => {
    expect(dueCountdown(-10, 'COMPLETED')).toBeNull();
    expect(dueCountdown(5, 'COMPLETED')).toBeNull();
  });

  it('grades urgency: done, overdue, a week or less, or calm', () => {
    expect(urgency(-2, 'COMPLETED')).toBe('done');
    expect(urgency(0, 'OVERDUE')).toBe('overdue');
    expect(urgency(7, 'IN_PROGRESS')).toBe('soon');
    expect(urgency(8, 'NOT_STARTED')).toBe('calm');
  });
});

describe('display helpers', () => {
  it('formats dates as seen in Korea, in the viewer’s language', () => {
    // 23:30 UTC on 30 March is already 31 March in Seoul.
    expect(formatDate('2026-03-30T23:30:00Z', 'ko')).toBe('2026년 3월 31일');
    expect(formatDate('2026-03-30T23:30:00Z', 'en')).toBe('31 March 2026');
  });

  it('picks the text in the viewer’s language and falls back when it is blank', () => {
    expect(inLanguage('청렴', 'Integrity', 'en')).toBe('Integrity');
    expect(inLanguage('청렴', ' ', 'en')).toBe('청렴');
    expect(inLanguage('', 'Integrity', 'ko')).toBe('Integrity');
  });

  it('writes a countdown as minutes and seconds', () => {
    expect(formatCountdown(185)).toBe('3:05');
    expect(formatCountdown(0.2)).toBe('0:01');
    expect(formatCountdown(-4)).toBe('0:00');
  });
});
