import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const PREFIX = 'LP1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A live-game player's credential: `LP1.<player id>.<HMAC>`. A guest has no account, so this token
 * is their identity in one game — kept by the phone, it rejoins the same player (points, streak)
 * after a lock screen or a network change. The same token authenticates a guest's websocket.
 */
export class PlayerTokenSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'palma', 'live-player-v1', 32));
  }

  sign(playerId: string): string {
    const id = Buffer.from(playerId.replace(/-/g, ''), 'hex').toString('base64url');
    return `${PREFIX}.${id}.${this.mac(id)}`;
  }

  /** The player id a genuine token names, or null. */
  verify(token: unknown): string | null {
    if (typeof token !== 'string' || token.length > 100) return null;
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
