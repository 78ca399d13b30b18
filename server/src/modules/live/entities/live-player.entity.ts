import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { LiveGame } from './live-game.entity.js';

/**
 * A player in one game: a signed-in employee (one per person) or a guest (a nickname unique in
 * the game). Score, streak and standing change only in the reveal transaction of each round.
 */
@Entity('live_players')
@Index('UQ_live_players_nickname', ['gameId', 'nicknameKey'], { unique: true })
@Index('IDX_live_players_rank', ['gameId', 'rank'])
@Index('IDX_live_players_joined', ['gameId', 'joinedAt'])
@Index('UQ_live_players_person', ['gameId', 'personId'], { unique: true, where: '"person_id" IS NOT NULL' })
export class LivePlayer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'game_id', type: 'uuid' })
  gameId: string;

  @ManyToOne(() => LiveGame, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'game_id', foreignKeyConstraintName: 'FK_live_players_game' })
  game?: Relation<LiveGame>;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_live_players_person' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 40 })
  nickname: string;

  @Column({ name: 'nickname_key', type: 'varchar', length: 80 })
  nicknameKey: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  team: string;

  @Column({ type: 'int', default: 0 })
  score: number;

  @Column({ type: 'int', default: 0 })
  streak: number;

  @Column({ name: 'correct_count', type: 'int', default: 0 })
  correctCount: number;

  @Column({ name: 'answered_count', type: 'int', default: 0 })
  answeredCount: number;

  /** Golden Bell: still standing. */
  @Column({ type: 'boolean', default: true })
  alive: boolean;

  /** Golden Bell: the round the player was eliminated in (null while standing). */
  @Column({ name: 'eliminated_at', type: 'int', nullable: true })
  eliminatedAt: number | null;

  /** Golden Bell: the revival round that brought the player back. */
  @Column({ name: 'revived_at', type: 'int', nullable: true })
  revivedAt: number | null;

  @Column({ name: 'kicked_at', type: 'timestamptz', nullable: true })
  kickedAt: Date | null;

  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  /** Place after the last reveal (competition ranking; null before the first). */
  @Column({ type: 'int', nullable: true })
  rank: number | null;
}
