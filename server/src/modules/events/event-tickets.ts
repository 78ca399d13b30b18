import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SignedId } from '../../common/auth/signed-id.js';

/**
 * Signed ticket tokens for QR codes: `PT1.<registration id, 22 chars>.<HMAC-SHA256, 22 chars>`.
 * A ticket names a registration and nothing else; whether it admits anyone is decided at the
 * door from the registration's state, so a cancelled or replayed ticket is refused there.
 */
export class TicketSigner extends SignedId {
  static provider = {
    provide: TicketSigner,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new TicketSigner(config.session.secret),
  };

  constructor(secret: string) {
    super(secret, 'PT1', 'event-ticket-v1');
  }
}
