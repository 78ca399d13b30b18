import { describe, expect, it } from 'vitest';
import { newScanId, ScanGate, SCAN_REPEAT_MS, ticketFromScan } from './check-in-scan';

const TOKEN = 'PT1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB';
const OTHER = 'PT1.CCCCCCCCCCCCCCCCCCCCCC.DDDDDDDDDDDDDDDDDDDDDD';

describe('scan de-duplication at the door', () => {
  it('sends a ticket once while its answer is on the way', () => {
    const gate = new ScanGate();
    expect(gate.tryBegin(TOKEN, 0)).toBe(true);
    expect(gate.tryBegin(TOKEN, 50)).toBe(false);
    // Another ticket waits for the first answer too: one check-in at a time per camera.
    expect(gate.tryBegin(OTHER, 60)).toBe(false);
  });

  it('ignores the same ticket for a few seconds after its answer, then reads it again', () => {
    const gate = new ScanGate();
    gate.tryBegin(TOKEN, 0);
    gate.finish(TOKEN, 200);
    expect(gate.tryBegin(TOKEN, 200 + SCAN_REPEAT_MS)).toBe(true);

    const soon = new ScanGate();
    soon.tryBegin(TOKEN, 0);
    soon.finish(TOKEN, 200);
    expect(soon.tryBegin(TOKEN, 200 + SCAN_REPEAT_MS - 1)).toBe(false);
  });

  it('keeps ignoring a ticket held in view, and reads it again once it was away for a while', () => {
    const gate = new ScanGate();
    gate.tryBegin(TOKEN, 0);
    gate.finish(TOKEN, 100);
    // Seen again and again while the person keeps their phone up.
    for (let at = 1_000; at <= 10_000; at += 1_000) expect(gate.tryBegin(TOKEN, at)).toBe(false);
    expect(gate.tryBegin(TOKEN, 10_000 + SCAN_REPEAT_MS)).toBe(true);
  });

  it('takes the next person’s ticket at once', () => {
    const gate = new ScanGate();
    gate.tryBegin(TOKEN, 0);
    gate.finish(TOKEN, 100);
    expect(gate.tryBegin(OTHER, 150)).toBe(true);
  });

  it('never sends an empty read', () => {
    expect(new ScanGate().tryBegin('', 0)).toBe(false);
  });
});

describe('reading a ticket', () => {
  it('finds the token in a link or text around it, or passes the text on trimmed', () => {
    expect(ticketFromScan(` ${TOKEN}\n`)).toBe(TOKEN);
    expect(ticketFromScan(`https://palma.example/t/${TOKEN}?x=1`)).toBe(TOKEN);
    expect(ticketFromScan('  hello  ')).toBe('hello');
  });
});

describe('scan ids', () => {
  it('uses randomUUID where the page has it', () => {
    expect(newScanId({ randomUUID: () => 'uuid-1', getRandomValues: (a) => a })).toBe('uuid-1');
  });

  it('builds a version-4 UUID from random bytes on a plain-http page', () => {
    const id = newScanId({ getRandomValues: (a) => a.fill(0xff) });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
