import type { ErrorCode } from '@palma/shared';

/**
 * The one error type services throw. The global formatter turns it into a GraphQL error whose
 * `extensions.code` is `code` and whose extensions carry `details` (safe, client-facing data).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} not found`, { id });
