import { isLivePin, LiveLimits, normaliseNickname, type NicknameProblem } from '@palma/shared';

/**
 * The PIN as typed or pasted: full-width digits become ASCII, spaces and dashes ("123 456") go,
 * anything else stays so that the field can say it is wrong.
 */
export function cleanPin(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .slice(0, LiveLimits.pinLength + 4);
}

/** Why a PIN cannot be looked up, or null when it can. */
export function pinProblem(pin: string): 'LENGTH' | 'DIGITS' | null {
  if (!/^[0-9]*$/.test(pin)) return 'DIGITS';
  return isLivePin(pin) ? null : 'LENGTH';
}

/** A PIN from the join link (`/play?pin=…`), if it is one. */
export function pinFromQuery(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const pin = cleanPin(value);
  return isLivePin(pin) ? pin : null;
}

export type NicknamePreview =
  { ok: true; nickname: string; length: number; changed: boolean } | { ok: false; problem: NicknameProblem };

/**
 * What the game will call a guest: the server's own normalisation, shown before joining
 * (invisible characters and extra spaces removed, at most 20 characters).
 */
export function nicknamePreview(raw: string): NicknamePreview {
  const result = normaliseNickname(raw);
  if (!result.ok) return result;
  return {
    ok: true,
    nickname: result.nickname,
    length: [...result.nickname].length,
    changed: result.nickname !== raw,
  };
}

/** The address players open (also the QR code): this site's join page with the PIN filled in. */
export function joinUrl(origin: string, pin: string): string {
  return `${origin.replace(/\/+$/, '')}/play?pin=${encodeURIComponent(pin)}`;
}

/** The PIN in two groups of three, easier to read from the back of a hall ("123 456"). */
export function spacedPin(pin: string): string {
  return pin.length === 6 ? `${pin.slice(0, 3)} ${pin.slice(3)}` : pin;
}
