import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Role } from '../../org/org.enums.js';

@InputType({ description: 'An audience (union of its criteria) and what it must complete.' })
export class CampaignTierInput {
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field({ defaultValue: false }) everyone: boolean;
  @Field(() => [ID], { defaultValue: [] }) departmentIds: string[];
  @Field({ defaultValue: true }) includeSubdepartments: boolean;
  @Field(() => [String], { defaultValue: [], description: 'Ranks (직급), e.g. ["4급", "5급"]' })
  ranks: string[];
  @Field(() => [Role], { defaultValue: [] }) roles: Role[];
  @Field(() => Int, { defaultValue: 0, description: 'Credit minutes to earn in the campaign period' })
  minutesTarget: number;
  @Field(() => [ID], { defaultValue: [] }) requiredCourseIds: string[];
}

@InputType()
export class CampaignInput {
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field({ defaultValue: '' }) descriptionKo: string;
  @Field({ defaultValue: '' }) descriptionEn: string;
  @Field({ description: 'Minutes credited from this moment count' }) periodStart: Date;
  @Field({ description: 'Minutes credited until this moment (exclusive) count' }) periodEnd: Date;
  @Field() dueAt: Date;
  @Field(() => [CampaignTierInput]) tiers: CampaignTierInput[];
}
