import type { EventKind, EventStatus } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../../org/person.entity.js';

/**
 * A concert, play, talk or quiz contest. People register for one of its sessions (a series has
 * several). `sequence` counts published changes, for iCalendar SEQUENCE.
 */
@Entity('events')
@Check('CHK_events_status', `"status" IN ('DRAFT','PUBLISHED','CANCELLED')`)
@Check('CHK_events_kind', `"kind" IN ('CONCERT','PLAY','TALK','QUIZ_CONTEST','OTHER')`)
@Check('CHK_events_credit', `"credit_minutes" BETWEEN 0 AND 600`)
@Check('CHK_events_cutoff', `"cancel_cutoff_minutes" >= 0`)
@Check(
  'CHK_events_registration_window',
  `"registration_opens_at" IS NULL OR "registration_closes_at" IS NULL OR "registration_closes_at" > "registration_opens_at"`,
)
@Index('IDX_events_status_starts', ['status', 'firstStartsAt'])
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ name: 'description_ko', type: 'text', default: '' })
  descriptionKo: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  @Column({ type: 'varchar', length: 16 })
  kind: EventKind;

  @Column({ type: 'varchar', length: 500, default: '' })
  performers: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  venue: string;

  @Column({ name: 'online_url', type: 'varchar', length: 500, default: '' })
  onlineUrl: string;

  /** The zone the organiser thinks in (iCalendar and e-mails); times are stored in UTC. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Seoul' })
  timeZone: string;

  @Column({ name: 'credit_minutes', type: 'int', default: 0 })
  creditMinutes: number;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  /** Registrants may cancel until this many minutes before their session starts. */
  @Column({ name: 'cancel_cutoff_minutes', type: 'int', default: 60 })
  cancelCutoffMinutes: number;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: EventStatus;

  /** The earliest session's start, kept by the service, for listing and sorting. */
  @Column({ name: 'first_starts_at', type: 'timestamptz' })
  firstStartsAt: Date;

  @Column({ name: 'last_ends_at', type: 'timestamptz' })
  lastEndsAt: Date;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ name: 'has_cover', type: 'boolean', default: false })
  hasCover: boolean;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, default: '' })
  cancelReason: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_events_created_by' })
  createdBy?: Relation<Person>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
