import { describe, expect, it } from 'vitest';
import { badgeText, clientRoute, relativeTime } from './notification-display';

describe('badgeText', () => {
  it('shows nothing when there is nothing unread', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-2)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
  });
  it('shows the count up to 9 and "9+" above', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(9)).toBe('9');
    expect(badgeText(10)).toBe('9+');
    expect(badgeText(250)).toBe('9+');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('speaks of minutes, hours and days', () => {
    expect(relativeTime('2026-03-10T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-03-10T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(relativeTime('2026-03-08T12:00:00Z', 'en', now)).toBe('2 days ago');
    expect(relativeTime('2026-03-10T11:55:00Z', 'ko', now)).toBe('5분 전');
  });
  it('says "now" for the last minute', () => {
    expect(relativeTime('2026-03-10T11:59:40Z', 'en', now)).toBe('now');
  });
  it('gives up beyond a week or on nonsense', () => {
    expect(relativeTime('2026-02-01T12:00:00Z', 'en', now)).toBeNull();
    expect(relativeTime('not a date', 'en', now)).toBeNull();
  });
});

describe('clientRoute', () => {
  it('keeps paths on this site', () => {
    expect(clientRoute('/training/abc')).toBe('/training/abc');
    expect(clientRoute(' /certificates ')).toBe('/certificates');
  });
  it('refuses other origins and blanks', () => {
    expect(clientRoute('https://evil.example/')).toBeNull();
    expect(clientRoute('//evil.example/x')).toBeNull();
    expect(clientRoute('')).toBeNull();
    expect(clientRoute(null)).toBeNull();
  });
});
