import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  BadgeShape,
  LeaderboardBoard,
  LeaderboardPeriod,
  PrivacyMode,
  type BadgeTemplate,
} from '@palma/shared';
import type { BadgeAward } from '../entities/badge-award.entity.js';
import type { Badge } from '../entities/badge.entity.js';

registerEnumType(BadgeShape, { name: 'BadgeShape' });
registerEnumType(LeaderboardBoard, { name: 'LeaderboardBoard' });
registerEnumType(LeaderboardPeriod, { name: 'LeaderboardPeriod' });
registerEnumType(PrivacyMode, {
  name: 'PrivacyMode',
  description: 'How much of a leaderboard a viewer sees (applied on the server).',
});

@ObjectType('BadgeTemplate', { description: 'How a generated badge image looks.' })
export class BadgeTemplateModel {
  @Field(() => BadgeShape) shape: BadgeShape;
  @Field({ description: '#rrggbb' }) color: string;
  @Field({ description: 'An emoji or up to 3 letters' }) symbol: string;
}

@InputType('BadgeTemplateInput')
export class BadgeTemplateInput {
  @Field(() => BadgeShape) shape: BadgeShape;
  @Field() color: string;
  @Field() symbol: string;
}

@InputType('BadgeInput')
export class BadgeInputModel {
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field() descriptionKo: string;
  @Field() descriptionEn: string;
  @Field({ nullable: true }) criteriaTextKo?: string;
  @Field({ nullable: true }) criteriaTextEn?: string;
  @Field({
    description:
      'The criteria tree as JSON: a condition `{ "kind": …, … }` or a group `{ "all": [...] }` / `{ "any": [...] }` (see `criteriaSchema` in @palma/shared)',
  })
  criteria: string;
  @Field(() => BadgeTemplateInput) template: BadgeTemplateInput;
}

@ObjectType('Badge', { description: 'A badge definition with its criteria as data.' })
export class BadgeModel {
  @Field(() => ID) id: string;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field() descriptionKo: string;
  @Field() descriptionEn: string;
  @Field() criteriaTextKo: string;
  @Field() criteriaTextEn: string;
  @Field({ description: 'The criteria tree as JSON (see BadgeInput.criteria)' }) criteria: string;
  @Field({ description: 'The criteria in plain Korean' }) criteriaNarrativeKo: string;
  @Field({ description: 'The criteria in plain English' }) criteriaNarrativeEn: string;
  @Field({ description: 'A team badge: earned when the whole department finishes on time' }) team: boolean;
  @Field(() => BadgeTemplateModel) template: BadgeTemplate;
  @Field({ description: 'PNG or SVG; the uploaded image, else one drawn from the template' })
  imageUrl: string;
  @Field() hasUploadedImage: boolean;
  @Field({ description: 'ACTIVE or ARCHIVED' }) status: string;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;

  static from(b: Badge, narrative: { ko: string; en: string }): BadgeModel {
    return Object.assign(new BadgeModel(), {
      id: b.id,
      nameKo: b.nameKo,
      nameEn: b.nameEn,
      descriptionKo: b.descriptionKo,
      descriptionEn: b.descriptionEn,
      criteriaTextKo: b.criteriaTextKo,
      criteriaTextEn: b.criteriaTextEn,
      criteria: JSON.stringify(b.criteria),
      criteriaNarrativeKo: narrative.ko,
      criteriaNarrativeEn: narrative.en,
      team: JSON.stringify(b.criteria).includes('"DEPARTMENT_CAMPAIGN_DONE"'),
      template: b.template ?? { shape: 'CIRCLE', color: '#1f6feb', symbol: '★' },
      imageUrl: `/api/badges/${b.id}/image?v=${b.updatedAt.getTime()}`,
      hasUploadedImage: b.imageType !== null,
      status: b.status,
      version: b.version,
      createdAt: b.createdAt,
    });
  }
}

@ObjectType('BadgeAward', { description: 'A badge a person earned.' })
export class BadgeAwardModel {
  @Field(() => ID) id: string;
  @Field(() => BadgeModel) badge: BadgeModel;
  @Field() awardedAt: Date;
  @Field(() => Date, { nullable: true }) celebratedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokedReason: string | null;
  @Field({ description: 'Open Badges 3.0 credential (VC-JWT) download, for its owner' })
  credentialUrl: string;

  static from(a: BadgeAward, badge: BadgeModel): BadgeAwardModel {
    return Object.assign(new BadgeAwardModel(), {
      id: a.id,
      badge,
      awardedAt: a.awardedAt,
      celebratedAt: a.celebratedAt,
      revokedAt: a.revokedAt,
      revokedReason: a.revokedReason,
      credentialUrl: `/api/ob/credentials/${a.id}`,
    });
  }
}

