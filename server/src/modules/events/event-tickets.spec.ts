import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TicketSigner } from './event-tickets.js';

const signer = new TicketSigner('a-test-secret-that-is-long-enough-123456');

describe('TicketSigner', () => {
  it('round-trips a registration id through a short token', () => {
    const id = randomUUID();
    const token = signer.sign(id);
    expect(token).toMatch(/^PT1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(signer.verify(token)).toBe(id);
    expect(signer.verify(`  ${token}\n`)).toBe(id);
  });

  it('refuses tokens that were altered, signed with another key, or are not tokens at all', () => {
    const token = signer.sign(randomUUID());
    const [prefix, id, mac] = token.split('.') as [string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    expect(signer.verify(`${prefix}.${flip(id, 3)}.${mac}`)).toBeNull();
    expect(signer.verify(`${prefix}.${id}.${flip(mac, 5)}`)).toBeNull();
    expect(signer.verify(`PT2.${id}.${mac}`)).toBeNull();
    expect(new TicketSigner('another-secret-that-is-long-enough-00000').verify(token)).toBeNull();
    for (const junk of ['', 'PT1', 'PT1..', 'https://palma.go.kr', `${token}.x`])
      expect(signer.verify(junk)).toBeNull();
  });
});
