import type { CampaignStatus } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../../org/person.entity.js';

/**
 * A mandatory-training campaign: who must do what by when. Minutes count when credited within
 * [period_start, period_end); the due date may fall before the period ends.
 */
@Entity('campaigns')
@Check('CHK_campaigns_status', `"status" IN ('DRAFT','ACTIVE','CLOSED')`)
@Check('CHK_campaigns_period', `"period_start" < "period_end" AND "due_at" > "period_start"`)
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'name_ko', type: 'varchar', length: 200 })
  nameKo: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ name: 'description_ko', type: 'text', default: '' })
  descriptionKo: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  @Column({ name: 'period_start', type: 'timestamptz' })
  periodStart: Date;

  @Column({ name: 'period_end', type: 'timestamptz' })
  periodEnd: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: CampaignStatus;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_campaigns_created_by' })
  createdBy?: Relation<Person>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
