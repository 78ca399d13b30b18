import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { Campaign } from './campaign.entity.js';

/**
 * A person's place in a campaign, kept in step with the audience: people who join get one,
 * people who leave the audience keep theirs (left_at set) so their history stays.
 */
@Entity('campaign_assignments')
@Index('UQ_campaign_assignments_person', ['campaignId', 'personId'], { unique: true })
@Index('IDX_campaign_assignments_person', ['personId'])
export class CampaignAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_campaign_assignments_campaign' })
  campaign?: Relation<Campaign>;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_campaign_assignments_person' })
  person?: Relation<Person>;

  /** The tiers the person matched at the last sync. */
  @Column({ name: 'tier_ids', type: 'uuid', array: true })
  tierIds: string[];

  /** Null: the campaign's due date; set by an extension. */
  @Column({ name: 'due_at_override', type: 'timestamptz', nullable: true })
  dueAtOverride: Date | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
