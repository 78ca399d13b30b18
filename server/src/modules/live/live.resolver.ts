import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { Ctx, CurrentViewer, Public, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';
import { withInitial } from '../../common/pubsub/with-initial.js';
import { CreateLiveGameInput, LiveAnswerInput } from './dto/live.inputs.js';
import { LiveEngine } from './live-engine.service.js';
import { LiveGamesService } from './live-games.service.js';
import {
  gameTopic,
  LiveStateService,
  playerTopic,
  screenTopic,
  type LivePayload,
} from './live-state.service.js';
import { LiveErrors } from './live.errors.js';
import {
  LiveAnswerAckModel,
  LiveGameLookupModel,
  LiveGameReportModel,
  LiveGameStateModel,
  LiveGameSummaryModel,
  LiveJoinModel,
  LivePlayerModel,
  LiveUpdateModel,
} from './models/live.models.js';

/** Live games: hosts run them (trainers, admins), anyone with the PIN plays. */
@Resolver()
export class LiveResolver {
  constructor(
    private readonly games: LiveGamesService,
    private readonly engine: LiveEngine,
    private readonly state: LiveStateService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  // --- hosting -------------------------------------------------------------------------------

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameSummaryModel, { description: 'Creates a game in its lobby with a fresh PIN' })
  async createLiveGame(
    @Args('input') input: CreateLiveGameInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LiveGameSummaryModel> {
    return LiveGamesService.summary(await this.games.create(viewer, input));
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => [LiveGameSummaryModel], {
    description: 'Games the viewer hosts (all games for admins), newest first',
  })
  async liveGames(@CurrentViewer() viewer: Viewer): Promise<LiveGameSummaryModel[]> {
    return (await this.games.list(viewer)).map(LiveGamesService.summary);
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => LiveGameStateModel, { description: 'A hosted game as it is now' })
  async hostedLiveGame(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer) {
    await this.games.hosted(viewer, id);
    return this.state.state(id);
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => [LivePlayerModel], {
    description:
      'A hosted game’s players (up to 200, newest first), optionally those whose name contains `search`',
  })
  async liveGamePlayers(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LivePlayerModel[]> {
    await this.games.hosted(viewer, gameId);
    return this.games.players(gameId, search);
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => LiveGameReportModel)
  async liveGameReport(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer) {
    return this.games.report(await this.games.hosted(viewer, id));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameStateModel, {
    description: 'Starts the game or moves on from a reveal; `fromRound` makes a retried click harmless',
  })
  async nextLiveRound(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('fromRound', { type: () => Int }) fromRound: number,
    @Args('revival', {
      defaultValue: false,
      description: 'Golden Bell: play the next round as the revival round',
    })
    revival: boolean,
    @CurrentViewer() viewer: Viewer,
  ) {
    await this.games.hosted(viewer, gameId);
    return this.engine.next(gameId, fromRound, revival);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameStateModel, { description: 'Closes the round now and reveals the answer' })
  async skipLiveRound(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('round', { type: () => Int }) round: number,
    @CurrentViewer() viewer: Viewer,
  ) {
    await this.games.hosted(viewer, gameId);
    return this.engine.close(gameId, round);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameStateModel)
  async pauseLiveGame(@Args('gameId', { type: () => ID }) gameId: string, @CurrentViewer() viewer: Viewer) {
    await this.games.hosted(viewer, gameId);
    return this.engine.pause(gameId);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameStateModel)
  async resumeLiveGame(@Args('gameId', { type: () => ID }) gameId: string, @CurrentViewer() viewer: Viewer) {
    await this.games.hosted(viewer, gameId);
    return this.engine.resume(gameId);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameStateModel, {
    description: 'Ends the game (an open round is scored first) and credits players',
  })
  async endLiveGame(@Args('gameId', { type: () => ID }) gameId: string, @CurrentViewer() viewer: Viewer) {
    await this.games.hosted(viewer, gameId);
    return this.engine.finish(gameId);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LiveGameStateModel)
  async setLiveJoining(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('open') open: boolean,
    @CurrentViewer() viewer: Viewer,
  ) {
    await this.games.hosted(viewer, gameId);
    await this.games.setJoining(gameId, open);
    this.state.forget(gameId);
    return this.state.publishState(gameId);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => Boolean, { description: 'Removes a player from the game (they cannot rejoin)' })
  async kickLivePlayer(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('playerId', { type: () => ID }) playerId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    await this.games.hosted(viewer, gameId);
    await this.games.kick(gameId, playerId);
    return true;
  }

  // --- playing -------------------------------------------------------------------------------

  @Public()
  @Query(() => LiveGameLookupModel, { description: 'The game behind a PIN (wrong PINs are rate-limited)' })
  async liveGameByPin(@Args('pin') pin: string, @Ctx() ctx: GqlContext): Promise<LiveGameLookupModel> {
    return this.games.describe(await this.games.lookup(pin, ctx.ip));
  }

  @Public()
  @Mutation(() => LiveJoinModel, {
    description:
      'Joins by PIN: signed-in people as themselves, guests with a nickname (and a team in a team battle)',
  })
  async joinLiveGame(
    @Args('pin') pin: string,
    @Args('nickname', { type: () => String, nullable: true }) nickname: string | null,
    @Args('team', { type: () => String, nullable: true }) team: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<LiveJoinModel> {
    return this.games.join(ctx.viewer, ctx.ip, pin, nickname, team);
  }

  @Public()
  @Mutation(() => LiveAnswerAckModel, { description: 'Answers the open round; the first answer counts' })
  async answerLiveRound(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('playerToken') playerToken: string,
    @Args('round', { type: () => Int }) round: number,
    @Args('answer') answer: LiveAnswerInput,
  ): Promise<LiveAnswerAckModel> {
    return this.games.answer(playerToken, gameId, round, answer);
  }

  @Public()
  @Subscription(() => LiveUpdateModel, {
    description:
      'A game as it happens: the state first, then every change; with a player token also that player’s own results',
    resolve: (payload: LivePayload) => payload.liveGame,
  })
  async liveGame(
    @Args('gameId', { type: () => ID }) gameId: string,
    @Args('playerToken', { type: () => String, nullable: true }) playerToken: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<AsyncIterableIterator<unknown>> {
    const playerId = playerToken ? this.games.playerOf(playerToken, gameId) : null;
    // A guest's socket may only follow the player its token names; watching without a token needs a session.
    if (ctx.guestPlayerId && ctx.guestPlayerId !== playerId) throw LiveErrors.token();
    if (!playerId && !ctx.viewer) throw LiveErrors.token();
    const found = await this.state.check(gameId, playerId);
    if (!found.game) throw LiveErrors.gameNotFound(gameId);
    if (playerId && !found.player) throw LiveErrors.token();
    const topics = playerId
      ? [gameTopic(gameId), playerTopic(gameId, playerId)]
      : [gameTopic(gameId), screenTopic(gameId)];
    // Read once the subscription stands, so nothing published meanwhile is missed.
    return withInitial(this.pubSub.asyncIterableIterator(topics), async () => {
      const [state, me] = await Promise.all([
        this.state.state(gameId),
        playerId ? this.state.playerView(gameId, playerId) : null,
      ]);
      return [{ liveGame: { state, progress: null, me } } satisfies LivePayload];
    });
  }
}
