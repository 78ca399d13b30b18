import { ErrorCode, ImportRowErrorCode } from '@palma/shared';
import type { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from './i18n';
import { errorMessage, fieldMessages, fieldProblems, toProblem } from './errors';

function graphqlError(code: string, extensions: Record<string, unknown> = {}, message = 'server says') {
  return {
    graphQLErrors: [{ message, extensions: { code, ...extensions } }],
    networkError: undefined,
  } as unknown as CombinedError;
}

const ko = createAppI18n('ko').global;
const en = createAppI18n('en').global;
const tKo = (key: string, named?: Record<string, unknown>) => ko.t(key, named ?? {});
const tEn = (key: string, named?: Record<string, unknown>) => en.t(key, named ?? {});

describe('error code → message', () => {
  it('translates invalid credentials in both languages', () => {
    expect(errorMessage(graphqlError('INVALID_CREDENTIALS'), tKo)).toBe(
      '이메일(또는 사번)이나 비밀번호가 올바르지 않습니다.',
    );
    expect(errorMessage(graphqlError('INVALID_CREDENTIALS'), tEn)).toBe(
      'The email or employee number, or the password, is not correct.',
    );
  });

  it('says how many seconds to wait when rate limited', () => {
    expect(errorMessage(graphqlError('RATE_LIMITED', { retryAfterSeconds: 42 }), tEn)).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
    expect(errorMessage(graphqlError('RATE_LIMITED', { retryAfterSeconds: 42 }), tKo)).toContain('42초');
    expect(errorMessage(graphqlError('RATE_LIMITED'), tEn)).toBe(
      'Too many attempts. Try again in a little while.',
    );
  });

  it('gives unknown codes the generic message, and network failures their own', () => {
    expect(errorMessage(graphqlError('SOMETHING_NEW'), tEn)).toBe('Something went wrong. Please try again.');
    expect(errorMessage(new Error('boom'), tKo)).toBe('문제가 생겼습니다. 잠시 후 다시 시도해 주세요.');
    const offline = {
      graphQLErrors: [],
      networkError: new Error('Failed to fetch'),
    } as unknown as CombinedError;
    expect(toProblem(offline).code).toBe('NETWORK');
    expect(errorMessage(offline, tEn)).toContain('Cannot reach the server');
  });

  it('keeps the line and the server detail of an unreadable import file', () => {
    const error = graphqlError('IMPORT_INVALID_FILE', { line: 1 }, 'Missing required column(s): email');
    expect(errorMessage(error, tEn)).toBe(
      'The file could not be read (line 1): Missing required column(s): email',
    );
  });

  it('has a Korean and an English message for every code the server may send', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ko.te(`errors.${code}`, 'ko'), `ko errors.${code}`).toBe(true);
      expect(en.te(`errors.${code}`, 'en'), `en errors.${code}`).toBe(true);
    }
    for (const code of Object.values(ImportRowErrorCode)) {
      expect(ko.te(`importCodes.${code}`, 'ko'), `ko importCodes.${code}`).toBe(true);
      expect(en.te(`importCodes.${code}`, 'en'), `en importCodes.${code}`).toBe(true);
    }
  });
});

describe('field problems', () => {
  it('reads extensions.fields of VALIDATION_FAILED and translates the shared messages', () => {
    const problem = toProblem(
      graphqlError('VALIDATION_FAILED', {
        fields: [
          { field: 'email', message: 'not a valid email address' },
          { field: 'name', message: 'at most 100 characters' },
          { field: 'roles', message: 'at least one role' },
          { field: 'rank', message: 'something the client does not know' },
        ],
      }),
    );
    expect(fieldMessages(fieldProblems(problem), tKo)).toEqual({
      email: '올바른 이메일 주소가 아닙니다.',
      name: '100자 이하로 입력해 주세요.',
      roles: '역할을 하나 이상 선택해 주세요.',
      rank: 'something the client does not know',
    });
  });

  it('finds no field problems in other errors', () => {
    expect(
      fieldProblems(toProblem(graphqlError('EMAIL_TAKEN', { fields: [{ field: 'x', message: 'y' }] }))),
    ).toEqual([]);
  });
});
