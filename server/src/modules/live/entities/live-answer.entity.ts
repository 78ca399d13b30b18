import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { LiveGame } from './live-game.entity.js';
import { LivePlayer } from './live-player.entity.js';

/**
 * One answer per player per round — the primary key makes a second answer impossible, so a retry
 * gets the first one back. `received_at` is the database clock at insert; `points` is written by
 * the reveal transaction (null until then).
 */
@Entity('live_answers')
@Check('CHK_live_answers_elapsed', '"elapsed_ms" >= 0')
export class LiveAnswer {
  @PrimaryColumn({ name: 'game_id', type: 'uuid' })
  gameId: string;

  @ManyToOne(() => LiveGame, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'game_id', foreignKeyConstraintName: 'FK_live_answers_game' })
  game?: Relation<LiveGame>;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @PrimaryColumn({ name: 'player_id', type: 'uuid' })
  playerId: string;

  @ManyToOne(() => LivePlayer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'FK_live_answers_player' })
  player?: Relation<LivePlayer>;

  @Column({ type: 'jsonb' })
  answer: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  receivedAt: Date;

  @Column({ name: 'elapsed_ms', type: 'int' })
  elapsedMs: number;

  @Column({ type: 'boolean' })
  correct: boolean;

  /** Share of the round's points earned before speed and streak (partial credit, balloons). */
  @Column({ type: 'real' })
  fraction: number;

  /** Golden Bell: answered while eliminated (shown, never scored). */
  @Column({ name: 'for_honour', type: 'boolean', default: false })
  forHonour: boolean;

  @Column({ type: 'int', nullable: true })
  points: number | null;
}
