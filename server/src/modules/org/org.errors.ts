import { DomainError } from '../../common/errors/domain-error.js';

export const OrgErrors = {
  departmentNotFound: (id: string) => new DomainError('NOT_FOUND', 'Department not found', { id }),
  personNotFound: (id: string) => new DomainError('NOT_FOUND', 'Person not found', { id }),
  cycle: () =>
    new DomainError(
      'DEPARTMENT_CYCLE',
      'A department cannot be moved under itself or one of its sub-departments',
    ),
  codeTaken: (code: string) =>
    new DomainError('DEPARTMENT_CODE_TAKEN', `Department code ${code} is already used`, { code }),
  notEmpty: (id: string) =>
    new DomainError(
      'DEPARTMENT_NOT_EMPTY',
      'Only a department without sub-departments or people can be deleted',
      {
        id,
      },
    ),
  employeeNumberTaken: (employeeNumber: string) =>
    new DomainError('EMPLOYEE_NUMBER_TAKEN', `Employee number ${employeeNumber} is already used`, {
      employeeNumber,
    }),
  emailTaken: (email: string) => new DomainError('EMAIL_TAKEN', `Email ${email} is already used`, { email }),
  outOfScope: () => new DomainError('FORBIDDEN', 'This person or department is outside your scope'),
  cannotDeactivateSelf: () => new DomainError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself'),
  lastAdmin: () => new DomainError('LAST_ADMIN', 'At least one active person must keep the ADMIN role'),
};

/** PostgreSQL unique-violation on a named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && name === constraint;
}
