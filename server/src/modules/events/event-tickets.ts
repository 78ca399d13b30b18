import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

const PREFIX = 'PT1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signed ticket tokens for QR codes: `PT1.<registration id, 22 chars>.<HMAC-SHA256, 22 chars>`.
 * A ticket names a registration and nothing else; whether it admits anyone is decided at the
 * door from the registration's state, so a cancelled or replayed ticket is refused there.
 */
export class TicketSigner {
  static provider = {
    provide: TicketSigner,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new TicketSigner(config.session.secret),
  };

  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'palma', 'event-ticket-v1', 32));
  }

  sign(registrationId: string): string {
    const id = Buffer.from(registrationId.replace(/-/g, ''), 'hex').toString('base64url');
    return `${PREFIX}.${id}.${this.mac(id)}`;
  }

  /** The registration id a genuine token names, or null for anything forged or malformed. */
  verify(token: string): string | null {
    const parts = token.trim().split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX || !/^[A-Za-z0-9_-]{22}$/.test(parts[1]!)) return null;
    const given = Buffer.from(parts[2]!, 'base64url');
    const expected = Buffer.from(this.mac(parts[1]!), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const hex = Buffer.from(parts[1]!, 'base64url').toString('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return UUID.test(id) ? id : null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key)
      .update(`${PREFIX}.${payload}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
