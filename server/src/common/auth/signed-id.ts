import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A signed reference to one row: `<prefix>.<uuid as 22 base64url chars>.<HMAC-SHA256, 16 bytes>`,
 * the key derived by HKDF from the server secret with a purpose of its own, so a token made for
 * one purpose (a ticket) is worthless for another (a live-game player).
 */
export class SignedId {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly prefix: string,
    purpose: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'palma', purpose, 32));
  }

  sign(id: string): string {
    const payload = Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');
    return `${this.prefix}.${payload}.${this.mac(payload)}`;
  }

  /** The id a genuine token names, or null for anything forged or malformed. */
  verify(token: unknown): string | null {
    if (typeof token !== 'string' || token.length > 100) return null;
    const parts = token.trim().split('.');
    if (parts.length !== 3 || parts[0] !== this.prefix || !/^[A-Za-z0-9_-]{22}$/.test(parts[1]!)) return null;
    const given = Buffer.from(parts[2]!, 'base64url');
    const expected = Buffer.from(this.mac(parts[1]!), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const hex = Buffer.from(parts[1]!, 'base64url').toString('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return UUID.test(id) ? id : null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key)
      .update(`${this.prefix}.${payload}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
