/**
 * Checking an Open Badges credential (a VC-JWT) with POST /api/ob/verify. The answer is read
 * defensively: only `valid`, `revoked` and `errors` are promised; the rest is shown when present.
 */

export type BadgeVerifyState = 'valid' | 'revoked' | 'invalid';

export interface BadgeVerification {
  state: BadgeVerifyState;
  badgeName: string | null;
  issuedAt: string | null;
  issuer: string | null;
  recipient: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  /** Whether the e-mail typed in is the recipient's (null: none typed, or not checkable). */
  recipientMatches: boolean | null;
  /** The verifier's reasons, in its own (English) words. */
  errors: string[];
}

export type BadgeVerifyProblem = 'empty' | 'tooLarge' | 'rateLimited' | 'unavailable' | 'network' | 'failed';

export type BadgeVerifyOutcome =
  { ok: true; result: BadgeVerification } | { ok: false; problem: BadgeVerifyProblem };

/** A credential is a few kilobytes; anything far larger is not one (and is not sent). */
export const CREDENTIAL_MAX_CHARS = 64 * 1024;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
/** The first usable text among candidates: a string, or an object's `name`. */
function firstText(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    const direct = text(c);
    if (direct) return direct;
    if (isObject(c)) {
      const named = text(c.name);
      if (named) return named;
    }
  }
  return null;
}

/** The verifier's answer as the page shows it, or null when it is not a verification at all. */
export function parseVerification(body: unknown): BadgeVerification | null {
  if (!isObject(body) || typeof body.valid !== 'boolean') return null;
  const revoked = body.revoked === true;
  const errors = Array.isArray(body.errors)
    ? body.errors.flatMap((e) =>
        typeof e === 'string' ? [e] : isObject(e) && text(e.message) ? [text(e.message)!] : [],
      )
    : [];
  const badge = isObject(body.badge) ? body.badge : {};
  return {
    state: revoked ? 'revoked' : body.valid ? 'valid' : 'invalid',
    badgeName: firstText(body.badgeName, badge.name, body.achievement),
    issuedAt: firstText(body.issuedAt, body.validFrom, body.issuanceDate),
    issuer: firstText(body.issuerName, body.issuer),
    recipient: firstText(body.recipientName, body.recipient),
    revokedAt: firstText(body.revokedAt),
    revokedReason: firstText(body.revokedReason, body.revocationReason),
    recipientMatches: typeof body.recipientMatches === 'boolean' ? body.recipientMatches : null,
    errors,
  };
}

/**
 * The credential in what was pasted or loaded: the .jwt text itself, or a JSON file that carries
 * it (`credential`, `jwt` or `proof.jwt`). Anything else is sent as it is, for the server to judge.
 */
export function credentialFromText(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return trimmed.replace(/\s+/g, '');
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === 'string') return value.trim();
    if (isObject(value)) {
      const proof = isObject(value.proof) ? value.proof : {};
      const found = text(value.credential) ?? text(value.jwt) ?? text(proof.jwt);
      if (found) return found;
    }
  } catch {
    // not JSON after all: send it as typed
  }
  return trimmed;
}

/** What an HTTP answer from the verifier means. */
export function verifyOutcome(status: number, body: unknown): BadgeVerifyOutcome {
  const parsed = parseVerification(body);
  // A refusal may still carry a verification (valid: false with reasons): show it as such.
  if (parsed) return { ok: true, result: parsed };
  if (status === 429) return { ok: false, problem: 'rateLimited' };
  if (status === 413) return { ok: false, problem: 'tooLarge' };
  if (status === 404 || status === 405 || status === 501) return { ok: false, problem: 'unavailable' };
  if (status === 400 || status === 422) {
    // A domain error ({ code: CREDENTIAL_INVALID, message }): the credential could not be read.
    const message = isObject(body) ? text(body.message) : null;
    return {
      ok: true,
      result: {
        state: 'invalid',
        badgeName: null,
        issuedAt: null,
        issuer: null,
        recipient: null,
        revokedAt: null,
        revokedReason: null,
        recipientMatches: null,
        errors: message ? [message] : [],
      },
    };
  }
  return { ok: false, problem: 'failed' };
}
