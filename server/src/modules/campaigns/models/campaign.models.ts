import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CampaignStatus, TrainingStatus } from '@palma/shared';
import { Role } from '../../org/org.enums.js';
import type { CampaignTier } from '../entities/campaign-tier.entity.js';
import type { Campaign } from '../entities/campaign.entity.js';

registerEnumType(CampaignStatus, { name: 'CampaignStatus' });
registerEnumType(TrainingStatus, { name: 'TrainingStatus' });

@ObjectType('CampaignTier')
export class CampaignTierModel {
  @Field(() => ID) id: string;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field() everyone: boolean;
  @Field(() => [ID]) departmentIds: string[];
  @Field() includeSubdepartments: boolean;
  @Field(() => [String]) ranks: string[];
  @Field(() => [Role]) roles: Role[];
  @Field(() => Int) minutesTarget: number;
  @Field(() => [ID]) requiredCourseIds: string[];

  static from(tier: CampaignTier, requiredCourseIds: string[]): CampaignTierModel {
    return Object.assign(new CampaignTierModel(), {
      id: tier.id,
      nameKo: tier.nameKo,
      nameEn: tier.nameEn,
      everyone: tier.everyone,
      departmentIds: tier.departmentIds,
      includeSubdepartments: tier.includeSubdepartments,
      ranks: tier.ranks,
      roles: tier.roles,
      minutesTarget: tier.minutesTarget,
      requiredCourseIds,
    });
  }
}

@ObjectType('Campaign', { description: 'A mandatory-training campaign.' })
export class CampaignModel {
  @Field(() => ID) id: string;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field() descriptionKo: string;
  @Field() descriptionEn: string;
  @Field() periodStart: Date;
  @Field() periodEnd: Date;
  @Field() dueAt: Date;
  @Field(() => CampaignStatus) status: CampaignStatus;

  static from(c: Campaign): CampaignModel {
    return Object.assign(new CampaignModel(), {
      id: c.id,
      nameKo: c.nameKo,
      nameEn: c.nameEn,
      descriptionKo: c.descriptionKo,
      descriptionEn: c.descriptionEn,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      dueAt: c.dueAt,
      status: c.status,
    });
  }
}

@ObjectType()
export class RequiredCourseProgress {
  @Field(() => ID) courseId: string;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field({ description: 'Completed within the campaign period' }) completed: boolean;
}

@ObjectType({ description: 'One person’s mandatory training in one campaign, with progress.' })
export class TrainingAssignment {
  @Field(() => ID, { description: 'The assignment id (for due-date extensions)' }) id: string;
  @Field(() => CampaignModel) campaign: CampaignModel;
  @Field({ description: 'The person’s due date (the campaign’s, or an extension)' }) dueAt: Date;
  @Field(() => Int, { description: 'Whole days left until the due date; negative when overdue' })
  daysLeft: number;
  @Field(() => Int) minutesEarned: number;
  @Field(() => Int) minutesTarget: number;
  @Field(() => [RequiredCourseProgress]) requiredCourses: RequiredCourseProgress[];
  @Field(() => TrainingStatus) status: TrainingStatus;
  @Field(() => Int, { description: '0–100' }) percent: number;
}

@ObjectType()
export class CampaignSyncResult {
  @Field(() => Int, { description: 'Assignments created or changed' }) assigned: number;
  @Field(() => Int, { description: 'People who left the audience' }) left: number;
}

@ObjectType()
export class ReminderRunResult {
  @Field(() => Int, { description: 'Due-soon reminders created' }) reminders: number;
  @Field(() => Int, { description: 'Overdue notices created' }) overdue: number;
  @Field(() => Int, { description: 'Manager digests created' }) digests: number;
}
