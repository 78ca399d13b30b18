import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../org/person.entity.js';

/** An in-app notification (the bell). `dedupe_key` makes every notification idempotent. */
@Entity('notifications')
@Index('UQ_notifications_dedupe', ['dedupeKey'], { unique: true })
@Index('IDX_notifications_person_time', ['personId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_notifications_person' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ name: 'body_ko', type: 'text', default: '' })
  bodyKo: string;

  @Column({ name: 'body_en', type: 'text', default: '' })
  bodyEn: string;

  /** A client route to open, e.g. /courses/… */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
