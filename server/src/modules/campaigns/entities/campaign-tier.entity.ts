import type { Role } from '@palma/shared';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Campaign } from './campaign.entity.js';

/**
 * One audience of a campaign with its requirement. The audience is the union of its criteria
 * (everyone, departments, ranks, roles). A person in several tiers must meet the largest minutes
 * target and every tier's required courses.
 */
@Entity('campaign_tiers')
@Index('IDX_campaign_tiers_campaign', ['campaignId', 'position'])
@Check('CHK_campaign_tiers_minutes', `"minutes_target" >= 0`)
export class CampaignTier {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_campaign_tiers_campaign' })
  campaign?: Relation<Campaign>;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'name_ko', type: 'varchar', length: 100 })
  nameKo: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ type: 'boolean', default: false })
  everyone: boolean;

  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => `'{}'` })
  departmentIds: string[];

  @Column({ name: 'include_subdepartments', type: 'boolean', default: true })
  includeSubdepartments: boolean;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  ranks: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  roles: Role[];

  @Column({ name: 'minutes_target', type: 'int', default: 0 })
  minutesTarget: number;
}
