import { randomUUID } from 'node:crypto';
import type { CreditSourceKind, CriteriaNode, XpRuleKey } from '@palma/shared';
import { BadgeEvaluatorService } from '../../src/modules/gamification/badge-evaluator.service.js';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import type { AnyData, GqlClient } from '../utils/gql.js';
import type { TestApp } from '../utils/test-app.js';

export const BADGE_FIELDS = `id nameKo nameEn criteria criteriaNarrativeKo criteriaNarrativeEn team status version imageUrl`;
export const CREATE_BADGE = `mutation($i: BadgeInput!) { createBadge(input: $i) { ${BADGE_FIELDS} } }`;
export const UPDATE_BADGE = `mutation($id: ID!, $i: BadgeInput!) { updateBadge(id: $id, input: $i) { ${BADGE_FIELDS} } }`;
export const MY_BADGES = `{ myBadges { id awardedAt celebratedAt revokedAt credentialUrl badge { id nameKo } } }`;

export function badgeInput(
  criteria: CriteriaNode | string,
  name = `배지 ${randomUUID().slice(0, 8)}`,
): AnyData {
  return {
    nameKo: name,
    nameEn: `Badge ${name}`,
    descriptionKo: '청렴 활동을 인정합니다.',
    descriptionEn: 'Recognises integrity work.',
    criteria: typeof criteria === 'string' ? criteria : JSON.stringify(criteria),
    template: { shape: 'SHIELD', color: '#1f6feb', symbol: '청' },
  };
}

export async function createBadge(admin: GqlClient, criteria: CriteriaNode, name?: string): Promise<AnyData> {
  return (await admin.ok(CREATE_BADGE, { i: badgeInput(criteria, name) })).createBadge;
}

export const evaluator = (app: TestApp) => app.palma.app.get(BadgeEvaluatorService);

/** Runs the badge evaluator until its outbox is empty. */
export const drain = (app: TestApp) => evaluator(app).drain();

/** Writes a ledger entry the way a module does (its trigger queues the person for evaluation). */
export async function credit(
  app: TestApp,
  personId: string,
  sourceKind: CreditSourceKind,
  options: { sourceId?: string; rule?: XpRuleKey; xp?: number; minutes?: number; occurredAt?: Date } = {},
): Promise<{ created: boolean; xp: number }> {
  const ledger = app.palma.app.get(LedgerService);
  return app.dataSource.transaction((em) =>
    ledger.credit(em, {
      personId,
      sourceKind,
      sourceId: options.sourceId ?? randomUUID(),
      minutes: options.minutes ?? 0,
      label: sourceKind,
      rule: options.rule,
      xp: options.rule ? undefined : (options.xp ?? 0),
      occurredAt: options.occurredAt,
    }),
  );
}

export async function awardsOf(app: TestApp, personId: string): Promise<string[]> {
  const rows: { badge_id: string }[] = await app.dataSource.query(
    `SELECT badge_id FROM badge_awards WHERE person_id = $1 AND revoked_at IS NULL ORDER BY badge_id`,
    [personId],
  );
  return rows.map((r) => r.badge_id);
}

/** A finished live game in which the person placed `rank` (Golden Bell: standing at the end). */
export async function playedLiveGame(
  app: TestApp,
  hostId: string,
  personId: string,
  rank: number,
  mode: 'CLASSIC' | 'GOLDEN_BELL' = 'CLASSIC',
  alive = true,
): Promise<string> {
  const [{ id }] = await app.dataSource.query(
    `INSERT INTO live_games (pin, title, host_id, mode, settings, round_count, max_players, phase, finished_at)
     VALUES ($1, '청렴 골든벨', $2, $3, '{}'::jsonb, 1, 100, 'FINISHED', now()) RETURNING id`,
    [String(100000 + Math.floor(Math.random() * 899999)), hostId, mode],
  );
  await app.dataSource.query(
    `INSERT INTO live_players (game_id, person_id, nickname, nickname_key, team, score, streak, correct_count,
                               answered_count, alive, rank)
     VALUES ($1, $2, $3, $3, '', 1000, 1, 1, 1, $4, $5)`,
    [id, personId, `p${randomUUID().slice(0, 6)}`, alive, rank],
  );
  await credit(app, personId, 'LIVE_GAME', { sourceId: id, minutes: 10, xp: 10 });
  return id;
}

/**
 * A campaign with one tier of `minutes` for these people, due `dueInDays` from now, with the
 * period started a month ago.
 */
export async function campaignFor(
  app: TestApp,
  createdById: string,
  personIds: string[],
  minutes: number,
  dueInDays: number,
): Promise<{ campaignId: string; assignmentIds: string[] }> {
  const [{ id: campaignId }] = await app.dataSource.query(
    `INSERT INTO campaigns (name_ko, name_en, period_start, period_end, due_at, status, created_by_id)
     VALUES ('2026 청렴교육', '2026 integrity training', now() - interval '30 days', now() + interval '60 days',
             now() + make_interval(days => $1), 'ACTIVE', $2) RETURNING id`,
    [dueInDays, createdById],
  );
  const [{ id: tierId }] = await app.dataSource.query(
    `INSERT INTO campaign_tiers (campaign_id, position, name_ko, name_en, everyone, minutes_target)
     VALUES ($1, 1, '전 직원', 'Everyone', true, $2) RETURNING id`,
    [campaignId, minutes],
  );
  const assignmentIds: string[] = [];
  for (const personId of personIds) {
    const [{ id }] = await app.dataSource.query(
      `INSERT INTO campaign_assignments (campaign_id, person_id, tier_ids) VALUES ($1, $2, ARRAY[$3]::uuid[]) RETURNING id`,
      [campaignId, personId, tierId],
    );
    assignmentIds.push(id);
  }
  return { campaignId, assignmentIds };
}
