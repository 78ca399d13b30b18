import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreditSourceKind } from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from '../../common/graphql/connection.js';
import { CreditEntry } from './credit-entry.entity.js';

export interface CreditInput {
  personId: string;
  sourceKind: CreditSourceKind;
  sourceId: string;
  minutes: number;
  xp: number;
  label: string;
  occurredAt?: Date;
}

/**
 * The one source of truth for credit minutes and XP. Other modules only write entries here
 * (inside their own transaction); campaigns and gamification only read.
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Credits an achievement exactly once: a second call for the same (person, kind, source) —
   * a retry, a double click, a concurrent request — inserts nothing and returns created: false.
   */
  async credit(em: EntityManager, input: CreditInput): Promise<{ created: boolean }> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(CreditEntry)
      .values({ ...input, label: input.label.slice(0, 300), occurredAt: input.occurredAt ?? new Date() })
      .orIgnore()
      .returning('id')
      .execute();
    return { created: result.raw.length > 0 };
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
    const limit = pageSize(first);
    const qb = this.dataSource
      .getRepository(CreditEntry)
      .createQueryBuilder('c')
      .where('c.person_id = :personId', { personId });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      qb.andWhere('(c.occurred_at, c.id) < (:at::timestamptz, :id::uuid)', { at, id });
    }
    const rows = await qb
      .orderBy('c.occurred_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      totalCount,
      (r) => encodeCursor([r.occurredAt.toISOString(), r.id]),
      (r) => r,
    );
  }
}
