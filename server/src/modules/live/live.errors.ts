import { DomainError } from '../../common/errors/domain-error.js';

export const LiveErrors = {
  notFound: () => new DomainError('GAME_NOT_FOUND', 'No game with this PIN is open'),
  gameNotFound: (id: string) => new DomainError('NOT_FOUND', 'Live game not found', { id }),
  finished: () => new DomainError('GAME_FINISHED', 'This game has ended'),
  full: (max: number) => new DomainError('GAME_FULL', 'This game is full', { maxPlayers: max }),
  joiningClosed: () => new DomainError('JOINING_CLOSED', 'The host has closed joining'),
  nickname: (problem: string) =>
    new DomainError('NICKNAME_INVALID', 'A nickname needs 1 to 20 visible characters', {
      problem,
      fields: [{ field: 'nickname', message: problem }],
    }),
  nicknameTaken: () => new DomainError('NICKNAME_TAKEN', 'Someone in this game already uses that nickname'),
  team: () => new DomainError('TEAM_INVALID', 'Choose one of the teams offered'),
  token: () => new DomainError('PLAYER_TOKEN_INVALID', 'Join the game again'),
  kicked: () => new DomainError('PLAYER_KICKED', 'The host removed you from this game'),
  notOpen: () => new DomainError('QUESTION_NOT_OPEN', 'Answers are not open for this question'),
  answer: (problem: string) =>
    new DomainError('ANSWER_INVALID', 'This answer does not fit the question', { problem }),
  notHost: () => new DomainError('FORBIDDEN', 'Only the host can run this game'),
  phase: (phase: string) =>
    new DomainError('GAME_PHASE_CONFLICT', 'The game is not where this action expects it', { phase }),
  revivalUsed: () => new DomainError('REVIVAL_USED', 'The revival round has already been played'),
};
