import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BalloonPractice,
  balloonScore,
  goldenBellOutcome,
  type LiveGameSettings,
  LiveLimits,
  type LivePhase,
  placementRule,
  rankPlayers,
  scoreAnswer,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { LedgerService } from '../ledger/ledger.service.js';
import type { LiveGame } from './entities/live-game.entity.js';
import { LiveErrors } from './live.errors.js';
import { LiveStateService, type PlayerRow } from './live-state.service.js';
import type { LiveGameStateModel } from './models/live.models.js';

/** How often each process looks for rounds whose time is up (a game on another process, a restart). */
const CLOCK_MS = 250;

type GameRow = {
  id: string;
  phase: LivePhase;
  currentRound: number;
  roundCount: number;
  mode: LiveGame['mode'];
  settings: LiveGameSettings;
  revivalRound: number | null;
  title: string;
  hostId: string;
};

const GAME_COLUMNS = `id, phase, current_round AS "currentRound", round_count AS "roundCount", mode, settings,
  revival_round AS "revivalRound", title, host_id AS "hostId"`;

/**
 * The game's clock and its transitions. Each transition is one conditional UPDATE of the game
 * row, so it happens once whichever process, timer or retried click asks for it; a round is
 * scored in the same transaction that closes it (answers lock the game row FOR SHARE, so none
 * slips in while it is scored). Times come from the database clock. Timers are the
 * `phase_ends_at` column: after a restart, the clock picks the game up where it was.
 */
