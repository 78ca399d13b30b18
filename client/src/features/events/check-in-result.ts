import { ErrorCode } from '@palma/shared';
import { ClientErrorCode, problemMessage, type Problem } from '@/app/errors';

/**
 * What the door shows after a scan: a big green panel with who came in, or a big red one with why
 * not. The person's name comes with most refusals (waitlisted, cancelled, already in), so staff
 * can explain it to the person in front of them.
 */
export type CheckInPanel =
  | {
      kind: 'admitted';
      registrationId: string;
      name: string;
      departmentNameKo: string;
      departmentNameEn: string;
      employeeNumber: string;
      checkedInAt: string;
    }
  | {
      kind: 'refused';
      code: string;
      /** The registrant's name when the server gave it. */
      name: string | null;
      /** For ALREADY_CHECKED_IN: when they came in. */
      checkedInAt: string | null;
    };

export function admittedPanel(result: {
  checkedInAt: string;
  attendee: {
    registrationId: string;
    name: string;
    departmentNameKo: string;
    departmentNameEn: string;
    employeeNumber: string;
  };
}): CheckInPanel {
  return {
    kind: 'admitted',
    registrationId: result.attendee.registrationId,
    name: result.attendee.name,
    departmentNameKo: result.attendee.departmentNameKo,
    departmentNameEn: result.attendee.departmentNameEn,
    employeeNumber: result.attendee.employeeNumber,
    checkedInAt: result.checkedInAt,
  };
}

export function refusedPanel(problem: Problem): CheckInPanel {
  const name = typeof problem.details.name === 'string' && problem.details.name ? problem.details.name : null;
  const at = problem.details.checkedInAt;
  const checkedInAt =
    problem.code === ErrorCode.ALREADY_CHECKED_IN &&
    typeof at === 'string' &&
    !Number.isNaN(new Date(at).getTime())
      ? at
      : null;
  return { kind: 'refused', code: problem.code, name, checkedInAt };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The translated reason of a refusal. */
export function refusalReason(code: string, t: Translate): string {
  return problemMessage({ code, serverMessage: '', details: {} }, t);
}

/** A network failure is worth sending again (with the same scan id); a refusal is an answer. */
export function isRetryable(problem: Problem): boolean {
  return problem.code === ClientErrorCode.NETWORK;
}
