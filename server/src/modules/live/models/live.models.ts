import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LiveMode, LivePhase, LiveRoundKind, QuestionType } from '@palma/shared';

registerEnumType(LiveMode, { name: 'LiveMode' });
registerEnumType(LivePhase, { name: 'LivePhase' });
registerEnumType(LiveRoundKind, { name: 'LiveRoundKind' });

/*
 * The live payloads are plain JSON built once per game event and published as they are (through
 * Redis across processes), so times are epoch milliseconds and no field has its own resolver:
 * executing them for each of thousands of subscribers stays cheap.
 */

@ObjectType('LiveText')
export class LiveTextModel {
  @Field() id: string;
  @Field() textKo: string;
  @Field() textEn: string;
}

@ObjectType('LiveQuestion', {
  description: 'A round as players see it: never with its key before the reveal.',
})
export class LiveQuestionModel {
  @Field(() => Int) round: number;
  @Field(() => LiveRoundKind) kind: LiveRoundKind;
  @Field(() => QuestionType, { nullable: true }) type: QuestionType | null;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field(() => [LiveTextModel], { description: 'Options, ordering items or balloons, in display order' })
  choices: LiveTextModel[];
  @Field(() => Int) timeLimitSeconds: number;
  @Field(() => Int) leadInSeconds: number;
  @Field({ description: 'Golden Bell: the revival round (패자부활전)' }) revival: boolean;
}

@ObjectType('LiveDistribution')
export class LiveDistributionModel {
  @Field({ description: 'An option or balloon id, "true"/"false", or "correct"/"wrong" for typed answers' })
  key: string;
  @Field(() => Int) count: number;
  @Field() correct: boolean;
}

@ObjectType('LiveReveal', { description: 'The answer and how the room answered, after the round closed.' })
export class LiveRevealModel {
  @Field(() => Int) round: number;
  @Field(() => [String]) correctIds: string[];
  @Field(() => Boolean, { nullable: true }) correctBoolean: boolean | null;
  @Field(() => [String]) acceptedAnswers: string[];
  @Field(() => [Float]) acceptedNumbers: number[];
  @Field() explanationKo: string;
  @Field() explanationEn: string;
  @Field(() => [LiveDistributionModel]) distribution: LiveDistributionModel[];
  @Field(() => Int) answered: number;
  @Field(() => Int) correct: number;
  @Field(() => Int) eliminated: number;
  @Field(() => Int) revived: number;
}

@ObjectType('LiveStanding')
export class LiveStandingModel {
  @Field(() => ID, { description: 'The player (for the host to remove them)' }) id: string;
  @Field(() => Int) rank: number;
  @Field() nickname: string;
  @Field({ description: 'A guest chose this nickname; employees play under their own name' }) guest: boolean;
  @Field() team: string;
  @Field(() => Int) score: number;
  @Field() alive: boolean;
  @Field(() => Int) correct: number;
}

@ObjectType('LiveTeamStanding')
export class LiveTeamStandingModel {
  @Field(() => Int) rank: number;
  @Field() team: string;
  @Field(() => Int) members: number;
  @Field(() => Float) average: number;
  @Field(() => Int) total: number;
}

@ObjectType('LiveGameState', {
  description: 'What every screen of a game shows; one payload per game event.',
})
export class LiveGameStateModel {
  @Field(() => ID) id: string;
  @Field() pin: string;
  @Field() title: string;
  @Field(() => LiveMode) mode: LiveMode;
  @Field(() => LivePhase) phase: LivePhase;
  @Field(() => Int, { description: 'Bumped by every transition; drop older states' }) version: number;
  @Field(() => Int, { description: '0-based; -1 in the lobby' }) round: number;
  @Field(() => Int) roundCount: number;
  @Field() joiningOpen: boolean;
  @Field(() => Int) playerCount: number;
  @Field(() => Int, { description: 'Golden Bell: players still standing' }) aliveCount: number;
  @Field(() => Float, { description: 'The server clock when this was built (epoch ms)' }) serverNow: number;
  @Field(() => Float, { nullable: true, description: 'When LEAD_IN or OPEN ends (epoch ms)' })
  phaseEndsAt: number | null;
  @Field(() => Int, { nullable: true }) pausedRemainingMs: number | null;
  @Field(() => Int) winners: number;
  @Field() speedWeighted: boolean;
  @Field() streakBonus: boolean;
  @Field() revivalAvailable: boolean;
  @Field(() => [String]) guestTeams: string[];
  @Field(() => LiveQuestionModel, { nullable: true }) question: LiveQuestionModel | null;
  @Field(() => LiveRevealModel, { nullable: true }) reveal: LiveRevealModel | null;
  @Field(() => [LiveStandingModel], { description: 'Top ten after a reveal; the podium when finished' })
  leaderboard: LiveStandingModel[];
  @Field(() => [LiveTeamStandingModel]) teams: LiveTeamStandingModel[];
  @Field(() => [String], { description: 'Newest nicknames in the lobby' }) lobby: string[];
}

