import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BalloonPractice,
  balloonRound,
  balloonScore,
  checkAnswer,
  gradeAnswer,
  LIVE_QUESTION_TYPES,
  LiveLimits,
  type LearnerAnswer,
  liveGameSettingsSchema,
  liveRoundSchema,
  normaliseNickname,
  presentationOf,
  type QuestionBody,
} from '@palma/shared';
import { DataSource, QueryFailedError } from 'typeorm';
import { z } from 'zod';
import type { Viewer } from '../../common/auth/viewer.js';
import { PlayerTokenSigner } from '../../common/auth/player-token.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { RateLimitService, type LimitPolicy } from '../../common/rate-limit/rate-limit.service.js';
import { parseInput } from '../../common/validation.js';
import { QuestionVersion } from '../quizzes/entities/question-version.entity.js';
import { Quiz } from '../quizzes/entities/quiz.entity.js';
import { QuizAttemptsService } from '../quizzes/quiz-attempts.service.js';
import type { CreateLiveGameInput, LiveAnswerInput } from './dto/live.inputs.js';
import { LiveGame } from './entities/live-game.entity.js';
import { LiveRound } from './entities/live-round.entity.js';
import { LiveEngine } from './live-engine.service.js';
import { LiveErrors } from './live.errors.js';
import { LiveStateService } from './live-state.service.js';
import type {
  LiveAnswerAckModel,
  LiveGameLookupModel,
  LiveGameReportModel,
  LiveJoinModel,
  LivePlayerModel,
} from './models/live.models.js';

