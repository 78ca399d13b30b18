import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_XP_RULES,
  XP_RULE_KEYS,
  type CreditSourceKind,
  type XpRule,
  type XpRuleKey,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { type Connection, pageByTime } from '../../common/graphql/connection.js';
import { CreditEntry } from './credit-entry.entity.js';

export interface CreditInput {
  personId: string;
  sourceKind: CreditSourceKind;
  sourceId: string;
  minutes: number;
  label: string;
  occurredAt?: Date;
  /** XP from a rule (admin-tunable, with its cooldown)… */
  rule?: XpRuleKey;
  /** …or a fixed amount (adjustments). */
  xp?: number;
}

export interface XpRuleSetting extends XpRule {
  key: XpRuleKey;
  defaultXp: number;
  defaultCooldownMinutes: number;
  updatedAt: Date | null;
}

/**
 * The one source of truth for credit minutes and XP. Other modules only write entries here
 * (inside their own transaction); campaigns and gamification only read.
 */
/** Placements of one live game share a cooldown: a win right after a third place still waits. */
function cooldownGroup(key: XpRuleKey): XpRuleKey[] {
  return key.startsWith('LIVE_GAME_')
    ? ['LIVE_GAME_FIRST', 'LIVE_GAME_SECOND', 'LIVE_GAME_THIRD', 'LIVE_GAME_PLAYED']
    : [key];
}

@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Credits an achievement exactly once: a second call for the same (person, kind, source) —
   * a retry, a double click, a concurrent request — inserts nothing and returns created: false.
   */
  async credit(em: EntityManager, input: CreditInput): Promise<{ created: boolean; xp: number }> {
    const { rule, ...entry } = input;
    const occurredAt = input.occurredAt ?? new Date();
    const xp = rule ? await this.ruleXp(em, input.personId, rule, occurredAt) : (input.xp ?? 0);
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(CreditEntry)
      .values({ ...entry, xp, xpRule: rule ?? null, label: input.label.slice(0, 300), occurredAt })
      .orIgnore()
      .returning('id')
      .execute();
    const created = result.raw.length > 0;
    return { created, xp: created ? xp : 0 };
  }

  /**
   * The rule's current amount — or nothing while the rule's cooldown since the person's last XP
   * under it runs (repeatable actions cannot be farmed).
   */
  private async ruleXp(em: EntityManager, personId: string, key: XpRuleKey, at: Date): Promise<number> {
    const [row] = await em.query(
      `SELECT xp, cooldown_minutes AS "cooldownMinutes" FROM xp_rules WHERE key = $1`,
      [key],
    );
    const rule: XpRule = row ?? DEFAULT_XP_RULES[key];
    if (rule.xp === 0 || rule.cooldownMinutes === 0) return rule.xp;
    const [recent] = await em.query(
      `SELECT 1 FROM credit_entries
        WHERE person_id = $1 AND xp_rule = ANY($2::varchar[]) AND xp > 0
          AND occurred_at > $3::timestamptz - make_interval(mins => $4) AND occurred_at <= $3::timestamptz
        LIMIT 1`,
      [personId, cooldownGroup(key), at.toISOString(), rule.cooldownMinutes],
    );
    return recent ? 0 : rule.xp;
  }

  /** Every rule with its current and default amounts. */
  async xpRules(): Promise<XpRuleSetting[]> {
    const rows: { key: XpRuleKey; xp: number; cooldownMinutes: number; updatedAt: Date }[] =
      await this.dataSource.query(
        `SELECT key, xp, cooldown_minutes AS "cooldownMinutes", updated_at AS "updatedAt" FROM xp_rules`,
      );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return XP_RULE_KEYS.map((key) => {
      const d = DEFAULT_XP_RULES[key];
      const r = byKey.get(key);
      return {
        key,
        xp: r?.xp ?? d.xp,
        cooldownMinutes: r?.cooldownMinutes ?? d.cooldownMinutes,
        defaultXp: d.xp,
        defaultCooldownMinutes: d.cooldownMinutes,
        updatedAt: r?.updatedAt ?? null,
      };
    });
  }

  /** Sets a rule's amount; entries already credited keep theirs. Setting it twice changes nothing. */
  async setXpRule(actorId: string, key: XpRuleKey, rule: XpRule): Promise<XpRuleSetting> {
    await this.dataSource.query(
      `INSERT INTO xp_rules (key, xp, cooldown_minutes, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (key) DO UPDATE SET xp = EXCLUDED.xp, cooldown_minutes = EXCLUDED.cooldown_minutes,
              updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [key, rule.xp, rule.cooldownMinutes, actorId],
    );
    return (await this.xpRules()).find((r) => r.key === key)!;
  }

  async totals(personId: string): Promise<{ minutes: number; xp: number }> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(sum(minutes), 0)::int AS minutes, coalesce(sum(xp), 0)::int AS xp
         FROM credit_entries WHERE person_id = $1`,
      [personId],
    );
    return row;
  }

  async history(
    personId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<CreditEntry>> {
    const qb = this.dataSource
      .getRepository(CreditEntry)
      .createQueryBuilder('c')
      .where('c.person_id = :personId', { personId });
    return pageByTime(qb, 'c.occurred_at', 'DESC', first, after);
  }
}
