import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { CampaignAssignment } from './campaign-assignment.entity.js';

/** The record of a due-date extension: who granted what, and why. */
@Entity('due_date_extensions')
@Index('IDX_due_date_extensions_assignment', ['assignmentId'])
export class DueDateExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => CampaignAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_due_date_extensions_assignment' })
  assignment?: Relation<CampaignAssignment>;

  @Column({ name: 'previous_due_at', type: 'timestamptz' })
  previousDueAt: Date;

  @Column({ name: 'new_due_at', type: 'timestamptz' })
  newDueAt: Date;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'granted_by_id', type: 'uuid' })
  grantedById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'granted_by_id', foreignKeyConstraintName: 'FK_due_date_extensions_granted_by' })
  grantedBy?: Relation<Person>;

  @Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' })
  grantedAt: Date;
}
