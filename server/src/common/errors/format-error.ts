import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error.js';

/** Codes produced by Apollo/graphql-js for malformed requests: safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COMPLEX',
]);

/** Our own validation-rule codes, which Apollo re-labels GRAPHQL_VALIDATION_FAILED. */
const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COMPLEX']);

const logger = new Logger('GraphQL');

/** The errors an error wraps, outermost first (GraphQL errors wrap resolver and validation errors). */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current = error;
  while (current && out.length < 10) {
    out.push(current);
    current = (current as { originalError?: unknown }).originalError;
  }
  return out;
}

/**
 * The single place that decides what an error looks like to a client: domain errors keep their
 * code, message and details; request errors pass through; anything else is logged and hidden.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const errors = chain(error);
  const original = errors.at(-1);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  const limitCode = errors
    .map((e) => (e as { extensions?: { code?: unknown } }).extensions?.code)
    .find((c): c is string => typeof c === 'string' && LIMIT_CODES.has(c));
  const code = limitCode ?? formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  logger.error(
    `Unexpected error at ${formatted.path?.join('.') ?? '(request)'}: ${
      original instanceof Error ? (original.stack ?? original.message) : String(original)
    }`,
  );
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
