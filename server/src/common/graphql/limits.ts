import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Limits } from '@palma/shared';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/** Re-reports an armor rejection with our stable error code instead of its generic one. */
function reportAs(code: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
    );
  };
}

/** Depth, alias and cost limits applied to every operation (HTTP and websocket). */
export function queryLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({
      n: Limits.graphqlMaxDepth,
      // Fragments are a way of writing a selection, not a level of it: a query means the same with
      // or without them, so only fields count (clients may share fragments freely).
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs('QUERY_TOO_DEEP')],
    }),
    maxAliasesRule({
      n: Limits.graphqlMaxAliases,
      propagateOnRejection: false,
      onReject: [reportAs('TOO_MANY_ALIASES')],
    }),
    costLimitRule({
      maxCost: Limits.graphqlMaxCost,
      // As for depth: a fragment costs what its fields cost, so sharing one is never a penalty.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs('QUERY_TOO_COMPLEX')],
    }),
  ] as ValidationRule[];
}
