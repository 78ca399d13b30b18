import type { LeaderboardBoard, PrivacyMode } from '@palma/shared';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An admin's privacy setting for one leaderboard; a board without a row uses the default. */
@Entity('leaderboard_policies')
@Check('CHK_leaderboard_policies_board', `"board" IN ('PEOPLE','DEPARTMENTS')`)
@Check('CHK_leaderboard_policies_mode', `"mode" IN ('NAMED','ANONYMOUS','AROUND_ME','TOP_N')`)
@Check('CHK_leaderboard_policies_size', `"size" BETWEEN 1 AND 50`)
export class LeaderboardPolicyRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  board: LeaderboardBoard;

  @Column({ type: 'varchar', length: 16 })
  mode: PrivacyMode;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
