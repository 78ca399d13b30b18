import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Event } from './event.entity.js';

/** An event's cover image, kept apart so event rows stay small. */
@Entity('event_covers')
@Check('CHK_event_covers_type', `"content_type" IN ('image/png','image/jpeg','image/webp')`)
export class EventCover {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_covers_event' })
  event?: Relation<Event>;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'bytea' })
  bytes: Buffer;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
