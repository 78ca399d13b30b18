import type { CreditSourceKind, XpRuleKey } from '@palma/shared';
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
import { Person } from '../org/person.entity.js';

/**
 * One line of the append-only credit ledger: credit minutes and XP for one achievement.
 * (person, source kind, source id) is unique, so an achievement is credited once however many
 * times, or however concurrently, it is reported. A trigger refuses UPDATE and DELETE.
 */
@Entity('credit_entries')
@Index('UQ_credit_entries_source', ['personId', 'sourceKind', 'sourceId'], { unique: true })
@Index('IDX_credit_entries_person_time', ['personId', 'occurredAt'])
@Index('IDX_credit_entries_person_rule', ['personId', 'xpRule', 'occurredAt'])
@Check(
  'CHK_credit_entries_kind',
  `"source_kind" IN ('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','QUIZ_PERFECT','EVENT_ATTENDANCE','LIVE_GAME','EARLY_COMPLETION','ADJUSTMENT')`,
)
@Check(
  'CHK_credit_entries_amounts',
  `"minutes" BETWEEN -100000 AND 100000 AND "xp" BETWEEN -100000 AND 100000`,
)
export class CreditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_credit_entries_person' })
  person?: Relation<Person>;

  @Column({ name: 'source_kind', type: 'varchar', length: 32 })
  sourceKind: CreditSourceKind;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Column({ type: 'int', default: 0 })
  minutes: number;

  @Column({ type: 'int', default: 0 })
  xp: number;

  /** The XP rule the amount came from (null for adjustments and older entries). */
  @Column({ name: 'xp_rule', type: 'varchar', length: 32, nullable: true })
  xpRule: XpRuleKey | null;

  /** Shown in the learner's history, e.g. the course title at the time. */
  @Column({ type: 'varchar', length: 300 })
  label: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
