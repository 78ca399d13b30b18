import { describe, expect, it } from 'vitest';
import {
  balloonRoundDraft,
  emptyGameDraft,
  gameDraftInput,
  gameDraftProblems,
  guestTeamList,
  isLivePlayable,
  questionRound,
  serverRoundProblems,
} from './live-game-form';

const question = { id: 'q-1', promptKo: '질문', promptEn: 'Question', type: 'SINGLE_CHOICE' as const };

describe('the new-game form', () => {
  it('needs a title and at least one round (or a quiz)', () => {
    expect(gameDraftProblems(emptyGameDraft())).toEqual({
      title: { key: 'required' },
      rounds: { key: 'noRounds' },
    });
    expect(gameDraftProblems({ ...emptyGameDraft(), title: '콘서트', quizId: 'quiz-1' })).toEqual({});
  });

  it('checks time limits against the server’s limits, per round', () => {
    const draft = { ...emptyGameDraft(), title: 'x', rounds: [questionRound(question), balloonRoundDraft()] };
    draft.rounds[1] = { ...draft.rounds[1], timeLimitSeconds: 241, leadInSeconds: null };
    expect(gameDraftProblems(draft)).toEqual({
      'rounds.1.timeLimitSeconds': { key: 'range', values: { min: 5, max: 240 } },
      'rounds.1.leadInSeconds': { key: 'required' },
    });
  });

  it('reads guest teams one per line, each once', () => {
    expect(guestTeamList('청렴팀\n 감사팀 ,청렴팀\n\n')).toEqual(['청렴팀', '감사팀']);
    const draft = { ...emptyGameDraft(), title: 'x', quizId: 'q', mode: 'TEAM_BATTLE' as const };
    expect(gameDraftProblems({ ...draft, guestTeams: 'a'.repeat(41) }).guestTeams).toEqual({
      key: 'teamTooLong',
      values: { max: 40 },
    });
  });

  it('sends rounds in order, guest teams only for a team battle', () => {
    const draft = {
      ...emptyGameDraft(),
      title: ' 청렴 콘서트 ',
      guestTeams: '시민',
      rounds: [questionRound(question), balloonRoundDraft()],
    };
    const input = gameDraftInput(draft);
    expect(input).toMatchObject({ title: '청렴 콘서트', mode: 'CLASSIC', guestTeams: [], quizId: null });
    expect(input.rounds).toEqual([
      { kind: 'QUESTION', questionId: 'q-1', timeLimitSeconds: 20, leadInSeconds: 3 },
      { kind: 'BALLOON', questionId: null, timeLimitSeconds: 30, leadInSeconds: 3 },
    ]);
    expect(gameDraftInput({ ...draft, mode: 'TEAM_BATTLE' }).guestTeams).toEqual(['시민']);
  });

  it('leaves matching questions out of live play', () => {
    expect(isLivePlayable('MATCHING')).toBe(false);
    expect(isLivePlayable('ORDERING')).toBe(true);
  });
});

describe('serverRoundProblems', () => {
  it('names the round the server refused, in words the host can act on', () => {
    expect(
      serverRoundProblems([
        { field: 'rounds.3', message: 'matching questions cannot be played live' },
        { field: 'rounds.0.questionId', message: 'no such question in the bank' },
        { field: 'title', message: 'required' },
      ]),
    ).toEqual([
      { key: 'matching', values: { n: 4 } },
      { key: 'unknownQuestion', values: { n: 1 } },
    ]);
  });
});
