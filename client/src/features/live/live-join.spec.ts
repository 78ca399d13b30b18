import { describe, expect, it } from 'vitest';
import { cleanPin, joinUrl, nicknamePreview, pinFromQuery, pinProblem, spacedPin } from './live-join';

describe('the PIN', () => {
  it('takes a PIN typed with spaces, dashes or full-width digits', () => {
    expect(cleanPin('123 456')).toBe('123456');
    expect(cleanPin('123-456')).toBe('123456');
    expect(cleanPin('１２３４５６')).toBe('123456');
  });

  it('says what is wrong with a PIN', () => {
    expect(pinProblem('123456')).toBeNull();
    expect(pinProblem('12345')).toBe('LENGTH');
    expect(pinProblem('012345')).toBe('LENGTH');
    expect(pinProblem('12a456')).toBe('DIGITS');
  });

  it('reads the PIN of a join link, and nothing else', () => {
    expect(pinFromQuery('654321')).toBe('654321');
    expect(pinFromQuery('65432')).toBeNull();
    expect(pinFromQuery(['654321'])).toBeNull();
  });

  it('builds the join link and the PIN as the big screen shows them', () => {
    expect(joinUrl('https://palma.example/', '654321')).toBe('https://palma.example/play?pin=654321');
    expect(spacedPin('654321')).toBe('654 321');
  });
});

describe('nicknamePreview', () => {
  it('shows the nickname the game will use', () => {
    expect(nicknamePreview('  청렴\u200b  지킴이 ')).toEqual({
      ok: true,
      nickname: '청렴 지킴이',
      length: 6,
      changed: true,
    });
    expect(nicknamePreview('팔마')).toMatchObject({ ok: true, changed: false });
  });

  it('keeps markup as plain text (the page escapes it)', () => {
    expect(nicknamePreview('<b>hi</b>')).toMatchObject({ ok: true, nickname: '<b>hi</b>' });
  });

  it('refuses empty and long nicknames', () => {
    expect(nicknamePreview(' \u200b ')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(nicknamePreview('가'.repeat(21))).toEqual({ ok: false, problem: 'TOO_LONG' });
  });
});
