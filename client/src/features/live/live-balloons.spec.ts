import { describe, expect, it } from 'vitest';
import { balloonFlights } from './live-balloons';

describe('balloonFlights', () => {
  it('spreads balloons over the lanes, evenly spaced within a lane', () => {
    const flights = balloonFlights(12, 3);
    expect(new Set(flights.map((f) => f.left))).toEqual(new Set([0, 100 / 3, 200 / 3]));
    const lane0 = flights.filter((_, i) => i % 3 === 0);
    expect(new Set(lane0.map((f) => f.duration)).size).toBe(1);
    const gaps = lane0.slice(1).map((f, i) => lane0[i].delay - f.delay);
    for (const gap of gaps) expect(gap).toBeCloseTo(lane0[0].duration / 4);
  });

  it('is the same every time', () => {
    expect(balloonFlights(12)).toEqual(balloonFlights(12));
  });
});
