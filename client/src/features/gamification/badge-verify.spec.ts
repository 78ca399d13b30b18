import { describe, expect, it } from 'vitest';
import { credentialFromText, parseVerification, verifyOutcome } from './badge-verify';

const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

describe('badge verification', () => {
  it('finds the credential in pasted text or a JSON file', () => {
    expect(credentialFromText(`  ${JWT.slice(0, 10)}\n${JWT.slice(10)}\n`)).toBe(JWT);
    expect(credentialFromText(JSON.stringify({ credential: JWT }))).toBe(JWT);
    expect(credentialFromText(JSON.stringify({ proof: { jwt: JWT } }))).toBe(JWT);
    expect(credentialFromText('{"type":"x"}')).toBe('{"type":"x"}');
  });

  it('reads only what the verifier promises, and tells revoked from invalid', () => {
    expect(
      parseVerification({ valid: true, revoked: false, errors: [], badgeName: '청렴 새싹' }),
    ).toMatchObject({
      state: 'valid',
      badgeName: '청렴 새싹',
      issuer: null,
    });
    expect(
      parseVerification({ valid: false, revoked: true, errors: ['revoked'], issuer: { name: 'Palma' } }),
    ).toMatchObject({
      state: 'revoked',
      issuer: 'Palma',
      errors: ['revoked'],
    });
    expect(parseVerification({ valid: false, revoked: false, errors: ['bad signature', 3] })).toMatchObject({
      state: 'invalid',
      errors: ['bad signature'],
    });
    expect(parseVerification({ code: 'CREDENTIAL_INVALID' })).toBeNull();
  });

  it('treats a domain refusal as an invalid credential and a missing endpoint as unavailable', () => {
    expect(verifyOutcome(400, { code: 'CREDENTIAL_INVALID', message: 'not a JWT' })).toMatchObject({
      ok: true,
      result: { state: 'invalid', errors: ['not a JWT'] },
    });
    expect(verifyOutcome(404, null)).toEqual({ ok: false, problem: 'unavailable' });
    expect(verifyOutcome(429, null)).toEqual({ ok: false, problem: 'rateLimited' });
  });
});
