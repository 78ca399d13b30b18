import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../../org/person.entity.js';

/**
 * A person's calendar feed. The secret address is derived (HMAC with a server key) from the
 * person and this random nonce, so the table holds nothing that opens the feed by itself;
 * a new nonce revokes the old address, deleting the row turns the feed off.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @OneToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_calendar_feeds_person' })
  person?: Relation<Person>;

  @Column({ type: 'char', length: 32 })
  nonce: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
