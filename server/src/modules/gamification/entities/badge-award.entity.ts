import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { Badge } from './badge.entity.js';

/**
 * A badge earned by a person. (badge, person) is unique, so concurrent evaluations award once.
 * Revoking keeps the row (a shared credential then verifies as revoked).
 */
@Entity('badge_awards')
@Index('UQ_badge_awards_badge_person', ['badgeId', 'personId'], { unique: true })
@Index('IDX_badge_awards_person', ['personId', 'awardedAt'])
export class BadgeAward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'badge_id', type: 'uuid' })
  badgeId: string;

  @ManyToOne(() => Badge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'badge_id', foreignKeyConstraintName: 'FK_badge_awards_badge' })
  badge?: Relation<Badge>;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_badge_awards_person' })
  person?: Relation<Person>;

  @Column({ name: 'awarded_at', type: 'timestamptz', default: () => 'now()' })
  awardedAt: Date;

  /** When the person saw the celebration (null: show it on their next visit). */
  @Column({ name: 'celebrated_at', type: 'timestamptz', nullable: true })
  celebratedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 500, nullable: true })
  revokedReason: string | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;
}
