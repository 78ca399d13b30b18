import {
  balloonRound,
  LIVE_QUESTION_TYPES,
  liveGameSettingsSchema,
  presentationOf,
  type QuestionBody,
  type QuestionType,
} from '@palma/shared';
import type { EntityManager } from 'typeorm';

/** A Golden Bell ready to host at the demo's 골든벨 contest. Fixed id and PIN keep seeding idempotent. */
export const DEMO_LIVE_GAME_ID = '6a1e0b77-2f4c-4d8e-9b3a-000000000001';
export const DEMO_LIVE_PIN = '246810';
/** The first session of the demo's "2026 청렴 골든벨" event. */
const GOLDEN_BELL_SESSION = '7e1c0a55-4b8d-4f0e-a1c2-000000000201';
const ROUNDS = 6;

/**
 * Inserts the demo game in its lobby: six questions of the demo bank that play well live
 * (the first of each type, then more), and a balloon-dart round before the last question.
 */
export async function seedDemoLiveGame(em: EntityManager, trainerId: string): Promise<boolean> {
  const [exists] = await em.query(`SELECT 1 FROM live_games WHERE id = $1`, [DEMO_LIVE_GAME_ID]);
  if (exists) return false;
  const versions: {
    id: string;
    type: QuestionType;
    promptKo: string;
    promptEn: string;
    explanationKo: string;
    explanationEn: string;
    body: QuestionBody;
  }[] = await em.query(
    `SELECT v.id, v.type, v.prompt_ko AS "promptKo", v.prompt_en AS "promptEn", v.explanation_ko AS "explanationKo",
            v.explanation_en AS "explanationEn", v.body
       FROM question_versions v JOIN questions q ON q.id = v.question_id AND q.version = v.version
      WHERE q.archived_at IS NULL AND v.type = ANY($1) AND v.type IN ('SINGLE_CHOICE', 'TRUE_FALSE', 'MULTIPLE_CHOICE')
      ORDER BY q.created_at, q.id`,
    [LIVE_QUESTION_TYPES],
  );
  if (versions.length < ROUNDS) return false;
  const picked = [
    ...versions.filter((v) => v.type === 'TRUE_FALSE').slice(0, 2),
    ...versions.filter((v) => v.type !== 'TRUE_FALSE'),
  ].slice(0, ROUNDS);
  const [session] = await em.query(`SELECT id FROM event_sessions WHERE id = $1`, [GOLDEN_BELL_SESSION]);
  const settings = liveGameSettingsSchema.parse({
    mode: 'GOLDEN_BELL',
    winners: 3,
    creditMinutes: 20,
    maxPlayers: 500,
  });
  const rounds = picked.length + 1;
  await em.query(
    `INSERT INTO live_games (id, pin, title, host_id, mode, settings, event_session_id, round_count, max_players)
     VALUES ($1, $2, $3, $4, 'GOLDEN_BELL', $5, $6, $7, $8)`,
    [
      DEMO_LIVE_GAME_ID,
      DEMO_LIVE_PIN,
      '2026 청렴 골든벨 본선',
      trainerId,
      settings,
      session?.id ?? null,
      rounds,
      settings.maxPlayers,
    ],
  );
  let position = 0;
  for (const [i, v] of picked.entries()) {
    if (i === picked.length - 1) {
      const balloons = balloonRound(20_261_122);
      await em.query(
        `INSERT INTO live_rounds (game_id, position, kind, prompt_ko, prompt_en, body, display_ids, time_limit_seconds, lead_in_seconds)
         VALUES ($1, $2, 'BALLOON', $3, $4, $5, $6, 30, 3)`,
        [
          DEMO_LIVE_GAME_ID,
          position++,
          '부패 풍선을 터뜨리세요! 깨끗한 풍선은 남겨 두세요.',
          'Pop the corrupt balloons! Spare the clean ones.',
          { type: 'BALLOON', balloons },
          balloons.map((b) => b.id),
        ],
      );
    }
    const shown = presentationOf(v.body, true, 1_000 + i);
    await em.query(
      `INSERT INTO live_rounds (game_id, position, kind, question_version_id, type, prompt_ko, prompt_en,
                                explanation_ko, explanation_en, body, display_ids, time_limit_seconds, lead_in_seconds)
       VALUES ($1, $2, 'QUESTION', $3, $4, $5, $6, $7, $8, $9, $10, 20, 3)`,
      [
        DEMO_LIVE_GAME_ID,
        position++,
        v.id,
        v.type,
        v.promptKo,
        v.promptEn,
        v.explanationKo,
        v.explanationEn,
        v.body,
        v.body.type === 'TRUE_FALSE' ? ['true', 'false'] : (shown.optionIds ?? []),
      ],
    );
  }
  return true;
}
