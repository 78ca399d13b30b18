import { describe, expect, it } from 'vitest';
import { addWatchedRange, WatchTracker, watchedPercent, type WatchedRange } from './watched-ranges';

function union(...stretches: WatchedRange[]): WatchedRange[] {
  return stretches.reduce<WatchedRange[]>((acc, [s, e]) => addWatchedRange(acc, s, e), []);
}

describe('watched ranges', () => {
  it('merges overlapping and touching stretches and keeps separate ones apart, in order', () => {
    expect(union([10, 20], [0, 5], [15, 30], [30, 31], [50, 60])).toEqual([
      [0, 5],
      [10, 31],
      [50, 60],
    ]);
    expect(union([40, 50], [0, 10], [5, 45])).toEqual([[0, 50]]);
  });

  it('counts a stretch watched twice only once', () => {
    const ranges = union([0, 30], [0, 30], [10, 20]);
    expect(watchedPercent(ranges, 100)).toBe(30);
  });

  it('ignores empty, backwards and impossible stretches', () => {
    expect(union([5, 5], [9, 3], [Number.NaN, 4])).toEqual([]);
    expect(watchedPercent([[0, 10]], 0)).toBe(0);
  });

  it('rounds down, never beyond 100, and treats the last half second as the end', () => {
    expect(watchedPercent([[0, 89.9]], 100)).toBe(89);
    expect(watchedPercent([[0, 99.6]], 100)).toBe(100);
    expect(watchedPercent([[0, 500]], 100)).toBe(100);
  });
});

describe('WatchTracker', () => {
  it('records continuous playback as watched', () => {
    const tracker = new WatchTracker();
    for (let t = 0; t <= 60; t += 0.25) tracker.playedTo(t);
    expect(tracker.percent(120)).toBe(50);
  });

  it('does not count what a seek skipped: jumping to the end is not watching', () => {
    const tracker = new WatchTracker();
    for (let t = 0; t <= 10; t += 0.5) tracker.playedTo(t);
    tracker.playedTo(95); // the learner dragged the slider
    for (let t = 95; t <= 100; t += 0.5) tracker.playedTo(t);
    expect(tracker.ranges).toEqual([
      [0, 10],
      [95, 100],
    ]);
    expect(tracker.percent(100)).toBe(15);
  });

  it('does not count going back and watching the same part again twice', () => {
    const tracker = new WatchTracker();
    for (let t = 0; t <= 20; t += 1) tracker.playedTo(t);
    tracker.interrupted(0);
    for (let t = 0; t <= 20; t += 1) tracker.playedTo(t);
    expect(tracker.percent(40)).toBe(50);
  });

  it('starts afresh after a pause, so the time spent paused is not counted', () => {
    const tracker = new WatchTracker();
    tracker.playedTo(0);
    tracker.playedTo(2);
    tracker.interrupted();
    tracker.playedTo(50);
    tracker.playedTo(52);
    expect(tracker.ranges).toEqual([
      [0, 2],
      [50, 52],
    ]);
  });
});
