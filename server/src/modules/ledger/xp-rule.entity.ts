import type { XpRuleKey } from '@palma/shared';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An admin's amount for one XP rule; a rule without a row uses the default in `shared`. */
@Entity('xp_rules')
@Check('CHK_xp_rules_amounts', `"xp" BETWEEN 0 AND 1000 AND "cooldown_minutes" BETWEEN 0 AND 10080`)
export class XpRuleRow {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  key: XpRuleKey;

  @Column({ type: 'int' })
  xp: number;

  @Column({ name: 'cooldown_minutes', type: 'int', default: 0 })
  cooldownMinutes: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