@ObjectType('LiveProgress', {
  description: 'Answers coming in during a round (sent several times a second).',
})
export class LiveProgressModel {
  @Field(() => Int) round: number;
  @Field(() => Int) answered: number;
  @Field(() => Int) playerCount: number;
}

@ObjectType('LiveLastAnswer')
export class LiveLastAnswerModel {
  @Field(() => Int) round: number;
  @Field() answered: boolean;
  @Field() correct: boolean;
  @Field(() => Int) points: number;
  @Field() forHonour: boolean;
}

@ObjectType('LivePlayerView', { description: 'A player’s own standing, sent only to them.' })
export class LivePlayerViewModel {
  @Field(() => ID) id: string;
  @Field() nickname: string;
  @Field() team: string;
  @Field(() => Int) score: number;
  @Field(() => Int, { nullable: true }) rank: number | null;
  @Field(() => Int) streak: number;
  @Field() alive: boolean;
  @Field() kicked: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'The round this player has answered, if it is the current one',
  })
  answeredRound: number | null;
  @Field(() => LiveLastAnswerModel, { nullable: true }) last: LiveLastAnswerModel | null;
}

@ObjectType('LiveUpdate', { description: 'One message of a live game: any of its parts may be set.' })
export class LiveUpdateModel {
  @Field(() => LiveGameStateModel, { nullable: true }) state: LiveGameStateModel | null;
  @Field(() => LiveProgressModel, { nullable: true }) progress: LiveProgressModel | null;
  @Field(() => LivePlayerViewModel, { nullable: true }) me: LivePlayerViewModel | null;
}

@ObjectType('LiveJoin')
export class LiveJoinModel {
  @Field(() => ID) gameId: string;
  @Field(() => ID) playerId: string;
  @Field({ description: 'Keep it: it rejoins this player after a reconnect' }) playerToken: string;
  @Field() nickname: string;
  @Field() team: string;
}

@ObjectType('LiveAnswerAck', { description: 'The answer was received; correctness comes with the reveal.' })
export class LiveAnswerAckModel {
  @Field(() => Int) round: number;
  @Field(() => Float, { description: 'Server receipt time (epoch ms)' }) receivedAt: number;
  @Field({ description: 'An earlier answer to this round was kept' }) duplicate: boolean;
}

@ObjectType('LivePlayer', { description: 'A player as the host sees them (to find and remove someone).' })
export class LivePlayerModel {
  @Field(() => ID) id: string;
  @Field() nickname: string;
  @Field() team: string;
  @Field() guest: boolean;
  @Field(() => Int) score: number;
  @Field(() => Int, { nullable: true }) rank: number | null;
  @Field() alive: boolean;
  @Field() kicked: boolean;
  @Field() joinedAt: Date;
}

@ObjectType('LiveGameLookup', { description: 'What the join screen needs to know about a PIN.' })
export class LiveGameLookupModel {
  @Field(() => ID) gameId: string;
  @Field() title: string;
  @Field(() => LiveMode) mode: LiveMode;
  @Field(() => LivePhase) phase: LivePhase;
  @Field() joiningOpen: boolean;
  @Field(() => [String]) guestTeams: string[];
}

@ObjectType('LiveGameSummary', { description: 'A game in the host’s list.' })
export class LiveGameSummaryModel {
  @Field(() => ID) id: string;
  @Field() pin: string;
  @Field() title: string;
  @Field(() => LiveMode) mode: LiveMode;
  @Field(() => LivePhase) phase: LivePhase;
  @Field(() => Int) roundCount: number;
  @Field(() => Int) playerCount: number;
  @Field(() => ID, { nullable: true }) eventSessionId: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('LiveReportPlayer')
export class LiveReportPlayerModel {
  @Field(() => Int, { nullable: true }) rank: number | null;
  @Field() nickname: string;
  @Field() team: string;
  @Field() guest: boolean;
  @Field(() => Int) score: number;
  @Field(() => Int) correct: number;
  @Field(() => Int) answered: number;
  @Field() alive: boolean;
  @Field() kicked: boolean;
}

@ObjectType('LiveReportRound')
export class LiveReportRoundModel {
  @Field(() => Int) round: number;
  @Field(() => LiveRoundKind) kind: LiveRoundKind;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field(() => Int) answered: number;
  @Field(() => Int) correct: number;
  @Field(() => Int, { nullable: true }) averageMs: number | null;
}

@ObjectType('LiveGameReport')
export class LiveGameReportModel {
  @Field(() => LiveGameSummaryModel) game: LiveGameSummaryModel;
  @Field(() => [LiveReportPlayerModel]) players: LiveReportPlayerModel[];
  @Field(() => [LiveReportRoundModel]) rounds: LiveReportRoundModel[];
  @Field(() => [LiveTeamStandingModel]) teams: LiveTeamStandingModel[];
}
