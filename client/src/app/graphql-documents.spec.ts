import { Limits } from '@palma/shared';
import {
  Kind,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { formatDocument } from '@urql/core';
import { describe, expect, it } from 'vitest';
import * as documents from '@/api/graphql';

/**
 * Depth as the server's limit counts it (graphql-armor with flattened fragments): every field is
 * a level; named and inline fragments add none.
 */
function depthOf(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const walk = (set: SelectionSetNode | undefined, depth: number): number =>
    Math.max(
      depth,
      ...(set?.selections ?? []).map((s) =>
        s.kind === Kind.FRAGMENT_SPREAD
          ? walk(fragments.get(s.name.value)?.selectionSet, depth)
          : s.kind === Kind.INLINE_FRAGMENT
            ? walk(s.selectionSet, depth)
            : walk(s.selectionSet, depth + 1),
      ),
    );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation && 'selectionSet' in operation ? walk(operation.selectionSet, 0) : 0;
}

/**
 * Cost as the server's limit counts it (graphql-armor's cost rule with flattened fragments): a
 * field without a selection costs 1; a selection set 2 plus 1.5 times each field in it, times a
 * literal `first`/`last`; fragments, inline or named, add their own cost without the 1.5 factor
 * (a named spread: 1 plus its definition, and 1 plus 1.5 times that when it is spread again).
 */
function costOf(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const visited = new Map<string, number>();
  const isFragment = (node: ASTNode) =>
    node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.FRAGMENT_SPREAD;
  const cost = (node: ASTNode): number => {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const seen = visited.get(node.name.value);
      if (seen !== undefined) return 1 + 1.5 * seen;
      const fragment = fragments.get(node.name.value);
      const own = fragment ? cost(fragment) : 0;
      visited.set(node.name.value, own);
      return 1 + own;
    }
    if (!('selectionSet' in node) || !node.selectionSet) return 1;
    const page =
      'arguments' in node ? node.arguments?.find((a) => ['first', 'last'].includes(a.name.value)) : undefined;
    const times = page?.value.kind === Kind.INT ? Math.max(Number.parseInt(page.value.value, 10), 1) : 1;
    return (
      times * node.selectionSet.selections.reduce((sum, s) => sum + (isFragment(s) ? 1 : 1.5) * cost(s), 2)
    );
  };
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation && 'selectionSet' in operation
    ? operation.selectionSet.selections.reduce((sum, s) => sum + cost(s), 0)
    : 0;
}

/**
 * Every generated operation document (queries, mutations, subscriptions), by export name, as the
 * client sends it: urql adds `__typename` to every selection set, and the server counts those too.
 */
const operations = Object.entries(documents)
  .filter(
    (entry): entry is [string, DocumentNode] =>
      entry[0].endsWith('Document') &&
      typeof entry[1] === 'object' &&
      (entry[1] as DocumentNode).definitions?.some((d) => d.kind === Kind.OPERATION_DEFINITION),
  )
  .map(([name, document]): [string, DocumentNode] => [name, formatDocument(document)]);

describe('client operations', () => {
  it('all stay within the server’s query depth limit', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const [name, document] of operations) {
      expect(depthOf(document), name).toBeLessThanOrEqual(Limits.graphqlMaxDepth);
    }
  });

  it('all stay within the server’s query cost limit', () => {
    for (const [name, document] of operations) {
      expect(costOf(document), name).toBeLessThanOrEqual(Limits.graphqlMaxCost);
    }
  });

  it('measures what is sent: with the __typename urql adds to each selection set', () => {
    const sent = operations.find(([name]) => name === 'AuthorCourseDocument')![1];
    const written = documents.AuthorCourseDocument as DocumentNode;
    expect(costOf(sent)).toBeGreaterThan(costOf(written));
  });

  it('counts fields only, as the server does (fragments add no level)', () => {
    expect(depthOf(documents.AuthorCourseDocument as DocumentNode)).toBe(8);
    expect(depthOf(documents.LearnerEnrolmentDocument as DocumentNode)).toBe(8);
  });
});
