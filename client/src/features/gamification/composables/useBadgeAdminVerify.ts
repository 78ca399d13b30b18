import { ref } from 'vue';
import { CREDENTIAL_MAX_CHARS, verifyOutcome, type BadgeVerifyOutcome } from '../badge-verify';

/** Checks an Open Badges credential with the public verifier (no session needed). */
export function useBadgeAdminVerify() {
  const verifying = ref(false);

  /** `email`: optionally, whose badge it should be (the verifier says whether it matches). */
  async function verify(credential: string, email = ''): Promise<BadgeVerifyOutcome> {
    if (credential === '') return { ok: false, problem: 'empty' };
    if (credential.length > CREDENTIAL_MAX_CHARS) return { ok: false, problem: 'tooLarge' };
    verifying.value = true;
    try {
      const response = await fetch('/api/ob/verify', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(email.trim() ? { credential, email: email.trim() } : { credential }),
      });
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        // not JSON (a proxy's error page): judged by the status alone
      }
      return verifyOutcome(response.status, body);
    } catch {
      return { ok: false, problem: 'network' };
    } finally {
      verifying.value = false;
    }
  }

  return { verify, verifying };
}
