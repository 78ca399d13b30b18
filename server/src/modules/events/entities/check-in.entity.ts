import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { EventSession } from './event-session.entity.js';
import { Registration } from './registration.entity.js';

/**
 * Attendance: a registration checked in at the door. At most one standing (not undone) check-in
 * per registration; an undo is recorded, never deleted, and its credit is reversed in the ledger.
 * `scan_id` is the scanning device's idempotency key: a retried scan returns the same check-in.
 */
@Entity('event_check_ins')
@Index('UQ_event_check_ins_standing', ['registrationId'], { unique: true, where: '"undone_at" IS NULL' })
@Index('UQ_event_check_ins_scan', ['scanId'], { unique: true })
@Index('IDX_event_check_ins_session', ['sessionId', 'checkedInAt'])
export class CheckIn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => Registration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_event_check_ins_registration' })
  registration?: Relation<Registration>;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => EventSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_event_check_ins_session' })
  session?: Relation<EventSession>;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'scan_id', type: 'uuid' })
  scanId: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz', default: () => 'now()' })
  checkedInAt: Date;

  @Column({ name: 'checked_in_by_id', type: 'uuid' })
  checkedInById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_in_by_id', foreignKeyConstraintName: 'FK_event_check_ins_by' })
  checkedInBy?: Relation<Person>;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt: Date | null;

  @Column({ name: 'undone_by_id', type: 'uuid', nullable: true })
  undoneById: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'undone_by_id', foreignKeyConstraintName: 'FK_event_check_ins_undone_by' })
  undoneBy?: Relation<Person>;

  @Column({ name: 'undo_reason', type: 'varchar', length: 300, default: '' })
  undoReason: string;
}
