import { describe, expect, it } from 'vitest';
import { pickInitialLocale } from './locale';

describe('pickInitialLocale', () => {
  it('prefers the choice saved on this device', () => {
    expect(pickInitialLocale('en', ['ko-KR'])).toBe('en');
    expect(pickInitialLocale('ko', ['en-US'])).toBe('ko');
  });

  it('ignores a saved value that is not a language we offer', () => {
    expect(pickInitialLocale('fr', ['en-GB'])).toBe('en');
    expect(pickInitialLocale('', ['en'])).toBe('en');
  });

  it('takes the first browser language that is Korean or English', () => {
    expect(pickInitialLocale(null, ['ja-JP', 'en-US', 'ko-KR'])).toBe('en');
    expect(pickInitialLocale(null, ['de', 'ko-KR', 'en'])).toBe('ko');
    expect(pickInitialLocale(undefined, ['EN_us'])).toBe('en');
  });

  it('falls back to Korean', () => {
    expect(pickInitialLocale(null, [])).toBe('ko');
    expect(pickInitialLocale(null, ['ja', 'zh-CN'])).toBe('ko');
  });
});
