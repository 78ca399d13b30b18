/**
 * What part of a video has really been watched: the union of the stretches played, so that
 * skipping to the end (or watching the first minute five times) does not count as watching.
 */
export type WatchedRange = readonly [start: number, end: number];

/**
 * The longest step between two playback reports that still counts as continuous playing.
 * Browsers report `timeupdate` every 15–250 ms and embedded players about twice a second; at
 * double speed a second of wall time moves the position two seconds. Anything larger is a seek.
 */
export const MAX_PLAYBACK_STEP_SECONDS = 3;

/** Adds one stretch to a union of stretches (sorted, non-overlapping; touching ones are merged). */
export function addWatchedRange(ranges: readonly WatchedRange[], start: number, end: number): WatchedRange[] {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return [...ranges];
  const out: WatchedRange[] = [];
  let [s, e] = [Math.max(0, start), end];
  let placed = false;
  for (const [rs, re] of ranges) {
    if (re < s) out.push([rs, re]);
    else if (rs > e) {
      if (!placed) {
        out.push([s, e]);
        placed = true;
      }
      out.push([rs, re]);
    } else {
      s = Math.min(s, rs);
      e = Math.max(e, re);
    }
  }
  if (!placed) out.push([s, e]);
  return out;
}

/** Seconds covered by the union, counting nothing past the end of the video. */
export function watchedSeconds(ranges: readonly WatchedRange[], duration = Infinity): number {
  return ranges.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, duration) - Math.min(s, duration)), 0);
}

/**
 * The share of the video watched, 0–100, rounded down (so 89.9 % never passes a 90 % rule).
 * Stretches that end within half a second of the end count as reaching it: players stop the
 * clock a few frames short.
 */
export function watchedPercent(ranges: readonly WatchedRange[], duration: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return 0;
  const closed = ranges.map(([s, e]): WatchedRange => [s, e >= duration - 0.5 ? duration : e]);
  return Math.min(100, Math.floor((watchedSeconds(closed, duration) / duration) * 100));
}

/**
 * Follows playback reports (a position every so often) and records the stretches played.
 * A jump larger than a playback step, or backwards, is a seek: nothing is added for it.
 */
export class WatchTracker {
  private last: number | null = null;
  ranges: WatchedRange[] = [];

  /** A position reported while playing. */
  playedTo(position: number): void {
    if (!Number.isFinite(position) || position < 0) return;
    const last = this.last;
    if (last !== null && position > last && position - last <= MAX_PLAYBACK_STEP_SECONDS) {
      this.ranges = addWatchedRange(this.ranges, last, position);
    }
    this.last = position;
  }

  /** Playback stopped, or the learner moved the position: the next report starts afresh. */
  interrupted(position: number | null = null): void {
    this.last = position;
  }

  percent(duration: number): number {
    return watchedPercent(this.ranges, duration);
  }
}
