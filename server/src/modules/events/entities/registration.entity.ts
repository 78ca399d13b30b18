import type { RegistrationStatus } from '@palma/shared';
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
import { Person } from '../../org/person.entity.js';
import { EventSession } from './event-session.entity.js';

/**
 * A person's place in a session: one row per (session, person), reused when they register
 * again after cancelling (so the ticket keeps its id). A waitlisted row has a position, unique
 * in its session and handed out in arrival order; no other row has one.
 */
@Entity('event_registrations')
@Index('UQ_event_registrations_person', ['sessionId', 'personId'], { unique: true })
@Index('UQ_event_registrations_waitlist', ['sessionId', 'waitlistPosition'], { unique: true })
@Index('IDX_event_registrations_person', ['personId'])
@Index('IDX_event_registrations_ticket_due', ['confirmedAt'], {
  where: `"status" = 'CONFIRMED' AND "ticket_sent_at" IS NULL`,
})
@Check('CHK_event_registrations_status', `"status" IN ('CONFIRMED','WAITLISTED','CANCELLED')`)
@Check('CHK_event_registrations_waitlist', `("status" = 'WAITLISTED') = ("waitlist_position" IS NOT NULL)`)
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => EventSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_event_registrations_session' })
  session?: Relation<EventSession>;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_event_registrations_person' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ name: 'waitlist_position', type: 'int', nullable: true })
  waitlistPosition: number | null;

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;

  /** Who registered them: themselves, or a manager for a group. */
  @Column({ name: 'registered_by_id', type: 'uuid' })
  registeredById: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registered_by_id', foreignKeyConstraintName: 'FK_event_registrations_registered_by' })
  registeredBy?: Relation<Person>;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Set when a waitlisted registration got a seat. */
  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** When the person was sent their ticket for the current confirmation (null: still to send). */
  @Column({ name: 'ticket_sent_at', type: 'timestamptz', nullable: true })
  ticketSentAt: Date | null;
}
