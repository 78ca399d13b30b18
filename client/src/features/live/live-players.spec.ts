import { describe, expect, it } from 'vitest';
import { playerSearchTerm, playerStatus, withRemoved, type LiveHostPlayer } from './live-players';

const player = (id: string, over: Partial<LiveHostPlayer> = {}): LiveHostPlayer => ({
  id,
  nickname: `player ${id}`,
  team: 'Guests',
  guest: true,
  score: 0,
  rank: null,
  alive: true,
  kicked: false,
  joinedAt: '2025-05-01T10:00:00.000Z',
  ...over,
});

describe('playerSearchTerm', () => {
  it('trims what was typed and cuts it to the longest nickname', () => {
    expect(playerSearchTerm('  김민수 ')).toBe('김민수');
    expect(playerSearchTerm('   ')).toBe('');
    expect(playerSearchTerm('x'.repeat(30))).toHaveLength(20);
  });
});

describe('withRemoved', () => {
  it('marks players removed since the list came and moves them after those still playing', () => {
    const list = [player('c'), player('b'), player('a'), player('z', { kicked: true })];
    const shown = withRemoved(list, new Set(['b']));
    expect(shown.map((p) => [p.id, p.kicked])).toEqual([
      ['c', false],
      ['a', false],
      ['b', true],
      ['z', true],
    ]);
  });

  it('leaves the list as it is when nobody was removed', () => {
    const list = [player('b'), player('a')];
    expect(withRemoved(list, new Set())).toEqual(list);
  });
});

describe('playerStatus', () => {
  it('tells removed players from those out of a Golden Bell and those still playing', () => {
    expect(playerStatus(player('a', { kicked: true }), 'CLASSIC', new Set())).toBe('removed');
    expect(playerStatus(player('a'), 'CLASSIC', new Set(['a']))).toBe('removed');
    expect(playerStatus(player('a', { alive: false }), 'GOLDEN_BELL', new Set())).toBe('out');
    // Outside Golden Bell nobody is "out".
    expect(playerStatus(player('a', { alive: false }), 'CLASSIC', new Set())).toBe('playing');
    expect(playerStatus(player('a'), 'GOLDEN_BELL', new Set())).toBe('playing');
  });
});
