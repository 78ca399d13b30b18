import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { LiveGameSettings, LiveMode, LivePhase } from '@palma/shared';
import { Person } from '../../org/person.entity.js';
import { EventSession } from '../../events/entities/event-session.entity.js';

/**
 * A live game and where it is. Every transition is one conditional UPDATE of this row
 * (`WHERE phase = … AND current_round = …`), so two processes — or a retried click — can never
 * move the game twice; timers are the `phase_ends_at` column, read back after a restart.
 */
@Entity('live_games')
@Check('CHK_live_games_players', '"player_count" <= "max_players"')
@Check('CHK_live_games_phase', `"phase" IN ('LOBBY', 'LEAD_IN', 'OPEN', 'PAUSED', 'REVEAL', 'FINISHED')`)
@Check('CHK_live_games_mode', `"mode" IN ('CLASSIC', 'GOLDEN_BELL', 'TEAM_BATTLE')`)
@Index('UQ_live_games_pin_active', ['pin'], { unique: true, where: `"phase" <> 'FINISHED'` })
@Index('IDX_live_games_host', ['hostId', 'createdAt'])
@Index('IDX_live_games_due', ['phaseEndsAt'], { where: `"phase" IN ('LEAD_IN', 'OPEN')` })
export class LiveGame {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  pin: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'host_id', type: 'uuid' })
  hostId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_id', foreignKeyConstraintName: 'FK_live_games_host' })
  host?: Relation<Person>;

  @Column({ type: 'varchar', length: 20 })
  mode: LiveMode;

  @Column({ type: 'jsonb' })
  settings: LiveGameSettings;

  @Column({ name: 'event_session_id', type: 'uuid', nullable: true })
  eventSessionId: string | null;

  @ManyToOne(() => EventSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_session_id', foreignKeyConstraintName: 'FK_live_games_event_session' })
  eventSession?: Relation<EventSession>;

  @Column({ name: 'quiz_id', type: 'uuid', nullable: true })
  quizId: string | null;

  @Column({ type: 'varchar', length: 12, default: 'LOBBY' })
  phase: LivePhase;

  /** The round on screen, 0-based; -1 in the lobby. */
  @Column({ name: 'current_round', type: 'int', default: -1 })
  currentRound: number;

  @Column({ name: 'round_count', type: 'int' })
  roundCount: number;

  @Column({ name: 'joining_open', type: 'boolean', default: true })
  joiningOpen: boolean;

  /** When the current LEAD_IN or OPEN phase ends (server clock). */
  @Column({ name: 'phase_ends_at', type: 'timestamptz', nullable: true })
  phaseEndsAt: Date | null;

  /** When the current round's answers opened. */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  /** While PAUSED: the phase that was paused and the milliseconds it had left. */
  @Column({ name: 'paused_phase', type: 'varchar', length: 12, nullable: true })
  pausedPhase: LivePhase | null;

  @Column({ name: 'paused_remaining_ms', type: 'int', nullable: true })
  pausedRemainingMs: number | null;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /**
   * Players in the game (a trigger counts joins, a kick counts down); the CHECK refuses a join
   * beyond max_players.
   */
  @Column({ name: 'player_count', type: 'int', default: 0 })
  playerCount: number;

  @Column({ name: 'max_players', type: 'int' })
  maxPlayers: number;

  /** Golden Bell: the round played as the revival round (at most one). */
  @Column({ name: 'revival_round', type: 'int', nullable: true })
  revivalRound: number | null;

  /** Bumped by every transition: clients drop states older than the one they hold. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
