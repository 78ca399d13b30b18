import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work for the badge evaluator, written in the same transaction as its cause: a trigger adds a
 * person's row with every ledger entry; saving a badge adds a back-fill row. A row is deleted in
 * the transaction that processed it, so a crash before commit leaves it for the next run.
 */
@Entity('gamification_outbox')
@Check('CHK_gamification_outbox_target', `("person_id" IS NULL) <> ("badge_id" IS NULL)`)
@Index('IDX_gamification_outbox_available', ['availableAt', 'id'])
export class GamificationOutbox {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  /** Back-fill: evaluate this badge for everyone. */
  @Column({ name: 'badge_id', type: 'uuid', nullable: true })
  badgeId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
