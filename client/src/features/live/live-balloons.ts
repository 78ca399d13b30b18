/** Where and when a balloon floats up the screen (CSS custom properties of its button). */
export interface BalloonFlight {
  /** Left edge, % of the field's width. */
  left: number;
  /** Seconds before it first rises (negative: already on its way when the round opens). */
  delay: number;
  /** Seconds to cross the field once; it comes round again until popped. */
  duration: number;
}

/**
 * Balloons spread over `lanes` columns. The balloons of a column share its speed and are evenly
 * spaced along its path, so they never run into each other; the columns are staggered. The same
 * flight for the same balloon on every render (no randomness).
 */
export function balloonFlights(count: number, lanes = 3): BalloonFlight[] {
  const perLane = Math.max(1, Math.ceil(count / lanes));
  const width = 100 / lanes;
  return Array.from({ length: count }, (_, i) => {
    const lane = i % lanes;
    const row = Math.floor(i / lanes);
    const duration = 10 + lane * 1.5;
    return {
      left: lane * width,
      delay: -(((row + lane / lanes) / perLane) * duration),
      duration,
    };
  });
}
