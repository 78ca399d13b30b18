import { DomainError } from '../../common/errors/domain-error.js';

export const CampaignErrors = {
  notFound: (id: string) => new DomainError('NOT_FOUND', 'Campaign not found', { id }),
  assignmentNotFound: (id: string) => new DomainError('NOT_FOUND', 'Assignment not found', { id }),
  closed: () => new DomainError('CAMPAIGN_CLOSED', 'This campaign is closed and can no longer change'),
  unknownDepartments: (ids: string[]) =>
    new DomainError('VALIDATION_FAILED', 'Some departments do not exist', {
      fields: ids.map((id) => ({ field: 'tiers.departmentIds', message: `unknown department ${id}` })),
    }),
  unknownCourses: (ids: string[]) =>
    new DomainError('VALIDATION_FAILED', 'Some courses do not exist', {
      fields: ids.map((id) => ({ field: 'tiers.requiredCourseIds', message: `unknown course ${id}` })),
    }),
  extensionInvalid: (message: string) => new DomainError('EXTENSION_INVALID', message),
  outOfScope: () => new DomainError('FORBIDDEN', 'This person is outside your scope'),
};
