import { describe, expect, it } from 'vitest';
import { choiceLook, SHAPE_PATHS, TRUE_FALSE_LOOKS } from './live-choices';

describe('choiceLook', () => {
  it('gives the first four choices four colours, four shapes and the letters A–D', () => {
    const looks = [0, 1, 2, 3].map(choiceLook);
    expect(looks.map((l) => l.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(looks.map((l) => l.shape)).size).toBe(4);
    expect(new Set(looks.map((l) => l.tone)).size).toBe(4);
  });

  it('never gives two of eight choices the same colour or shape, and has a drawing for each', () => {
    const looks = Array.from({ length: 8 }, (_, i) => choiceLook(i));
    expect(new Set(looks.map((l) => l.shape)).size).toBe(8);
    expect(new Set(looks.map((l) => l.tone)).size).toBe(8);
    for (const look of [...looks, ...Object.values(TRUE_FALSE_LOOKS)])
      expect(SHAPE_PATHS[look.shape]).toBeTruthy();
  });

  it('draws O and X differently in shape as well as colour', () => {
    expect(TRUE_FALSE_LOOKS.true).toMatchObject({ letter: 'O', shape: 'circle' });
    expect(TRUE_FALSE_LOOKS.false).toMatchObject({ letter: 'X', shape: 'cross' });
  });
});
