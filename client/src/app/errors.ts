import { ErrorCode, type FieldProblem } from '@palma/shared';
import type { CombinedError } from '@urql/core';

/** Codes the client adds for failures that never reached a resolver. */
export const ClientErrorCode = {
  NETWORK: 'NETWORK',
  UNKNOWN: 'UNKNOWN',
} as const;

/** What the interface needs to know about a failed operation. */
export interface Problem {
  code: string;
  /** The server's own (English) message, kept for details that have no translation. */
  serverMessage: string;
  /** Safe details from `extensions` (retryAfterSeconds, fields, line, ...). */
  details: Record<string, unknown>;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isCombinedError(error: unknown): error is CombinedError {
  return typeof error === 'object' && error !== null && 'graphQLErrors' in error && 'networkError' in error;
}

/** Reduces an urql error (or anything thrown) to one problem: the first GraphQL error wins. */
export function toProblem(error: unknown): Problem {
  if (isCombinedError(error)) {
    const first = error.graphQLErrors[0];
    if (first) {
      const { code, ...details } = (first.extensions ?? {}) as Record<string, unknown>;
      return {
        code: typeof code === 'string' ? code : ClientErrorCode.UNKNOWN,
        serverMessage: first.message,
        details,
      };
    }
    if (error.networkError) {
      return { code: ClientErrorCode.NETWORK, serverMessage: error.networkError.message, details: {} };
    }
  }
  return {
    code: ClientErrorCode.UNKNOWN,
    serverMessage: error instanceof Error ? error.message : String(error),
    details: {},
  };
}

/** The translated sentence for a problem; unknown codes get the generic message. */
export function problemMessage(problem: Problem, t: Translate): string {
  const { code, details } = problem;
  switch (code) {
    case ErrorCode.RATE_LIMITED: {
      const seconds = Number(details.retryAfterSeconds);
      return Number.isFinite(seconds) && seconds > 0
        ? t('errors.RATE_LIMITED', { seconds })
        : t('errors.RATE_LIMITED_SOON');
    }
    case ErrorCode.IMPORT_INVALID_FILE: {
      const line = Number(details.line);
      const headline =
        Number.isInteger(line) && line > 0
          ? t('errors.IMPORT_INVALID_FILE_AT_LINE', { line })
          : t('errors.IMPORT_INVALID_FILE');
      // The server says precisely what is wrong (missing column names, ...): keep it.
      return problem.serverMessage ? `${headline}: ${problem.serverMessage}` : headline;
    }
    default:
      if (KNOWN_CODES.has(code) || code === ClientErrorCode.NETWORK) return t(`errors.${code}`);
      return t('errors.UNKNOWN');
  }
}

/** Shortcut: the translated message for whatever an operation failed with. */
export function errorMessage(error: unknown, t: Translate): string {
  return problemMessage(toProblem(error), t);
}

/** `extensions.fields` of a VALIDATION_FAILED error, or none. */
export function fieldProblems(problem: Problem): FieldProblem[] {
  if (problem.code !== ErrorCode.VALIDATION_FAILED) return [];
  const fields = problem.details.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is FieldProblem =>
      typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string',
  );
}

/**
 * Translates the validation messages of the shared zod schemas (server and client use the same
 * ones); anything else is shown as the server wrote it.
 */
export function fieldMessage(message: string, t: Translate): string {
  let m: RegExpMatchArray | null;
  if (message === 'required' || message === 'A value is required') return t('fieldErrors.required');
  if ((m = message.match(/^at most (\d+) characters$/)))
    return t('fieldErrors.tooLong', { max: Number(m[1]) });
  if ((m = message.match(/^at least (\d+) characters$/)))
    return t('fieldErrors.tooShort', { min: Number(m[1]) });
  if (message === 'not a valid email address') return t('fieldErrors.email');
  if (message === 'letters, digits, dot, dash or underscore only') return t('fieldErrors.codeCharacters');
  if (message === 'at least one role') return t('fieldErrors.atLeastOneRole');
  if (/^Too (big|small)/.test(message) || /^Invalid/.test(message)) return t('fieldErrors.invalid');
  return message;
}

/** Field problems keyed by field name, with translated messages (first problem per field). */
export function fieldMessages(problems: readonly FieldProblem[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const field = p.field.split('.')[0];
    out[field] ??= fieldMessage(p.message, t);
  }
  return out;
}
