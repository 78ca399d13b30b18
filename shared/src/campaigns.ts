import { z } from 'zod';
import { ALL_ROLES } from './roles.js';

export const CampaignStatus = { DRAFT: 'DRAFT', ACTIVE: 'ACTIVE', CLOSED: 'CLOSED' } as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

/** Where a person stands in a campaign. */
export const TrainingStatus = {
  NOT_STARTED: 'NOT_STARTED',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  OVERDUE: 'OVERDUE',
} as const;
export type TrainingStatus = (typeof TrainingStatus)[keyof typeof TrainingStatus];

export interface TrainingProgressFacts {
  minutesEarned: number;
  minutesTarget: number;
  requiredCourses: number;
  requiredCoursesCompleted: number;
  /** Any credited learning in the period, or a required course started. */
  anyActivity: boolean;
  dueAt: Date;
  now: Date;
}

/** The one rule for a person's campaign status (used by learners' and managers' views alike). */
export function trainingStatus(f: TrainingProgressFacts): TrainingStatus {
  const done = f.minutesEarned >= f.minutesTarget && f.requiredCoursesCompleted >= f.requiredCourses;
  if (done) return 'COMPLETED';
  if (f.now.getTime() > f.dueAt.getTime()) return 'OVERDUE';
  return f.anyActivity ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** Progress toward the whole requirement as a percentage (minutes and courses weighted equally when both apply). */
export function trainingPercent(
  f: Pick<
    TrainingProgressFacts,
    'minutesEarned' | 'minutesTarget' | 'requiredCourses' | 'requiredCoursesCompleted'
  >,
): number {
  const parts: number[] = [];
  if (f.minutesTarget > 0) parts.push(Math.min(1, f.minutesEarned / f.minutesTarget));
  if (f.requiredCourses > 0) parts.push(Math.min(1, f.requiredCoursesCompleted / f.requiredCourses));
  if (parts.length === 0) return 100;
  return Math.floor((parts.reduce((a, b) => a + b, 0) / parts.length) * 100);
}

export const campaignTierSchema = z
  .object({
    nameKo: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    everyone: z.boolean(),
    departmentIds: z.array(z.string().uuid()).max(200),
    includeSubdepartments: z.boolean(),
    ranks: z.array(z.string().trim().min(1).max(50)).max(50),
    roles: z.array(z.enum(ALL_ROLES as [string, ...string[]])).max(4),
    minutesTarget: z.number().int().min(0).max(100_000),
    requiredCourseIds: z.array(z.string().uuid()).max(50),
  })
  .refine((t) => t.everyone || t.departmentIds.length + t.ranks.length + t.roles.length > 0, {
    message: 'choose who this tier applies to',
    path: ['everyone'],
  })
  .refine((t) => t.minutesTarget > 0 || t.requiredCourseIds.length > 0, {
    message: 'a tier needs a minutes target or required courses',
    path: ['minutesTarget'],
  });

export const campaignSchema = z
  .object({
    nameKo: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    descriptionKo: z.string().trim().max(4000),
    descriptionEn: z.string().trim().max(4000),
    periodStart: z.date(),
    periodEnd: z.date(),
    dueAt: z.date(),
    tiers: z.array(campaignTierSchema).min(1).max(20),
  })
  .refine((c) => c.periodStart < c.periodEnd, {
    message: 'the period must end after it starts',
    path: ['periodEnd'],
  })
  .refine((c) => c.dueAt > c.periodStart, {
    message: 'the due date must be after the period starts',
    path: ['dueAt'],
  });
