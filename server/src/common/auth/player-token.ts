import { SignedId } from './signed-id.js';

/**
 * A live-game player's credential: `LP1.<player id>.<HMAC>`. A guest has no account, so this token
 * is their identity in one game — kept by the phone, it rejoins the same player (points, streak)
 * after a lock screen or a network change. The same token authenticates a guest's websocket.
 */
export class PlayerTokenSigner extends SignedId {
  constructor(secret: string) {
    super(secret, 'LP1', 'live-player-v1');
  }
}
