import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Limits } from '@palma/shared';
import type { Type } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

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
