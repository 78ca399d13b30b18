import { describe, expect, it } from 'vitest';
import { bytesToBase64, readFileAsBase64 } from './file-encoding';

describe('bytesToBase64', () => {
  it('encodes raw bytes, not text (EUC-KR stays EUC-KR)', () => {
    // "사번" in EUC-KR
    expect(bytesToBase64(new Uint8Array([0xbb, 0xe7, 0xb9, 0xf8]))).toBe('u+e5+A==');
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
  });

  it('handles files larger than one chunk', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('readFileAsBase64', () => {
  it('keeps a UTF-8 byte order mark and the exact bytes of the file', async () => {
    const text = '\uFEFFemployee_number,name\r\nP0001,이지은\r\n';
    const file = new Blob([text], { type: 'text/csv' });
    const encoded = await readFileAsBase64(file);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(text);
    expect([...Buffer.from(encoded, 'base64').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
