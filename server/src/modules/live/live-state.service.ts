import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BalloonPractice,
  type LiveGameSettings,
  type QuestionBody,
  reviewKeyOf,
  teamStandings,
} from '@palma/shared';
import type { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { sharedPayload } from '../../common/graphql/shared-subscribe.js';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';
import { LiveGame } from './entities/live-game.entity.js';
import { LiveRound } from './entities/live-round.entity.js';
import type {
  LiveDistributionModel,
  LiveGameStateModel,
  LivePlayerViewModel,
  LiveProgressModel,
  LiveQuestionModel,
  LiveRevealModel,
  LiveStandingModel,
  LiveUpdateModel,
} from './models/live.models.js';

export const gameTopic = (gameId: string) => `live:${gameId}`;
export const playerTopic = (gameId: string, playerId: string) => `live:${gameId}:${playerId}`;
/** What only screens without a player (the host's big screen and remote, spectators) follow. */
export const screenTopic = (gameId: string) => `live:${gameId}:screen`;

/**
 * What travels on a game's topics: one LiveUpdate, built once; the game-wide ones are marked
 * shared, so they are executed once for all subscribers, not once each.
 */
export type LivePayload = { liveGame: LiveUpdateModel };

type BalloonBody = { type: 'BALLOON'; balloons: BalloonPractice[] };

/** The leaderboard's and podium's size on screen. */
const BOARD_SIZE = 10;
const LOBBY_NAMES = 60;
const LOBBY_REUSE_MS = 250;

/**
 * Players whose answers a round waits for: not kicked and, in Golden Bell, the standing ones (the
 * eliminated in the revival round). Answers for honour must not close a round early.
 */
const ELIGIBLE = `p.kicked_at IS NULL
  AND (g.mode <> 'GOLDEN_BELL'
       OR (g.revival_round IS DISTINCT FROM g.current_round AND p.alive)
       OR (g.revival_round = g.current_round AND NOT p.alive))`;

export interface PlayerRow {
  id: string;
  nickname: string;
  team: string;
  score: number;
  rank: number | null;
  streak: number;
  alive: boolean;
  kicked: boolean;
}

/**
 * Builds the payloads every screen of a game shows and publishes them through PUB_SUB (Redis
 * across processes). A state is built once per game event — not per subscriber — and cached by
 * version, so reconnecting players get the same object; answers coming in are coalesced into a
 * small progress message at most five times a second.
 */
@Injectable()
export class LiveStateService {
  private readonly logger = new Logger(LiveStateService.name);
  private readonly rounds = new Map<string, LiveRound>();
  private readonly states = new Map<string, LiveGameStateModel>();
  private readonly dirty = new Map<string, NodeJS.Timeout>();
  private readonly afters = new Map<string, (progress: LiveProgressModel | null) => Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** A round of a game; rounds never change once the game exists, so they are cached. */
  async round(gameId: string, position: number): Promise<LiveRound | null> {
    const key = `${gameId}:${position}`;
    let round = this.rounds.get(key);
    if (!round) {
      const found = await this.dataSource.getRepository(LiveRound).findOneBy({ gameId, position });
      if (!found) return null;
      if (this.rounds.size > 5_000) this.rounds.clear();
      this.rounds.set(key, found);
      round = found;
    }
    return round;
  }

  /** The game's state as it is now (cached per version). */
  async state(gameId: string): Promise<LiveGameStateModel | null> {
    const game = await this.dataSource.getRepository(LiveGame).findOneBy({ id: gameId });
    if (!game) return null;
    const cached = this.states.get(gameId);
    // A lobby changes with every join: its state is reused for a quarter of a second at most
    // (a join storm's new subscribers), and the coalesced lobby broadcast always rebuilds it.
    const fresh = game.phase !== 'LOBBY' || (cached && Date.now() - cached.serverNow < LOBBY_REUSE_MS);
    if (cached && cached.version === game.version && fresh) {
      return {
        ...cached,
        playerCount: game.playerCount,
        joiningOpen: game.joiningOpen,
        serverNow: Date.now(),
      };
    }
    const state = await this.build(game);
    if (this.states.size > 1_000) this.states.clear();
    this.states.set(gameId, state);
    return state;
  }

  /**
   * Publishes the game's current state to every screen and phone — or, with `screensOnly`, to
   * the host's screens alone (the lobby filling up: phones have nothing to show for it).
   */
  async publishState(gameId: string, screensOnly = false): Promise<LiveGameStateModel | null> {
    const state = await this.state(gameId);
    if (state)
      await this.pubSub.publish(
        screensOnly ? screenTopic(gameId) : gameTopic(gameId),
        sharedPayload({ liveGame: { state, progress: null, me: null } }),
      );
    return state;
  }

  /** Sends each player their own standing (after a reveal, at the end, or when kicked). */
  async publishPlayers(
    gameId: string,
    players: readonly PlayerRow[],
    lastRound: number | null,
  ): Promise<void> {
    const last = lastRound === null ? new Map() : await this.lastAnswers(gameId, lastRound);
    await Promise.all(
      players.map((p) =>
        this.pubSub.publish(playerTopic(gameId, p.id), {
          liveGame: { state: null, progress: null, me: this.viewOf(p, null, lastRound, last.get(p.id)) },
        } satisfies LivePayload),
      ),
    );
  }

  /** Whether the game exists and, when a player is named, whether they are one of its players. */
  async check(gameId: string, playerId: string | null): Promise<{ game: boolean; player: boolean }> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(gameId)) {
      return { game: false, player: false };
    }
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM live_games WHERE id = $1) AS game,
              EXISTS (SELECT 1 FROM live_players WHERE id = $2 AND game_id = $1) AS player`,
      [gameId, playerId],
    );
    return row;
  }

  /** A player's own view, read fresh (a reconnect). */
  async playerView(gameId: string, playerId: string): Promise<LivePlayerViewModel | null> {
    const [row] = await this.dataSource.query(
      `SELECT p.id, p.nickname, p.team, p.score, p.rank, p.streak, p.alive, p.kicked_at IS NOT NULL AS kicked,
              g.current_round AS "currentRound", g.phase,
              EXISTS (SELECT 1 FROM live_answers a WHERE a.game_id = g.id AND a.position = g.current_round
                       AND a.player_id = p.id) AS "answeredCurrent"
         FROM live_players p JOIN live_games g ON g.id = p.game_id
        WHERE p.id = $1 AND p.game_id = $2`,
      [playerId, gameId],
    );
    if (!row) return null;
    const revealed = row.phase === 'REVEAL' || row.phase === 'FINISHED';
    const lastRound = revealed ? (row.currentRound as number) : (row.currentRound as number) - 1;
    const last =
      lastRound >= 0 ? (await this.lastAnswers(gameId, lastRound, playerId)).get(playerId) : undefined;
    return this.viewOf(
      row as PlayerRow,
      row.answeredCurrent ? (row.currentRound as number) : null,
      lastRound >= 0 ? lastRound : null,
      last,
    );
  }

  /**
   * Marks a game as changed by a join or an answer: within 200 ms this process publishes the
   * lobby (a state) or the answer count (a progress message), then calls `after` with the counts
   * (the engine closes a round everyone has answered).
   */
  touch(gameId: string, after?: (progress: LiveProgressModel | null) => Promise<void>): void {
    if (after) this.afters.set(gameId, after);
    if (this.dirty.has(gameId)) return;
    const timer = setTimeout(() => {
      this.dirty.delete(gameId);
      const then = this.afters.get(gameId);
      this.afters.delete(gameId);
      void this.flush(gameId)
        .then((progress) => then?.(progress))
        .catch((error: Error) => this.logger.error(`live game ${gameId}: ${error.message}`, error.stack));
    }, 200);
    timer.unref();
    this.dirty.set(gameId, timer);
  }

  forget(gameId: string): void {
    this.states.delete(gameId);
  }

  onModuleDestroy(): void {
    for (const timer of this.dirty.values()) clearTimeout(timer);
    this.dirty.clear();
  }

  private async flush(gameId: string): Promise<LiveProgressModel | null> {
    const [game] = await this.dataSource.query(
      `SELECT g.phase, g.current_round AS round, g.mode, g.revival_round AS "revivalRound",
              (SELECT count(*)::int FROM live_answers a WHERE a.game_id = g.id AND a.position = g.current_round) AS answered,
              (SELECT count(*)::int FROM live_players p WHERE p.game_id = g.id AND ${ELIGIBLE}) AS eligible,
              (SELECT count(*)::int FROM live_answers a JOIN live_players p ON p.id = a.player_id
                WHERE a.game_id = g.id AND a.position = g.current_round AND ${ELIGIBLE}) AS "eligibleAnswered",
              (SELECT count(*)::int FROM live_players p WHERE p.game_id = g.id AND p.kicked_at IS NULL) AS players
         FROM live_games g WHERE g.id = $1`,
      [gameId],
    );
    if (!game) return null;
    if (game.phase === 'LOBBY') {
      this.forget(gameId);
      await this.publishState(gameId, true);
      return null;
    }
    const progress: LiveProgressModel = {
      round: game.round,
      answered: game.answered,
      playerCount: game.players,
    };
    // Answer counts are for the big screen and the host's remote; phones do not show them.
    await this.pubSub.publish(
      screenTopic(gameId),
      sharedPayload({ liveGame: { state: null, progress, me: null } }),
    );
    return game.phase === 'OPEN' && game.eligible > 0 && game.eligibleAnswered >= game.eligible
      ? progress
      : null;
  }

  private viewOf(
    p: PlayerRow,
    answeredRound: number | null,
    lastRound: number | null,
    last: { correct: boolean; points: number | null; forHonour: boolean } | undefined,
  ): LivePlayerViewModel {
    return {
      id: p.id,
      nickname: p.nickname,
      team: p.team,
      score: p.score,
      rank: p.rank,
      streak: p.streak,
      alive: p.alive,
      kicked: p.kicked,
      answeredRound,
      last:
        lastRound === null
          ? null
          : {
              round: lastRound,
              answered: last !== undefined,
              correct: last?.correct ?? false,
              points: last?.points ?? 0,
              forHonour: last?.forHonour ?? false,
            },
    };
  }

  private async lastAnswers(
    gameId: string,
    round: number,
    playerId?: string,
  ): Promise<Map<string, { correct: boolean; points: number | null; forHonour: boolean }>> {
    const rows: { playerId: string; correct: boolean; points: number | null; forHonour: boolean }[] =
      await this.dataSource.query(
        `SELECT player_id AS "playerId", correct, points, for_honour AS "forHonour"
           FROM live_answers WHERE game_id = $1 AND position = $2 AND ($3::uuid IS NULL OR player_id = $3)`,
        [gameId, round, playerId ?? null],
      );
    return new Map(rows.map((r) => [r.playerId, r]));
  }

  private async build(game: LiveGame): Promise<LiveGameStateModel> {
    const settings = game.settings as LiveGameSettings;
    const round = game.currentRound >= 0 ? await this.round(game.id, game.currentRound) : null;
    const showQuestion = round && game.phase !== 'LOBBY' && game.phase !== 'FINISHED';
    const revealed = game.phase === 'REVEAL' || game.phase === 'FINISHED';
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE kicked_at IS NULL)::int AS players,
              count(*) FILTER (WHERE kicked_at IS NULL AND alive)::int AS alive,
              count(*) FILTER (WHERE kicked_at IS NULL AND NOT alive)::int AS out
         FROM live_players WHERE game_id = $1`,
      [game.id],
    );
    return {
      id: game.id,
      pin: game.pin,
      title: game.title,
      mode: game.mode,
      phase: game.phase,
      version: game.version,
      round: game.currentRound,
      roundCount: game.roundCount,
      joiningOpen: game.joiningOpen,
      playerCount: counts.players,
      aliveCount: counts.alive,
      serverNow: Date.now(),
      phaseEndsAt: game.phaseEndsAt ? game.phaseEndsAt.getTime() : null,
      pausedRemainingMs: game.pausedRemainingMs,
      winners: settings.winners,
      speedWeighted: settings.speedWeighted,
      streakBonus: settings.streakBonus,
      revivalAvailable: game.mode === 'GOLDEN_BELL' && game.revivalRound === null && counts.out > 0,
      guestTeams: settings.guestTeams,
      question: showQuestion ? this.questionOf(round, game) : null,
      reveal: revealed && round && game.phase === 'REVEAL' ? await this.revealOf(game, round) : null,
      leaderboard: revealed ? await this.leaderboard(game) : [],
      teams: game.mode === 'TEAM_BATTLE' && revealed ? await this.teams(game.id) : [],
      lobby: game.phase === 'LOBBY' ? await this.lobby(game.id) : [],
    };
  }

  private questionOf(round: LiveRound, game: LiveGame): LiveQuestionModel {
    const body = round.body as QuestionBody | BalloonBody;
    const texts = new Map<string, { textKo: string; textEn: string }>();
    if (body.type === 'BALLOON')
      for (const b of body.balloons) texts.set(b.id, { textKo: b.ko, textEn: b.en });
    else if (body.type === 'SINGLE_CHOICE' || body.type === 'MULTIPLE_CHOICE')
      for (const o of body.options) texts.set(o.id, o);
    else if (body.type === 'ORDERING') for (const i of body.items) texts.set(i.id, i);
    return {
      round: round.position,
      kind: round.kind,
      type: round.type,
      promptKo: round.promptKo,
      promptEn: round.promptEn,
      // Only ids and texts: the `correct` flags and the item order stay on the server.
      choices: round.displayIds.map((id) => ({
        id,
        textKo: texts.get(id)?.textKo ?? '',
        textEn: texts.get(id)?.textEn ?? '',
      })),
      timeLimitSeconds: round.timeLimitSeconds,
      leadInSeconds: round.leadInSeconds,
      revival: game.revivalRound === round.position,
    };
  }

  private async revealOf(game: LiveGame, round: LiveRound): Promise<LiveRevealModel> {
    const answers: { answer: Record<string, unknown>; correct: boolean; forHonour: boolean }[] =
      await this.dataSource.query(
        `SELECT answer, correct, for_honour AS "forHonour" FROM live_answers WHERE game_id = $1 AND position = $2`,
        [game.id, round.position],
      );
    const [moves] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE eliminated_at = $2)::int AS eliminated,
              count(*) FILTER (WHERE revived_at = $2)::int AS revived
         FROM live_players WHERE game_id = $1`,
      [game.id, round.position],
    );
    const body = round.body as QuestionBody | BalloonBody;
    const counts = new Map<string, number>();
    const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    let distribution: LiveDistributionModel[];
    let correctIds: string[] = [];
    let key = null as ReturnType<typeof reviewKeyOf> | null;
    if (body.type === 'BALLOON') {
      for (const a of answers) for (const id of (a.answer.poppedIds as string[]) ?? []) bump(id);
      correctIds = body.balloons.filter((b) => b.corrupt).map((b) => b.id);
      distribution = body.balloons.map((b) => ({
        key: b.id,
        count: counts.get(b.id) ?? 0,
        correct: b.corrupt,
      }));
    } else {
      key = reviewKeyOf(body);
      if (body.type === 'SINGLE_CHOICE' || body.type === 'MULTIPLE_CHOICE') {
        for (const a of answers) for (const id of (a.answer.optionIds as string[]) ?? []) bump(id);
        correctIds = key.correctOptionIds;
        distribution = round.displayIds.map((id) => ({
          key: id,
          count: counts.get(id) ?? 0,
          correct: correctIds.includes(id),
        }));
      } else if (body.type === 'TRUE_FALSE') {
        for (const a of answers) bump(String(a.answer.booleanValue));
        distribution = ['true', 'false'].map((k) => ({
          key: k,
          count: counts.get(k) ?? 0,
          correct: String(body.answer) === k,
        }));
      } else {
        if (body.type === 'ORDERING') correctIds = key.correctItemIds;
        const right = answers.filter((a) => a.correct).length;
        distribution = [
          { key: 'correct', count: right, correct: true },
          { key: 'wrong', count: answers.length - right, correct: false },
        ];
      }
    }
    return {
      round: round.position,
      correctIds,
      correctBoolean: key?.correctBoolean ?? null,
      acceptedAnswers: key?.acceptedAnswers ?? [],
      acceptedNumbers: key?.acceptedNumbers ?? [],
      explanationKo: round.explanationKo,
      explanationEn: round.explanationEn,
      distribution,
      answered: answers.length,
      correct: answers.filter((a) => a.correct).length,
      eliminated: moves.eliminated,
      revived: moves.revived,
    };
  }

  private async leaderboard(game: LiveGame): Promise<LiveStandingModel[]> {
    const size =
      game.phase === 'FINISHED'
        ? Math.max(BOARD_SIZE, (game.settings as LiveGameSettings).winners)
        : BOARD_SIZE;
    return this.dataSource.query(
      `SELECT id, rank, nickname, person_id IS NULL AS guest, team, score, alive, correct_count AS correct
         FROM live_players WHERE game_id = $1 AND kicked_at IS NULL AND rank IS NOT NULL
        ORDER BY rank, nickname LIMIT $2`,
      [game.id, size],
    );
  }

  private async teams(gameId: string) {
    const players: { team: string; score: number }[] = await this.dataSource.query(
      `SELECT team, score FROM live_players WHERE game_id = $1 AND kicked_at IS NULL`,
      [gameId],
    );
    return teamStandings(players);
  }

  private async lobby(gameId: string): Promise<string[]> {
    const rows: { nickname: string }[] = await this.dataSource.query(
      `SELECT nickname FROM live_players WHERE game_id = $1 AND kicked_at IS NULL ORDER BY joined_at DESC LIMIT $2`,
      [gameId, LOBBY_NAMES],
    );
    return rows.map((r) => r.nickname);
  }
}