@ObjectType('BadgeHolder', { description: 'An award seen by an admin: who holds the badge.' })
export class BadgeHolderModel {
  @Field(() => ID) awardId: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field() departmentName: string;
  @Field() awardedAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CriterionProgress')
export class CriterionProgressModel {
  @Field() kind: string;
  @Field(() => Int) have: number;
  @Field(() => Int) need: number;
}

@ObjectType('BadgeProgress', { description: 'One badge and how far the viewer is towards it.' })
export class BadgeProgressModel {
  @Field(() => BadgeModel) badge: BadgeModel;
  @Field() earned: boolean;
  @Field(() => [CriterionProgressModel]) conditions: CriterionProgressModel[];
}

@ObjectType('BadgePreviewPerson')
export class BadgePreviewPersonModel {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field() departmentName: string;
}

@ObjectType('BadgePreview', { description: 'Who would qualify for criteria now.' })
export class BadgePreviewModel {
  @Field(() => Int) qualifying: number;
  @Field(() => Int) total: number;
  @Field(() => [BadgePreviewPersonModel], { description: 'Up to 20, by name' })
  sample: BadgePreviewPersonModel[];
}

@ObjectType('Streak', {
  description: 'Weekly learning streak (see docs/gamification.md for the freeze rule).',
})
export class StreakModel {
  @Field(() => Int) current: number;
  @Field(() => Int) longest: number;
  @Field(() => Int) freezesLeft: number;
  @Field() activeThisWeek: boolean;
  @Field(() => [String], { description: 'Mondays (YYYY-MM-DD) of weeks a freeze covered' })
  frozenWeekStarts: string[];
}

@ObjectType('GamificationProfile')
export class GamificationProfileModel {
  @Field(() => Int) xp: number;
  @Field(() => Int) level: number;
  @Field(() => Int) levelStartXp: number;
  @Field(() => Int, { nullable: true }) nextLevelXp: number | null;
  @Field(() => Float, { description: '0–1 towards the next level' }) progress: number;
  @Field(() => StreakModel) streak: StreakModel;
  @Field(() => Int) badgeCount: number;
  @Field() leaderboardOptOut: boolean;
}

@ObjectType('LeaderboardPolicy')
export class LeaderboardPolicyModel {
  @Field(() => LeaderboardBoard) board: LeaderboardBoard;
  @Field(() => PrivacyMode) mode: PrivacyMode;
  @Field(() => Int, { description: 'TOP_N: rows shown; AROUND_ME: rows on each side' }) size: number;
}

@ObjectType('PersonStanding', { description: 'A row of a people leaderboard; name is null when hidden.' })
export class PersonStandingModel {
  @Field(() => Int) rank: number;
  @Field(() => Int) xp: number;
  @Field(() => Int) level: number;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field() isViewer: boolean;
}

@ObjectType('PeopleLeaderboard')
export class PeopleLeaderboardModel {
  @Field(() => LeaderboardPeriod) period: LeaderboardPeriod;
  @Field(() => PrivacyMode) mode: PrivacyMode;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field() departmentNameEn: string;
  @Field(() => Int, { description: 'People ranked' }) total: number;
  @Field(() => Int, { nullable: true }) viewerRank: number | null;
  @Field(() => [PersonStandingModel]) rows: PersonStandingModel[];
}

@ObjectType('DepartmentStandingRow', { description: 'A department on the board; name is null when hidden.' })
export class DepartmentStandingRowModel {
  @Field(() => Int) rank: number;
  @Field(() => ID, { nullable: true }) departmentId: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) nameEn: string | null;
  @Field(() => Int) members: number;
  @Field(() => Float, { description: 'XP in the period per active member' }) averageXp: number;
  @Field(() => Float, { nullable: true, description: '0–1; null when nobody is assigned' })
  completionRate: number | null;
  @Field() isViewer: boolean;
}

@ObjectType('DepartmentLeaderboard')
export class DepartmentLeaderboardModel {
  @Field(() => LeaderboardPeriod) period: LeaderboardPeriod;
  @Field(() => PrivacyMode) mode: PrivacyMode;
  @Field(() => Int) total: number;
  @Field(() => Int, { nullable: true }) viewerRank: number | null;
  @Field(() => [DepartmentStandingRowModel]) rows: DepartmentStandingRowModel[];
}

@ObjectType('DepartmentStanding', { description: 'One department’s place among all.' })
export class DepartmentStandingModel {
  @Field(() => ID) departmentId: string;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => Int) rank: number;
  @Field(() => Int) of: number;
  @Field(() => Int) members: number;
  @Field(() => Float) averageXp: number;
  @Field(() => Float, { nullable: true }) completionRate: number | null;
  @Field(() => [BadgeModel], { description: 'Team badges its members earned' }) teamBadges: BadgeModel[];
}
