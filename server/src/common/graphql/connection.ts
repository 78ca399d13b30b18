import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Limits } from '@palma/shared';
import type { Type } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { isUuid } from '../ids.js';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${Limits.pageSizeMax}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page' })
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `XConnection` and `XEdge` object types for a node type (Relay cursor connections). */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionClass;
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return Limits.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > Limits.pageSizeMax) {
    throw new DomainError('VALIDATION_FAILED', `first must be between 1 and ${Limits.pageSizeMax}`, {
      fields: [{ field: 'first', message: `between 1 and ${Limits.pageSizeMax}` }],
    });
  }
  return first;
}

/** Opaque keyset cursor: the sort key values of the last row seen. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number | null)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the domain error
  }
  throw new DomainError('BAD_CURSOR', 'The cursor is not valid for this list');
}

/** Turns `limit + 1` fetched rows into a connection page. */
export function toConnection<R, T>(
  rows: R[],
  limit: number,
  totalCount: number,
  cursorOf: (row: R) => string,
  toNode: (row: R) => T,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** A time as a cursor holds it: UTC with PostgreSQL's microseconds. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * One page of a list ordered by a timestamp column (`column`, e.g. `'n.created_at'`), its id
 * breaking ties: the whole list's count, then `first` rows after the cursor (keyset pagination).
 * The cursor keeps PostgreSQL's microseconds — a JavaScript Date would round them to
 * milliseconds, and rows written within the same millisecond as the last row of a page would be
 * skipped. A cursor that is not one of ours is refused with BAD_CURSOR. `qb` selects one entity
 * (no joined rows).
 */
export async function pageByTime<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  column: string,
  order: 'ASC' | 'DESC',
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const limit = pageSize(first);
  const id = `${qb.alias}.id`;
  const totalCount = await qb.clone().getCount();
  if (after) {
    const [at, afterId] = decodeCursor(after, 2);
    if (typeof at !== 'string' || !CURSOR_TIME.test(at) || !isUuid(afterId)) {
      throw new DomainError('BAD_CURSOR', 'The cursor is not valid for this list');
    }
    qb.andWhere(
      `(${column}, ${id}) ${order === 'DESC' ? '<' : '>'} (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))`,
      { cursorAt: at, cursorId: afterId },
    );
  }
  const { entities, raw } = await qb
    .addSelect(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
    .orderBy(column, order)
    .addOrderBy(id, order)
    .limit(limit + 1)
    .getRawAndEntities<{ cursor_at: string }>();
  const at = new Map(raw.map((r) => [String((r as Record<string, unknown>)[`${qb.alias}_id`]), r.cursor_at]));
  return toConnection(
    entities,
    limit,
    totalCount,
    (row) => encodeCursor([at.get(row.id) ?? null, row.id]),
    (row) => row,
  );
}
