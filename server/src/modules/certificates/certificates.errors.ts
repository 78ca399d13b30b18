import { DomainError } from '../../common/errors/domain-error.js';

export const CertificateErrors = {
  notFound: (id: string) => new DomainError('NOT_FOUND', 'Certificate not found', { id }),
  notCompleted: () =>
    new DomainError('NOT_COMPLETED', 'A certificate can be issued once the training is completed'),
};
