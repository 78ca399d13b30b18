/**
 * Scans at the door. A camera sees the same QR code many times a second, and a person holds their
 * phone up until the screen turns green (and often a while longer): a token is sent once, and the
 * same token is ignored for a few seconds after its result — and for as long as it stays in view —
 * so that one ticket never turns the green panel into a red "already checked in" by accident.
 */

/** How long the same token is ignored after its result, or after it was last seen since. */
export const SCAN_REPEAT_MS = 3_000;

/** `PT1.<registration, 22>.<signature, 22>` (see the server's TicketSigner). */
const TICKET = /PT1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}/;

/**
 * The ticket token in what a scanner read: the token itself, or a link or text that carries it.
 * Anything else is passed on trimmed (the server then answers "not a valid ticket").
 */
export function ticketFromScan(raw: string): string {
  return TICKET.exec(raw)?.[0] ?? raw.trim();
}

/** Decides which camera reads become check-ins. */
export class ScanGate {
  private inFlight: string | null = null;
  /** When each answered token was answered, or last seen after that. */
  private readonly answeredAt = new Map<string, number>();

  constructor(private readonly repeatMs: number = SCAN_REPEAT_MS) {}

  /**
   * True when this read should be sent: nothing is on its way, and the token was neither answered
   * nor seen within the last few seconds. The gate is then busy until `finish`.
   */
  tryBegin(token: string, now: number): boolean {
    if (token === '') return false;
    const answered = this.answeredAt.get(token);
    if (answered !== undefined && now - answered < this.repeatMs) {
      // Still held up to the camera: keep ignoring it until it has been away for a while.
      this.answeredAt.set(token, now);
      return false;
    }
    if (this.inFlight !== null) return false;
    this.inFlight = token;
    return true;
  }

  /** The token's result is on screen: it is ignored for a while from now. */
  finish(token: string, now: number): void {
    if (this.inFlight === token) this.inFlight = null;
    this.answeredAt.set(token, now);
    for (const [known, at] of this.answeredAt) if (now - at >= this.repeatMs) this.answeredAt.delete(known);
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }
}

/** The parts of `crypto` a scan id needs. */
export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

/**
 * A fresh id for one scan (a retried request with it returns the same check-in).
 * `crypto.randomUUID` exists only on secure pages; a desk on a plain-http intranet address gets
 * one built from `getRandomValues`, which is there everywhere.
 */
export function newScanId(random: RandomSource = crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
