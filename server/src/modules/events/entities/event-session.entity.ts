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
import { Event } from './event.entity.js';

/**
 * One performance of an event, with its own seats. `confirmed_count`, `waitlist_count` and
 * `checked_in_count` are kept by triggers on registrations and check-ins; the CHECK on
 * `confirmed_count <= capacity` makes overbooking impossible whatever the application does.
 * `waitlist_next` hands out waitlist positions in arrival order (under the row lock).
 */
@Entity('event_sessions')
@Check('CHK_event_sessions_time', `"ends_at" > "starts_at"`)
@Check('CHK_event_sessions_capacity', `"capacity" > 0`)
@Check('CHK_event_sessions_seats', `"confirmed_count" >= 0 AND "confirmed_count" <= "capacity"`)
@Check('CHK_event_sessions_counts', `"waitlist_count" >= 0 AND "checked_in_count" >= 0`)
@Index('IDX_event_sessions_event', ['eventId', 'startsAt'])
export class EventSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_sessions_event' })
  event?: Relation<Event>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ name: 'confirmed_count', type: 'int', default: 0 })
  confirmedCount: number;

  @Column({ name: 'waitlist_count', type: 'int', default: 0 })
  waitlistCount: number;

  @Column({ name: 'checked_in_count', type: 'int', default: 0 })
  checkedInCount: number;

  @Column({ name: 'waitlist_next', type: 'int', default: 1 })
  waitlistNext: number;
}