/** Wrong PINs from one address: a few typos are fine, guessing is not. */
export const PIN_POLICY: LimitPolicy = {
  key: 'live:pin',
  points: 10,
  durationSeconds: 60,
  blockSeconds: 120,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team a guest plays for when the host offered none. */
export const GUEST_TEAM = 'Guests';

/**
 * Answers lock the game row FOR SHARE: a round cannot close (an UPDATE of that row) while an
 * answer to it is being written, and an answer arriving after the close sees the new phase.
 * Received time is the database clock; the answer is late past the close plus the grace.
 */
const ANSWER_SQL = `
WITH g AS (
  SELECT g.id, g.opened_at, g.mode, g.revival_round, g.current_round
    FROM live_games g
   WHERE g.id = $1 AND g.phase = 'OPEN' AND g.current_round = $2
     AND clock_timestamp() <= g.phase_ends_at + make_interval(secs => $7)
     FOR SHARE
), p AS (
  SELECT p.id, p.alive FROM live_players p WHERE p.id = $3 AND p.game_id = $1 AND p.kicked_at IS NULL
)
INSERT INTO live_answers (game_id, position, player_id, answer, elapsed_ms, correct, fraction, for_honour)
SELECT g.id, $2, p.id, $4::jsonb,
       greatest(0, (extract(epoch FROM clock_timestamp() - g.opened_at) * 1000)::int), $5, $6,
       g.mode = 'GOLDEN_BELL' AND g.revival_round IS DISTINCT FROM g.current_round AND NOT p.alive
  FROM g, p
ON CONFLICT (game_id, position, player_id) DO NOTHING
RETURNING received_at AS "receivedAt"`;

const answerInputSchema = z
  .object({
    optionIds: z.array(z.string().max(40)).max(20).nullish(),
    booleanValue: z.boolean().nullish(),
    itemIds: z.array(z.string().max(40)).max(20).nullish(),
    text: z.string().max(200).nullish(),
    numberValue: z.number().finite().nullish(),
    poppedIds: z.array(z.string().max(40)).max(50).nullish(),
  })
  .strict();

/** Games: authoring, joining and answering. Transitions belong to LiveEngine. */
@Injectable()
export class LiveGamesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attempts: QuizAttemptsService,
    private readonly engine: LiveEngine,
    private readonly state: LiveStateService,
    private readonly tokens: PlayerTokenSigner,
    private readonly limits: RateLimitService,
  ) {}

  async create(viewer: Viewer, input: CreateLiveGameInput): Promise<LiveGame> {
    const title = input.title.trim();
    if (!title || title.length > LiveLimits.titleMax) {
      throw new DomainError('VALIDATION_FAILED', 'A title of 1 to 200 characters', {
        fields: [{ field: 'title', message: 'required, at most 200 characters' }],
      });
    }
    const settings = parseInput(liveGameSettingsSchema, {
      mode: input.mode,
      speedWeighted: input.speedWeighted,
      streakBonus: input.streakBonus,
      winners: input.winners,
      creditMinutes: input.creditMinutes,
      maxPlayers: input.maxPlayers,
      guestTeams: [...new Set(input.guestTeams.map((t) => t.trim()))],
    });
    const rounds = parseInput(z.array(liveRoundSchema).max(LiveLimits.roundsMax), input.rounds);
    return this.dataSource.transaction(async (em) => {
      if (input.eventSessionId) {
        const [session] = UUID.test(input.eventSessionId)
          ? await em.query(`SELECT id FROM event_sessions WHERE id = $1`, [input.eventSessionId])
          : [];
        if (!session)
          throw new DomainError('NOT_FOUND', 'Event session not found', { id: input.eventSessionId });
      }
      const planned: {
        kind: 'QUESTION' | 'BALLOON';
        version: QuestionVersion | null;
        limit: number;
        leadIn: number;
      }[] = [];
      if (input.quizId) {
        const quiz = UUID.test(input.quizId) ? await em.findOneBy(Quiz, { id: input.quizId }) : null;
        if (!quiz) throw new DomainError('NOT_FOUND', 'Quiz not found', { id: input.quizId });
        const timing = parseInput(
          z.object({
            limit: z.number().int().min(LiveLimits.timeLimitMin).max(LiveLimits.timeLimitMax),
            leadIn: z.number().int().min(0).max(LiveLimits.leadInMax),
          }),
          { limit: input.quizTimeLimitSeconds, leadIn: input.quizLeadInSeconds },
        );
        for (const version of await this.attempts.drawQuestions(em, quiz)) {
          planned.push({ kind: 'QUESTION', version, limit: timing.limit, leadIn: timing.leadIn });
        }
      }
      const ids = rounds.flatMap((r) => (r.kind === 'QUESTION' && r.questionId ? [r.questionId] : []));
      const versions: QuestionVersion[] = ids.length
        ? await em
            .createQueryBuilder(QuestionVersion, 'v')
            .innerJoin(
              'questions',
              'q',
              'q.id = v.question_id AND q.version = v.version AND q.archived_at IS NULL',
            )
            .where('v.question_id = ANY(:ids)', { ids })
            .getMany()
        : [];
      const byQuestion = new Map(versions.map((v) => [v.questionId, v]));
      rounds.forEach((r, i) => {
        if (r.kind === 'QUESTION') {
          const version = r.questionId ? byQuestion.get(r.questionId) : undefined;
          if (!version) {
            throw new DomainError('VALIDATION_FAILED', 'Unknown question', {
              fields: [{ field: `rounds.${i}.questionId`, message: 'no such question in the bank' }],
            });
          }
          planned.push({ kind: 'QUESTION', version, limit: r.timeLimitSeconds, leadIn: r.leadInSeconds });
        } else {
          planned.push({
            kind: 'BALLOON',
            version: null,
            limit: r.timeLimitSeconds,
            leadIn: r.leadInSeconds,
          });
        }
      });
      if (planned.length === 0) {
        throw new DomainError('VALIDATION_FAILED', 'A game needs at least one round', {
          fields: [{ field: 'rounds', message: 'add questions or choose a quiz' }],
        });
      }
      if (planned.length > LiveLimits.roundsMax) {
        throw new DomainError('VALIDATION_FAILED', `At most ${LiveLimits.roundsMax} rounds`, {
          fields: [{ field: 'rounds', message: `at most ${LiveLimits.roundsMax}` }],
        });
      }
      const unplayable = planned.findIndex((p) => p.version && !LIVE_QUESTION_TYPES.includes(p.version.type));
      if (unplayable >= 0) {
        throw new DomainError('VALIDATION_FAILED', 'Matching questions cannot be played live', {
          fields: [{ field: `rounds.${unplayable}`, message: 'matching questions cannot be played live' }],
        });
      }
      const game = await this.insertWithPin(em, {
        title,
        hostId: viewer.personId,
        mode: settings.mode,
        settings,
        eventSessionId: input.eventSessionId ?? null,
        quizId: input.quizId ?? null,
        roundCount: planned.length,
        maxPlayers: settings.maxPlayers,
      });
      await em.insert(
        LiveRound,
        planned.map((p, position) => {
          const seed = randomInt(2 ** 31);
          if (!p.version) {
            const balloons = balloonRound(seed);
            return {
              gameId: game.id,
              position,
              kind: 'BALLOON' as const,
              questionVersionId: null,
              type: null,
              promptKo: '부패 풍선을 터뜨리세요! 깨끗한 풍선은 남겨 두세요.',
              promptEn: 'Pop the corrupt balloons! Spare the clean ones.',
              explanationKo: '',
              explanationEn: '',
              body: { type: 'BALLOON' as const, balloons },
              displayIds: balloons.map((b) => b.id),
              timeLimitSeconds: p.limit,
              leadInSeconds: p.leadIn,
            };
          }
          const body = p.version.body;
          const shown = presentationOf(body, true, seed);
          return {
            gameId: game.id,
            position,
            kind: 'QUESTION' as const,
            questionVersionId: p.version.id,
            type: p.version.type,
            promptKo: p.version.promptKo,
            promptEn: p.version.promptEn,
            explanationKo: p.version.explanationKo,
            explanationEn: p.version.explanationEn,
            body,
            displayIds:
              body.type === 'TRUE_FALSE' ? ['true', 'false'] : (shown.optionIds ?? shown.itemIds ?? []),
            timeLimitSeconds: p.limit,
            leadInSeconds: p.leadIn,
          };
        }),
      );
      return game;
    });
  }

  /** Finds an open game by PIN; wrong PINs count against the caller's address. */
  async lookup(pin: string, ip: string): Promise<LiveGame> {
    await this.limits.assertAllowed(PIN_POLICY, ip);
    const game = /^[0-9]{6}$/.test(pin)
      ? await this.dataSource
          .getRepository(LiveGame)
          .findOne({ where: { pin }, order: { createdAt: 'DESC' } })
      : null;
    if (!game || game.phase === 'FINISHED') {
      await this.limits.penalise(PIN_POLICY, ip);
      if (game) throw LiveErrors.finished();
      throw LiveErrors.notFound();
    }
    return game;
  }

  describe(game: LiveGame): LiveGameLookupModel {
    return {
      gameId: game.id,
      title: game.title,
      mode: game.mode,
      phase: game.phase,
      joiningOpen: game.joiningOpen,
      guestTeams: game.mode === 'TEAM_BATTLE' ? game.settings.guestTeams : [],
    };
  }

  /**
   * Joins a game: a signed-in person as themselves (joining again returns the same player), a
   * guest with a nickname unique in the game. Returns the player's token.
   */
  async join(
    viewer: Viewer | null,
    ip: string,
    pin: string,
    nickname: string | null,
    team: string | null,
  ): Promise<LiveJoinModel> {
    const game = await this.lookup(pin, ip);
    if (viewer) {
      const [existing] = await this.dataSource.query(
        `SELECT id, nickname, team, kicked_at AS "kickedAt" FROM live_players WHERE game_id = $1 AND person_id = $2`,
        [game.id, viewer.personId],
      );
      if (existing) {
        if (existing.kickedAt) throw LiveErrors.kicked();
        return this.joined(game.id, existing);
      }
    }
    if (!game.joiningOpen) throw LiveErrors.joiningClosed();
    let values: { personId: string | null; nickname: string; key: string; team: string };
    if (viewer) {
      const [person] = await this.dataSource.query(
        `SELECT p.name, d.name_ko AS department FROM people p LEFT JOIN departments d ON d.id = p.department_id WHERE p.id = $1`,
        [viewer.personId],
      );
      values = {
        personId: viewer.personId,
        nickname: String(person.name).slice(0, 40),
        key: `p:${viewer.personId}`,
        team: String(person.department ?? GUEST_TEAM).slice(0, 100),
      };
    } else {
      const normal = normaliseNickname(nickname ?? '');
      if (!normal.ok) throw LiveErrors.nickname(normal.problem);
      const teams = game.mode === 'TEAM_BATTLE' ? game.settings.guestTeams : [];
      const chosen = (team ?? '').trim();
      if (teams.length > 0 && !teams.includes(chosen)) throw LiveErrors.team();
      values = {
        personId: null,
        nickname: normal.nickname,
        key: `g:${normal.key}`,
        team: teams.length ? chosen : GUEST_TEAM,
      };
    }
    try {
      const [row] = await this.dataSource.query(
        `INSERT INTO live_players (game_id, person_id, nickname, nickname_key, team) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, nickname, team`,
        [game.id, values.personId, values.nickname, values.key, values.team],
      );
      this.state.touch(game.id);
      return this.joined(game.id, row);
    } catch (error) {
      const code =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint ?? '';
      if (code === '23514' && constraint === 'CHK_live_games_players') throw LiveErrors.full(game.maxPlayers);
      if (code === '23505' && viewer) return this.join(viewer, ip, pin, null, null); // a double click
      if (code === '23505') throw LiveErrors.nicknameTaken();
      throw error;
    }
  }

  /** The player a token names in this game, or PLAYER_TOKEN_INVALID. */
  playerOf(token: string, gameId: string): string {
    const playerId = this.tokens.verify(token);
    if (!playerId || !UUID.test(gameId)) throw LiveErrors.token();
    return playerId;
  }

  /**
   * Records a player's answer to the open round. One answer per player and round (the primary
   * key); a repeat returns the first answer's receipt. Nothing about correctness is returned.
   */
  async answer(
    token: string,
    gameId: string,
    round: number,
    input: LiveAnswerInput,
  ): Promise<LiveAnswerAckModel> {
    const playerId = this.playerOf(token, gameId);
    const answer = parseInput(answerInputSchema, input);
    const found = await this.state.round(gameId, round);
    if (!found) throw LiveErrors.notOpen();
    let graded: { correct: boolean; fraction: number };
    let stored: Record<string, unknown>;
    if (found.kind === 'BALLOON') {
      if (!answer.poppedIds || Object.entries(answer).some(([k, v]) => k !== 'poppedIds' && v != null)) {
        throw LiveErrors.answer('WRONG_SHAPE');
      }
      const popped = [...new Set(answer.poppedIds)];
      const result = balloonScore((found.body as { balloons: BalloonPractice[] }).balloons, popped);
      graded = { correct: result.correct, fraction: result.fraction };
      stored = { poppedIds: popped };
    } else {
      const { poppedIds, ...rest } = answer;
      if (poppedIds != null) throw LiveErrors.answer('WRONG_SHAPE');
      const checked = checkAnswer(found.body as QuestionBody, rest as LearnerAnswer);
      if (!checked.ok) throw LiveErrors.answer(checked.problem);
      const grade = gradeAnswer(found.body as QuestionBody, checked.answer);
      graded = { correct: grade.correct, fraction: grade.fraction };
      stored = checked.answer as Record<string, unknown>;
    }
    const [row] = await this.dataSource.query(ANSWER_SQL, [
      gameId,
      round,
      playerId,
      JSON.stringify(stored),
      graded.correct,
      graded.fraction,
      LiveLimits.graceMs / 1000,
    ]);
    if (row) {
      this.engine.afterAnswers(gameId);
      return { round, receivedAt: (row.receivedAt as Date).getTime(), duplicate: false };
    }
    const [why] = await this.dataSource.query(
      `SELECT (SELECT received_at FROM live_answers WHERE game_id = $1 AND position = $2 AND player_id = $3) AS "receivedAt",
              p.kicked_at IS NOT NULL AS kicked, p.id IS NOT NULL AS "inGame"
         FROM (SELECT 1) one LEFT JOIN live_players p ON p.id = $3 AND p.game_id = $1`,
      [gameId, round, playerId],
    );
    if (why?.receivedAt) return { round, receivedAt: (why.receivedAt as Date).getTime(), duplicate: true };
    if (!why?.inGame) throw LiveErrors.token();
    if (why.kicked) throw LiveErrors.kicked();
    throw LiveErrors.notOpen();
  }

  /**
   * Removes a player: unranked (the others ranked again), and no longer counted among the game's
   * players (nor its maxPlayers).
   */
  async kick(gameId: string, playerId: string): Promise<void> {
    if (!UUID.test(playerId)) return;
    const rows = await this.dataSource.query(
      `WITH kicked AS (
         UPDATE live_players SET kicked_at = now(), rank = NULL
          WHERE id = $1 AND game_id = $2 AND kicked_at IS NULL
         RETURNING id, nickname, team, score, rank, streak, alive, true AS kicked
       ), counted AS (
         UPDATE live_games SET player_count = player_count - 1, version = version + 1
          WHERE id = $2 AND EXISTS (SELECT 1 FROM kicked)
       )
       SELECT * FROM kicked`,
      [playerId, gameId],
    );
    if (rows.length === 0) return;
    const [game] = await this.dataSource.query(`SELECT mode FROM live_games WHERE id = $1`, [gameId]);
    await this.engine.rerank(this.dataSource.manager, gameId, game.mode);
    await this.state.publishPlayers(gameId, rows, null);
    // Every screen at once: one player fewer, and the leaderboard without them.
    this.state.forget(gameId);
    await this.state.publishState(gameId);
  }

  /** The game's players for the host, newest first, optionally by a part of their name. */
  async players(gameId: string, search: string | null): Promise<LivePlayerModel[]> {
    const term = (search ?? '').trim().slice(0, LiveLimits.nicknameMax);
    return this.dataSource.query(
      `SELECT id, nickname, team, person_id IS NULL AS guest, score, rank, alive,
              kicked_at IS NOT NULL AS kicked, joined_at AS "joinedAt"
         FROM live_players
        WHERE game_id = $1 AND ($2 = '' OR strpos(lower(nickname), lower($2)) > 0)
        ORDER BY kicked_at IS NOT NULL, joined_at DESC LIMIT 200`,
      [gameId, term],
    );
  }

  async setJoining(gameId: string, open: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE live_games SET joining_open = $2, version = version + 1 WHERE id = $1 AND phase <> 'FINISHED'`,
      [gameId, open],
    );
  }

  /** The game if the viewer may run it: its host, or an admin. */
  async hosted(viewer: Viewer, gameId: string): Promise<LiveGame> {
    const game = UUID.test(gameId)
      ? await this.dataSource.getRepository(LiveGame).findOneBy({ id: gameId })
      : null;
    if (!game) throw LiveErrors.gameNotFound(gameId);
    if (game.hostId !== viewer.personId && !viewer.roles.includes('ADMIN')) throw LiveErrors.notHost();
    return game;
  }

  async list(viewer: Viewer): Promise<LiveGame[]> {
    const admin = viewer.roles.includes('ADMIN');
    return this.dataSource.getRepository(LiveGame).find({
      where: admin ? {} : { hostId: viewer.personId },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }

  async report(game: LiveGame): Promise<LiveGameReportModel> {
    const players = await this.dataSource.query(
      `SELECT rank, nickname, team, person_id IS NULL AS guest, score, correct_count AS correct,
              answered_count AS answered, alive, kicked_at IS NOT NULL AS kicked
         FROM live_players WHERE game_id = $1 ORDER BY rank NULLS LAST, nickname`,
      [game.id],
    );
    const rounds = await this.dataSource.query(
      `SELECT r.position AS round, r.kind, r.prompt_ko AS "promptKo", r.prompt_en AS "promptEn",
              count(a.player_id)::int AS answered, count(*) FILTER (WHERE a.correct)::int AS correct,
              round(avg(a.elapsed_ms))::int AS "averageMs"
         FROM live_rounds r LEFT JOIN live_answers a ON a.game_id = r.game_id AND a.position = r.position
        WHERE r.game_id = $1 GROUP BY r.position, r.kind, r.prompt_ko, r.prompt_en ORDER BY r.position`,
      [game.id],
    );
    const teams = game.mode === 'TEAM_BATTLE' ? ((await this.state.state(game.id))?.teams ?? []) : [];
    return { game: LiveGamesService.summary(game), players, rounds, teams };
  }

  static summary(game: LiveGame) {
    return {
      id: game.id,
      pin: game.pin,
      title: game.title,
      mode: game.mode,
      phase: game.phase,
      roundCount: game.roundCount,
      playerCount: game.playerCount,
      eventSessionId: game.eventSessionId,
      createdAt: game.createdAt,
      finishedAt: game.finishedAt,
    };
  }

  private joined(gameId: string, row: { id: string; nickname: string; team: string }): LiveJoinModel {
    return {
      gameId,
      playerId: row.id,
      playerToken: this.tokens.sign(row.id),
      nickname: row.nickname,
      team: row.team,
    };
  }

  /** A fresh six-digit PIN; the partial unique index refuses one an unfinished game holds. */
  private async insertWithPin(
    em: import('typeorm').EntityManager,
    values: Partial<LiveGame>,
  ): Promise<LiveGame> {
    for (let attempt = 0; ; attempt++) {
      const pin = String(randomInt(100_000, 1_000_000));
      const [taken] = await em.query(`SELECT 1 FROM live_games WHERE pin = $1 AND phase <> 'FINISHED'`, [
        pin,
      ]);
      if (taken && attempt < 20) continue;
      const saved = await em.getRepository(LiveGame).save(em.create(LiveGame, { ...values, pin }));
      return saved;
    }
  }
}
