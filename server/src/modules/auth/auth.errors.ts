import { DomainError } from '../../common/errors/domain-error.js';

export const AuthErrors = {
  /** Deliberately the same for an unknown account, a wrong password and an inactive person. */
  invalidCredentials: () =>
    new DomainError('INVALID_CREDENTIALS', 'The employee number/email or password is not correct'),
  wrongPassword: () => new DomainError('WRONG_PASSWORD', 'The current password is not correct'),
};
