import { Limits } from '@palma/shared';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
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

/** Every generated operation document (queries, mutations, subscriptions), by export name. */
const operations = Object.entries(documents).filter(
  (entry): entry is [string, DocumentNode] =>
    entry[0].endsWith('Document') &&
    typeof entry[1] === 'object' &&
    (entry[1] as DocumentNode).definitions?.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('client operations', () => {
  it('all stay within the server’s query depth limit', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const [name, document] of operations) {
      expect(depthOf(document), name).toBeLessThanOrEqual(Limits.graphqlMaxDepth);
    }
  });

  it('counts fields only, as the server does (fragments add no level)', () => {
    expect(depthOf(documents.AuthorCourseDocument as DocumentNode)).toBe(8);
    expect(depthOf(documents.LearnerEnrolmentDocument as DocumentNode)).toBe(8);
  });
});
