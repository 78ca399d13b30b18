import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { BalloonPractice, LiveRoundKind, QuestionBody, QuestionType } from '@palma/shared';
import { QuestionVersion } from '../../quizzes/entities/question-version.entity.js';
import { LiveGame } from './live-game.entity.js';

/**
 * One round of a game, copied when the game is created (editing the bank later does not change a
 * game). `body` holds the key and never leaves the server before the reveal.
 */
@Entity('live_rounds')
export class LiveRound {
  @PrimaryColumn({ name: 'game_id', type: 'uuid' })
  gameId: string;

  @ManyToOne(() => LiveGame, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'game_id', foreignKeyConstraintName: 'FK_live_rounds_game' })
  game?: Relation<LiveGame>;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  kind: LiveRoundKind;

  @Column({ name: 'question_version_id', type: 'uuid', nullable: true })
  questionVersionId: string | null;

  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_version_id', foreignKeyConstraintName: 'FK_live_rounds_question_version' })
  questionVersion?: Relation<QuestionVersion>;

  /** The question type, or null for a balloon round. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  type: QuestionType | null;

  @Column({ name: 'prompt_ko', type: 'text' })
  promptKo: string;

  @Column({ name: 'prompt_en', type: 'text' })
  promptEn: string;

  @Column({ name: 'explanation_ko', type: 'text', default: '' })
  explanationKo: string;

  @Column({ name: 'explanation_en', type: 'text', default: '' })
  explanationEn: string;

  /** The question with its key, or the round's balloons with which are corrupt. */
  @Column({ type: 'jsonb' })
  body: QuestionBody | { type: 'BALLOON'; balloons: BalloonPractice[] };

  /** The order options or items are shown in (the same for every player and the big screen). */
  @Column({ name: 'display_ids', type: 'text', array: true, default: () => "'{}'" })
  displayIds: string[];

  @Column({ name: 'time_limit_seconds', type: 'int' })
  timeLimitSeconds: number;

  @Column({ name: 'lead_in_seconds', type: 'int', default: 0 })
  leadInSeconds: number;
}
