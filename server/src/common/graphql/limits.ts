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
      propagateOnRejection: false,
      onReject: [reportAs('QUERY_TOO_COMPLEX')],
    }),
  ] as ValidationRule[];
}
