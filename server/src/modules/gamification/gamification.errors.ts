import type { CriteriaProblem } from '@palma/shared';
import { DomainError } from '../../common/errors/domain-error.js';

export const GamificationErrors = {
  badgeNotFound: (id: string) => new DomainError('BADGE_NOT_FOUND', 'Badge not found', { id }),
  criteria: (problems: CriteriaProblem[]) =>
    new DomainError('CRITERIA_INVALID', 'The badge criteria are not valid', {
      problems,
      fields: problems.map((p) => ({ field: `criteria.${p.path}`, message: p.message })),
    }),
  missing: (kind: 'course' | 'campaign' | 'badge', ids: string[]) =>
    new DomainError('CRITERIA_REFERENCE_MISSING', `The criteria name a ${kind} that does not exist`, {
      kind,
      ids,
    }),
  cycle: (badgeIds: string[]) =>
    new DomainError('CRITERIA_CYCLE', 'These badges require each other, so nobody could earn them', {
      badgeIds,
    }),
  image: (problem: string) =>
    new DomainError('BADGE_IMAGE_INVALID', 'The badge image is not usable', { problem }),
  awardNotFound: (id: string) => new DomainError('AWARD_NOT_FOUND', 'Badge award not found', { id }),
  // NOT_FOUND (HTTP 404) rather than AWARD_NOT_FOUND: the REST routes must not tell a stranger's
  // award apart from one that does not exist.
  credentialNotFound: (awardId: string) =>
    new DomainError('NOT_FOUND', 'Credential not found', { id: awardId }),
  achievementNotFound: (badgeId: string) =>
    new DomainError('NOT_FOUND', 'Achievement not found', { id: badgeId }),
  credentialRevoked: (awardId: string) =>
    new DomainError('CREDENTIAL_INVALID', 'This badge was revoked; no credential is issued for it', {
      id: awardId,
    }),
  campaignRequired: () =>
    new DomainError('CAMPAIGN_REQUIRED', 'Choose a campaign for the campaign leaderboard'),
};
