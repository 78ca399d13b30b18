import { describe, expect, it } from 'vitest';
import {
  awardsToCelebrate,
  conditionLines,
  credentialLinks,
  departmentFromQuery,
  filterBadges,
  levelProgressMessage,
  levelSummary,
  periodVariables,
  privacyNoteKey,
  ratePercent,
} from './gamification-display';
import { testAward } from './gamification-test-data';

const names = {
  badge: (id: string) => (id === '00000000-0000-0000-0000-0000000000b1' ? '청렴 새싹' : undefined),
  unknownCourse: '지정 과정',
  unknownCampaign: '지정 의무 교육',
  unknownBadge: '지정 배지',
};

describe('levelSummary', () => {
  it('uses the server’s thresholds for the bar and the XP still needed', () => {
    const s = levelSummary({ level: 4, xp: 320, levelStartXp: 300, nextLevelXp: 500 });
    expect(s).toMatchObject({ level: 4, nextLevel: 5, toNext: 180, intoLevel: 20, span: 200 });
    expect(levelProgressMessage(s)).toEqual({
      key: 'gamification.level.toNext',
      named: { xp: 180, level: 5 },
    });
  });

  it('says the top level is reached when there is no next level', () => {
    const s = levelSummary({ level: 99, xp: 250_000, levelStartXp: 242_550, nextLevelXp: null });
    expect(s.toNext).toBeNull();
    expect(levelProgressMessage(s).key).toBe('gamification.level.top');
  });
});

describe('credentialLinks', () => {
  it('asks for the signed credential or the readable JSON', () => {
    expect(credentialLinks('/api/ob/credentials/aw-1')).toEqual({
      jwt: '/api/ob/credentials/aw-1?format=jwt',
      json: '/api/ob/credentials/aw-1?format=json',
    });
    expect(credentialLinks('/c/1?lang=ko').jwt).toBe('/c/1?lang=ko&format=jwt');
  });
});

describe('awardsToCelebrate', () => {
  it('keeps new awards only: not celebrated, not revoked, not dismissed here', () => {
    const awards = [
      testAward({ id: 'new' }),
      testAward({ id: 'seen', celebratedAt: '2026-03-05T02:00:00Z' }),
      testAward({ id: 'revoked', revokedAt: '2026-03-06T00:00:00Z' }),
      testAward({ id: 'dismissed' }),
    ];
    expect(awardsToCelebrate(awards, new Set(['dismissed'])).map((a) => a.id)).toEqual(['new']);
  });
});

describe('filterBadges', () => {
  const items = [
    { id: 'a', earned: true },
    { id: 'b', earned: false },
  ];
  it('splits earned from not yet', () => {
    expect(filterBadges(items, 'all')).toHaveLength(2);
    expect(filterBadges(items, 'earned').map((i) => i.id)).toEqual(['a']);
    expect(filterBadges(items, 'open').map((i) => i.id)).toEqual(['b']);
  });
});

describe('conditionLines', () => {
  it('describes each condition of the criteria in order, with its progress', () => {
    const criteria = JSON.stringify({
      all: [
        { kind: 'PERFECT_QUIZZES', count: 3 },
        {
          any: [
            { kind: 'STREAK_WEEKS', weeks: 4 },
            { kind: 'BADGE_EARNED', badgeId: '00000000-0000-0000-0000-0000000000b1' },
          ],
        },
      ],
    });
    const lines = conditionLines(
      criteria,
      [
        { kind: 'PERFECT_QUIZZES', have: 5, need: 3 },
        { kind: 'STREAK_WEEKS', have: 2, need: 4 },
        { kind: 'BADGE_EARNED', have: 0, need: 1 },
      ],
      'ko',
      names,
    );
    expect(lines.map((l) => l.text)).toEqual([
      '퀴즈 3개 만점 통과',
      '4주 연속 학습',
      "'청렴 새싹' 배지 획득",
    ]);
    // More than needed still reads as done, never "5 / 3".
    expect(lines[0]).toMatchObject({ have: 3, need: 3, done: true });
    expect(lines[1]).toMatchObject({ have: 2, need: 4, done: false });
  });

  it('never shows an id for a course it cannot name', () => {
    const criteria = JSON.stringify({
      kind: 'COURSE_COMPLETED',
      courseId: '00000000-0000-0000-0000-0000000000c1',
    });
    const [line] = conditionLines(criteria, [{ kind: 'COURSE_COMPLETED', have: 0, need: 1 }], 'en', names);
    expect(line.text).toBe("Complete the course '지정 과정'");
  });

  it('falls back to the kind when the criteria cannot be read', () => {
    const [line] = conditionLines('not json', [{ kind: 'PLEDGES_SIGNED', have: 1, need: 2 }], 'en', names);
    expect(line).toMatchObject({ text: 'PLEDGES_SIGNED', have: 1, need: 2, done: false });
  });
});

describe('leaderboard helpers', () => {
  it('asks for a campaign board only with a campaign', () => {
    expect(periodVariables('MONTH', 'c-1')).toEqual({ period: 'MONTH', campaignId: null });
    expect(periodVariables('CAMPAIGN', null)).toBeNull();
    expect(periodVariables('CAMPAIGN', 'c-1')).toEqual({ period: 'CAMPAIGN', campaignId: 'c-1' });
  });

  it('rounds completion rates and keeps "nobody assigned" apart from 0 %', () => {
    expect(ratePercent(0.666)).toBe(67);
    expect(ratePercent(0)).toBe(0);
    expect(ratePercent(null)).toBeNull();
  });

  it('reads the department of the address, ignoring anything odd', () => {
    expect(departmentFromQuery('00000000-0000-0000-0000-000000000003')).toBe(
      '00000000-0000-0000-0000-000000000003',
    );
    expect(departmentFromQuery(['d-1', 'd-2'])).toBe('d-1');
    expect(departmentFromQuery('<script>')).toBeNull();
    expect(departmentFromQuery(undefined)).toBeNull();
  });

  it('has a note for each board and privacy mode', () => {
    expect(privacyNoteKey('people', 'AROUND_ME')).toBe('gamification.privacy.people.AROUND_ME');
  });
});
