import type { CriteriaNode } from '@palma/shared';
import { describe, expect, it } from 'vitest';
import {
  addToRoot,
  canAddGroup,
  changeKind,
  criteriaIssues,
  criteriaSentence,
  criteriaValid,
  defaultCriterion,
  removeChild,
  serverCriteriaIssues,
  setCriterionField,
  splitProblemPath,
} from './badge-criteria';

describe('badge criteria rules', () => {
  it('turns a single condition into an "all of" group when something is added to it', () => {
    const single: CriteriaNode = { kind: 'PLEDGES_SIGNED', count: 2 };
    expect(addToRoot(single, defaultCriterion('STREAK_WEEKS'))).toEqual({
      all: [
        { kind: 'PLEDGES_SIGNED', count: 2 },
        { kind: 'STREAK_WEEKS', weeks: 4 },
      ],
    });
    expect(removeChild({ any: [single, single] }, 0)).toEqual({ any: [single] });
  });

  it('starts the fields over when the kind changes', () => {
    expect(
      changeKind({ kind: 'COURSES_COMPLETED', count: 5, category: 'PERSONNEL' }, 'LIVE_GAME_PLACED'),
    ).toEqual({
      kind: 'LIVE_GAME_PLACED',
      count: 1,
      maxRank: 3,
    });
  });

  it('drops an empty optional choice and keeps an empty number as a problem', () => {
    const c = setCriterionField({ kind: 'EVENTS_ATTENDED', count: 1, eventKind: 'TALK' }, 'eventKind', '');
    expect(c).toEqual({ kind: 'EVENTS_ATTENDED', count: 1 });
    const empty = setCriterionField(c, 'count', null);
    expect(criteriaValid(empty)).toBe(false);
    // zod reports only "Invalid input" at the root for NaN: the field check says where and why.
    expect(criteriaIssues({ all: [empty] })).toEqual([
      { at: '0', field: 'count', code: 'range', min: 1, max: 1000 },
    ]);
  });

  it('places problems at the node they concern, as the server writes their paths', () => {
    expect(splitProblemPath('all.1.any.0.courseId')).toEqual({ node: [1, 0], field: 'courseId' });
    expect(splitProblemPath('(root)')).toEqual({ node: [] });
    expect(
      criteriaIssues({
        all: [{ kind: 'PLEDGES_SIGNED', count: 1 }, { any: [{ kind: 'COURSE_COMPLETED', courseId: '' }] }],
      }),
    ).toEqual([{ at: '1.0', field: 'courseId', code: 'choose' }]);
    expect(criteriaIssues({ any: [] })).toEqual([{ at: '', code: 'emptyGroup' }]);
    expect(serverCriteriaIssues([{ path: 'all.0.count', message: 'at least 1' }])).toEqual([
      { at: '0', field: 'count', code: 'server', message: 'at least 1' },
    ]);
  });

  it('reports trees nested deeper than the shared limit', () => {
    const deep: CriteriaNode = {
      all: [{ any: [{ all: [{ any: [{ kind: 'PLEDGES_SIGNED', count: 1 }] }] }] }],
    };
    expect(criteriaIssues(deep)).toEqual([{ at: '', code: 'tooDeep', max: 3 }]);
    expect(canAddGroup(1)).toBe(true);
    expect(canAddGroup(2)).toBe(true);
    expect(canAddGroup(3)).toBe(false);
  });

  it('says a valid tree in words, categories and event kinds by name, and nothing for an invalid one', () => {
    const tree: CriteriaNode = {
      all: [
        { kind: 'COURSES_COMPLETED', count: 3, category: 'PERSONNEL' },
        {
          any: [
            { kind: 'EVENTS_ATTENDED', count: 2, eventKind: 'QUIZ_CONTEST' },
            { kind: 'STREAK_WEEKS', weeks: 4 },
          ],
        },
      ],
    };
    expect(criteriaSentence(tree, 'ko', {})).toBe(
      '인사 분야 과정 3개 이수 그리고 (퀴즈 대회 행사 2회 참석 또는 4주 연속 학습)',
    );
    expect(criteriaSentence(tree, 'en', {})).toBe(
      'Complete 3 courses in personnel and (Attend 2 quiz contest events or Learn 4 weeks in a row)',
    );
    expect(criteriaSentence({ all: [{ kind: 'PLEDGES_SIGNED', count: 0 }] }, 'ko', {})).toBeNull();
  });
});