@Injectable()
export class LiveEngine implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEngine.name);
  private clock: NodeJS.Timeout | null = null;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private ticking = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly state: LiveStateService,
    private readonly ledger: LedgerService,
  ) {}

  onApplicationBootstrap(): void {
    this.clock = setInterval(() => void this.tick(), CLOCK_MS);
    this.clock.unref();
  }

  onApplicationShutdown(): void {
    if (this.clock) clearInterval(this.clock);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** Starts the game (from the lobby) or moves to the next round (from a reveal); past the last round, finishes. */
  async next(gameId: string, fromRound: number, revival = false): Promise<LiveGameStateModel> {
    const game = await this.game(gameId);
    if (game.currentRound !== fromRound || !(game.phase === 'LOBBY' || game.phase === 'REVEAL')) {
      // A retried click that already went through: answer with where the game is.
      if (game.currentRound > fromRound || game.phase === 'FINISHED') return this.current(gameId);
      throw LiveErrors.phase(game.phase);
    }
    if (revival) {
      if (game.mode !== 'GOLDEN_BELL') throw LiveErrors.phase(game.phase);
      if (game.revivalRound !== null) throw LiveErrors.revivalUsed();
    }
    if (fromRound + 1 >= game.roundCount) return this.finish(gameId);
    const [[row]] = await this.dataSource.query(
      `UPDATE live_games g
          SET current_round = r.position,
              phase = CASE WHEN r.lead_in_seconds > 0 THEN 'LEAD_IN' ELSE 'OPEN' END,
              opened_at = CASE WHEN r.lead_in_seconds > 0 THEN NULL ELSE c.t END,
              phase_ends_at = c.t + make_interval(secs =>
                CASE WHEN r.lead_in_seconds > 0 THEN r.lead_in_seconds ELSE r.time_limit_seconds END),
              revival_round = CASE WHEN $4 THEN r.position ELSE g.revival_round END,
              started_at = coalesce(g.started_at, now()),
              version = g.version + 1
         FROM live_rounds r, (SELECT clock_timestamp() AS t) c
        WHERE g.id = $1 AND g.current_round = $2 AND g.phase = $3
          AND r.game_id = g.id AND r.position = g.current_round + 1
        RETURNING g.phase, g.phase_ends_at AS "endsAt"`,
      [gameId, fromRound, game.phase, revival],
    );
    if (row) this.schedule(gameId, row.endsAt as Date, row.phase === 'OPEN');
    return this.publish(gameId);
  }

  /** LEAD_IN → OPEN when the lead-in is over. */
  async open(gameId: string, round: number): Promise<void> {
    const [[row]] = await this.dataSource.query(
      `UPDATE live_games g
          SET phase = 'OPEN', opened_at = c.t,
              phase_ends_at = c.t + make_interval(secs => r.time_limit_seconds),
              version = g.version + 1
         FROM live_rounds r, (SELECT clock_timestamp() AS t) c
        WHERE g.id = $1 AND g.current_round = $2 AND g.phase = 'LEAD_IN'
          AND r.game_id = g.id AND r.position = g.current_round
        RETURNING g.phase_ends_at AS "endsAt"`,
      [gameId, round],
    );
    if (row) {
      this.schedule(gameId, row.endsAt as Date, true);
      await this.publish(gameId);
    }
  }

  async pause(gameId: string): Promise<LiveGameStateModel> {
    const [rows] = await this.dataSource.query(
      `UPDATE live_games
          SET paused_phase = phase, phase = 'PAUSED', paused_at = clock_timestamp(),
              paused_remaining_ms = greatest(0, (extract(epoch FROM phase_ends_at - clock_timestamp()) * 1000)::int),
              phase_ends_at = NULL, version = version + 1
        WHERE id = $1 AND phase IN ('LEAD_IN', 'OPEN')
        RETURNING id`,
      [gameId],
    );
    if (rows.length === 0) await this.assertPhase(gameId, ['PAUSED']);
    return this.publish(gameId);
  }

  /** Picks up a paused round with the time it had left; speed points do not count the pause. */
  async resume(gameId: string): Promise<LiveGameStateModel> {
    const [[row]] = await this.dataSource.query(
      `UPDATE live_games
          SET phase = paused_phase,
              phase_ends_at = c.t + make_interval(secs => paused_remaining_ms / 1000.0),
              opened_at = opened_at + (c.t - paused_at),
              paused_phase = NULL, paused_at = NULL, paused_remaining_ms = NULL, version = version + 1
         FROM (SELECT clock_timestamp() AS t) c
        WHERE id = $1 AND phase = 'PAUSED'
        RETURNING phase, phase_ends_at AS "endsAt"`,
      [gameId],
    );
    if (row) this.schedule(gameId, row.endsAt as Date, row.phase === 'OPEN');
    else await this.assertPhase(gameId, ['LEAD_IN', 'OPEN']);
    return this.publish(gameId);
  }

  /** Closes the round now (the host's skip, time is up, or everyone answered) and scores it. */
  async close(gameId: string, round: number): Promise<LiveGameStateModel> {
    const players = await this.dataSource.transaction(async (em) => {
      const [game]: GameRow[] = (
        await em.query(
          `UPDATE live_games
              SET phase = 'REVEAL', phase_ends_at = NULL, paused_phase = NULL, paused_at = NULL,
                  paused_remaining_ms = NULL, version = version + 1
            WHERE id = $1 AND current_round = $2 AND phase IN ('LEAD_IN', 'OPEN', 'PAUSED')
            RETURNING ${GAME_COLUMNS}`,
          [gameId, round],
        )
      )[0];
      return game ? this.score(em, game) : null;
    });
    this.unschedule(gameId);
    const state = await this.publish(gameId);
    if (players) await this.state.publishPlayers(gameId, players, round);
    return state;
  }

  /**
   * Ends the game: an open round is scored first. Signed-in players who answered at least once
   * get the game's credit minutes and XP for their place — once, through the ledger.
   */
  async finish(gameId: string): Promise<LiveGameStateModel> {
    let game = await this.game(gameId);
    if (game.phase === 'LEAD_IN' || game.phase === 'OPEN' || game.phase === 'PAUSED') {
      await this.close(gameId, game.currentRound);
      game = await this.game(gameId);
    }
    const players = await this.dataSource.transaction(async (em) => {
      const [[row]] = await em.query(
        `UPDATE live_games SET phase = 'FINISHED', finished_at = now(), phase_ends_at = NULL,
                joining_open = false, version = version + 1
          WHERE id = $1 AND phase IN ('LOBBY', 'REVEAL') RETURNING ${GAME_COLUMNS}`,
        [gameId],
      );
      if (!row) return null;
      const finished = row as GameRow;
      await this.rerank(em, gameId, finished.mode);
      const rows: (PlayerRow & { personId: string | null; answeredCount: number })[] = await em.query(
        `SELECT id, nickname, team, score, rank, streak, alive, kicked_at IS NOT NULL AS kicked,
                person_id AS "personId", answered_count AS "answeredCount"
           FROM live_players WHERE game_id = $1`,
        [gameId],
      );
      for (const p of rows) {
        if (!p.personId || p.kicked || p.answeredCount === 0) continue;
        await this.ledger.credit(em, {
          personId: p.personId,
          sourceKind: 'LIVE_GAME',
          sourceId: gameId,
          minutes: finished.settings.creditMinutes,
          rule: placementRule(p.rank ?? Number.MAX_SAFE_INTEGER),
          label: finished.title,
        });
      }
      return rows;
    });
    this.unschedule(gameId);
    const state = await this.publish(gameId);
    if (players)
      await this.state.publishPlayers(gameId, players, game.currentRound >= 0 ? game.currentRound : null);
    return state;
  }

  /**
   * Ranks the players who hold a rank again, without those removed since the last reveal (a
   * removed first place leaves no gap on the podium). Scores do not change.
   */
  async rerank(em: EntityManager, gameId: string, mode: LiveGame['mode']): Promise<void> {
    const players: { id: string; score: number; alive: boolean; eliminatedAt: number | null }[] =
      await em.query(
        `SELECT id, score, alive, eliminated_at AS "eliminatedAt" FROM live_players
        WHERE game_id = $1 AND kicked_at IS NULL AND rank IS NOT NULL`,
        [gameId],
      );
    if (players.length === 0) return;
    const ranked = rankPlayers(players, mode);
    await em.query(
      `UPDATE live_players p SET rank = u.rank FROM unnest($1::uuid[], $2::int[]) AS u(id, rank)
        WHERE p.id = u.id AND p.rank IS DISTINCT FROM u.rank`,
      [ranked.map((r) => r.id), ranked.map((r) => r.rank)],
    );
  }

  /** Called after answers came in: closes the round when everyone who may answer has. */
  afterAnswers(gameId: string): void {
    this.state.touch(gameId, async (progress) => {
      if (progress) await this.close(gameId, progress.round);
    });
  }

  /** Finds rounds whose time is up (on any process) and moves them on. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const due: { id: string; phase: LivePhase; round: number }[] = await this.dataSource.query(
        `SELECT id, phase, current_round AS round FROM live_games
          WHERE phase IN ('LEAD_IN', 'OPEN')
            AND phase_ends_at + CASE WHEN phase = 'OPEN' THEN make_interval(secs => $1) ELSE interval '0' END
                <= clock_timestamp()`,
        [LiveLimits.graceMs / 1000],
      );
      for (const g of due) await this.advance(g.id, g.phase, g.round);
    } catch (error) {
      if (this.clock) this.logger.warn(`live clock: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async advance(gameId: string, phase: LivePhase, round: number): Promise<void> {
    if (phase === 'LEAD_IN') await this.open(gameId, round);
    else await this.close(gameId, round);
  }

  /** A timer in this process for a phase it started (the clock is the safety net). */
  private schedule(gameId: string, endsAt: Date, open: boolean): void {
    this.unschedule(gameId);
    const wait = endsAt.getTime() - Date.now() + (open ? LiveLimits.graceMs : 0) + 5;
    const timer = setTimeout(
      () => {
        this.timers.delete(gameId);
        void this.tick();
      },
      Math.max(0, wait),
    );
    timer.unref();
    this.timers.set(gameId, timer);
  }

  private unschedule(gameId: string): void {
    const t = this.timers.get(gameId);
    if (t) clearTimeout(t);
    this.timers.delete(gameId);
  }

  /**
   * Scores a closed round inside its transaction: points with the shared rules (speed, streak,
   * balloons), Golden Bell eliminations and revivals, then every player's rank. One UPDATE for all
   * players and one for all answers.
   */
  private async score(em: EntityManager, game: GameRow): Promise<PlayerRow[]> {
    const round = (await this.state.round(game.id, game.currentRound))!;
    const players: (PlayerRow & {
      eliminatedAt: number | null;
      correctCount: number;
      answeredCount: number;
    })[] = await em.query(
      `SELECT id, nickname, team, score, rank, streak, alive, kicked_at IS NOT NULL AS kicked,
                eliminated_at AS "eliminatedAt", correct_count AS "correctCount", answered_count AS "answeredCount"
           FROM live_players WHERE game_id = $1`,
      [game.id],
    );
    const answers: Map<
      string,
      { correct: boolean; elapsedMs: number; forHonour: boolean; answer: { poppedIds?: string[] } }
    > = new Map(
      (
        await em.query(
          `SELECT player_id AS "playerId", correct, elapsed_ms AS "elapsedMs", for_honour AS "forHonour", answer
             FROM live_answers WHERE game_id = $1 AND position = $2`,
          [game.id, round.position],
        )
      ).map((a: { playerId: string }) => [a.playerId, a]),
    );
    const revival = game.revivalRound === round.position;
    const limitMs = round.timeLimitSeconds * 1000;
    const balloons =
      round.kind === 'BALLOON' ? (round.body as { balloons: BalloonPractice[] }).balloons : null;
    const points = new Map<string, number>();
    const inPlay = players.filter((p) => !p.kicked);
    for (const p of inPlay) {
      const a = answers.get(p.id);
      if (a) {
        p.answeredCount += 1;
        if (a.correct) p.correctCount += 1;
      }
      if (a?.forHonour) {
        points.set(p.id, 0);
        continue;
      }
      // Eliminated players who did not answer simply watch: their streak is not theirs to lose.
      if (game.mode === 'GOLDEN_BELL' && !p.alive && !revival) continue;
      let earned: number;
      if (balloons) {
        const result = balloonScore(balloons, a?.answer.poppedIds ?? []);
        earned = a ? result.points : 0;
        p.streak = a?.correct ? p.streak + 1 : 0;
      } else {
        const s = scoreAnswer({
          correct: a?.correct ?? false,
          elapsedMs: a?.elapsedMs ?? limitMs,
          limitMs,
          streakBefore: p.streak,
          speedWeighted: game.settings.speedWeighted,
          streakBonus: game.settings.streakBonus,
        });
        earned = s.points;
        p.streak = s.streak;
      }
      p.score += earned;
      if (a) points.set(p.id, earned);
    }
    const revivedIds = new Set<string>();
    if (game.mode === 'GOLDEN_BELL') {
      const outcome = goldenBellOutcome(
        inPlay.map((p) => ({ playerId: p.id, alive: p.alive, correct: answers.get(p.id)?.correct ?? false })),
        revival,
      );
      const out = new Set(outcome.eliminated);
      for (const p of inPlay) {
        if (out.has(p.id)) {
          p.alive = false;
          p.eliminatedAt = round.position;
        }
      }
      for (const id of outcome.revived) revivedIds.add(id);
      for (const p of inPlay) {
        if (revivedIds.has(p.id)) {
          p.alive = true;
          p.eliminatedAt = null;
        }
      }
    }
    const ranked = new Map(
      rankPlayers(
        inPlay.map((p) => ({ id: p.id, score: p.score, alive: p.alive, eliminatedAt: p.eliminatedAt })),
        game.mode,
      ).map((r) => [r.id, r.rank]),
    );
    for (const p of inPlay) p.rank = ranked.get(p.id) ?? null;
    if (inPlay.length > 0) {
      await em.query(
        `UPDATE live_players p
            SET score = u.score, streak = u.streak, correct_count = u.correct, answered_count = u.answered,
                alive = u.alive, eliminated_at = u.eliminated, rank = u.rank,
                revived_at = CASE WHEN u.revived THEN $2::int ELSE p.revived_at END
           FROM unnest($1::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::bool[], $8::int[], $9::int[], $10::bool[])
                AS u(id, score, streak, correct, answered, alive, eliminated, rank, revived)
          WHERE p.id = u.id`,
        [
          inPlay.map((p) => p.id),
          round.position,
          inPlay.map((p) => p.score),
          inPlay.map((p) => p.streak),
          inPlay.map((p) => p.correctCount),
          inPlay.map((p) => p.answeredCount),
          inPlay.map((p) => p.alive),
          inPlay.map((p) => p.eliminatedAt),
          inPlay.map((p) => p.rank),
          inPlay.map((p) => revivedIds.has(p.id)),
        ],
      );
    }
    if (points.size > 0) {
      await em.query(
        `UPDATE live_answers a SET points = u.points
           FROM unnest($3::uuid[], $4::int[]) AS u(id, points)
          WHERE a.game_id = $1 AND a.position = $2 AND a.player_id = u.id`,
        [game.id, round.position, [...points.keys()], [...points.values()]],
      );
    }
    return inPlay;
  }

  private async publish(gameId: string): Promise<LiveGameStateModel> {
    this.state.forget(gameId);
    const state = await this.state.publishState(gameId);
    if (!state) throw LiveErrors.gameNotFound(gameId);
    return state;
  }

  private async current(gameId: string): Promise<LiveGameStateModel> {
    const state = await this.state.state(gameId);
    if (!state) throw LiveErrors.gameNotFound(gameId);
    return state;
  }

  private async game(gameId: string): Promise<GameRow> {
    const [row] = await this.dataSource.query(`SELECT ${GAME_COLUMNS} FROM live_games WHERE id = $1`, [
      gameId,
    ]);
    if (!row) throw LiveErrors.gameNotFound(gameId);
    return row as GameRow;
  }

  private async assertPhase(gameId: string, accepted: LivePhase[]): Promise<void> {
    const game = await this.game(gameId);
    if (!accepted.includes(game.phase)) throw LiveErrors.phase(game.phase);
  }
}
