/**
 * How an answer looks on the phones and on the big screen: a colour, a shape and a letter
 * together, so that nobody depends on telling colours apart ("the red triangle", "A").
 */
export type ChoiceShape =
  'triangle' | 'diamond' | 'circle' | 'square' | 'star' | 'hexagon' | 'pentagon' | 'heart' | 'cross';

/** Colour names: each is a class `live-tone--<tone>` in live.css (text on it is 4.5:1). */
export type ChoiceTone = 'red' | 'blue' | 'yellow' | 'green' | 'purple' | 'teal' | 'orange' | 'pink';

export interface ChoiceLook {
  /** "A", "B", … or "O"/"X" for true/false. */
  letter: string;
  shape: ChoiceShape;
  tone: ChoiceTone;
}

const LOOKS: readonly Omit<ChoiceLook, 'letter'>[] = [
  { shape: 'triangle', tone: 'red' },
  { shape: 'diamond', tone: 'blue' },
  { shape: 'circle', tone: 'yellow' },
  { shape: 'square', tone: 'green' },
  { shape: 'star', tone: 'purple' },
  { shape: 'hexagon', tone: 'teal' },
  { shape: 'pentagon', tone: 'orange' },
  { shape: 'heart', tone: 'pink' },
];

/** The look of the n-th choice in display order (the same on every screen). */
export function choiceLook(index: number): ChoiceLook {
  const look = LOOKS[((index % LOOKS.length) + LOOKS.length) % LOOKS.length];
  const letter = index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
  return { ...look, letter };
}

/** O and X as Korean quizzes draw them: a blue circle and a red cross. */
export const TRUE_FALSE_LOOKS: Readonly<Record<'true' | 'false', ChoiceLook>> = {
  true: { letter: 'O', shape: 'circle', tone: 'blue' },
  false: { letter: 'X', shape: 'cross', tone: 'red' },
};

/** SVG paths of the shapes in a 0–24 box. */
export const SHAPE_PATHS: Readonly<Record<ChoiceShape, string>> = {
  triangle: 'M12 2.5 22.5 21h-21z',
  diamond: 'M12 1.5 22.5 12 12 22.5 1.5 12z',
  circle: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20z',
  square: 'M3 3h18v18H3z',
  star: 'm12 1.8 3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.9l-6.4 3.5L7 14.3 1.7 9.3l7.2-.9z',
  hexagon: 'M6.5 2.5h11L23 12l-5.5 9.5h-11L1 12z',
  pentagon: 'M12 1.5 22.5 9.2 18.5 21.5h-13L1.5 9.2z',
  heart: 'M12 21.5 3.2 12.8A5.4 5.4 0 0 1 12 5.6a5.4 5.4 0 0 1 8.8 7.2z',
  cross: 'M5.2 2.4 12 9.2l6.8-6.8 2.8 2.8-6.8 6.8 6.8 6.8-2.8 2.8-6.8-6.8-6.8 6.8-2.8-2.8 6.8-6.8-6.8-6.8z',
};
