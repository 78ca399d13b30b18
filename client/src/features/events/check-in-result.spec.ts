import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import { admittedPanel, isRetryable, refusalReason, refusedPanel } from './check-in-result';

const t = createAppI18n('ko').global.t as (key: string, named?: Record<string, unknown>) => string;
const tEn = createAppI18n('en').global.t as (key: string, named?: Record<string, unknown>) => string;

describe('the door’s result panel', () => {
  it('is green with who came in', () => {
    expect(
      admittedPanel({
        checkedInAt: '2026-06-10T09:58:00Z',
        attendee: {
          registrationId: 'registration-1',
          name: '김민수',
          departmentNameKo: '조사팀',
          departmentNameEn: 'Investigation',
          employeeNumber: 'P0004',
        },
      }),
    ).toEqual({
      kind: 'admitted',
      registrationId: 'registration-1',
      name: '김민수',
      departmentNameKo: '조사팀',
      departmentNameEn: 'Investigation',
      employeeNumber: 'P0004',
      checkedInAt: '2026-06-10T09:58:00Z',
    });
  });

  it('is red with the name and time when the person is already in', () => {
    const panel = refusedPanel({
      code: 'ALREADY_CHECKED_IN',
      serverMessage: '',
      details: { name: '김민수', checkedInAt: '2026-06-10T09:58:00.000Z' },
    });
    expect(panel).toEqual({
      kind: 'refused',
      code: 'ALREADY_CHECKED_IN',
      name: '김민수',
      checkedInAt: '2026-06-10T09:58:00.000Z',
    });
    expect(refusalReason('ALREADY_CHECKED_IN', t)).toBe('이미 입장 처리되었습니다.');
  });

  it('names the waitlisted or cancelled registrant, and nobody for a forged ticket', () => {
    expect(
      refusedPanel({ code: 'TICKET_WAITLISTED', serverMessage: '', details: { name: '이지은' } }),
    ).toMatchObject({ name: '이지은', checkedInAt: null });
    expect(refusedPanel({ code: 'TICKET_INVALID', serverMessage: '', details: {} })).toMatchObject({
      name: null,
      checkedInAt: null,
    });
  });

  it('translates every refusal the door can meet', () => {
    for (const code of [
      'TICKET_INVALID',
      'TICKET_WRONG_SESSION',
      'TICKET_WAITLISTED',
      'TICKET_CANCELLED',
      'ALREADY_CHECKED_IN',
      'EVENT_CANCELLED',
      'FORBIDDEN',
      'NOT_FOUND',
      'NETWORK',
    ]) {
      expect(refusalReason(code, tEn), code).not.toBe(tEn('errors.UNKNOWN'));
    }
    expect(refusalReason('TICKET_WRONG_SESSION', tEn)).toBe('This ticket is for another session.');
    expect(refusalReason('SOMETHING_NEW', tEn)).toBe(tEn('errors.UNKNOWN'));
  });

  it('retries only what the network lost', () => {
    expect(isRetryable({ code: 'NETWORK', serverMessage: '', details: {} })).toBe(true);
    expect(isRetryable({ code: 'TICKET_INVALID', serverMessage: '', details: {} })).toBe(false);
  });
});
