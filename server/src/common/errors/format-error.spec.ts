import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error.js';
import { formatError } from './format-error.js';

const wrap = (original: Error) =>
  new GraphQLError(original.message, { path: ['x'], originalError: original });

describe('formatError', () => {
  it('keeps the code, message and details of domain errors', () => {
    const formatted = formatError(
      { message: 'ignored', path: ['x'] },
      wrap(new DomainError('RATE_LIMITED', 'Too many attempts', { retryAfterSeconds: 9 })),
    );
    expect(formatted).toEqual({
      message: 'Too many attempts',
      path: ['x'],
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 9 },
    });
  });

  it('hides anything unexpected: no SQL, no stack', () => {
    const sqlError = Object.assign(
      new Error('duplicate key value violates unique constraint "UQ_people_email"'),
      {
        query: 'INSERT INTO people ...',
      },
    );
    const formatted = formatError(
      {
        message: sqlError.message,
        path: ['x'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] },
      },
      wrap(sqlError),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['x'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes request errors through without a stack trace', () => {
    const formatted = formatError(
      {
        message: 'Cannot query field "nope"',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] },
      },
      new GraphQLError('Cannot query field "nope"'),
    );
    expect(formatted).toEqual({
      message: 'Cannot query field "nope"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
