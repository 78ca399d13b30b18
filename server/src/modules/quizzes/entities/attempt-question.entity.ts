import type { LearnerAnswer, Presentation } from '@palma/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { QuestionVersion } from './question-version.entity.js';
import { numeric, QuizAttempt } from './quiz-attempt.entity.js';

/** A question as placed in one attempt: the version seen, its order of options, the saved answer. */
@Entity('attempt_questions')
@Index('UQ_attempt_questions_position', ['attemptId', 'position'], { unique: true })
@Index('UQ_attempt_questions_version', ['attemptId', 'questionVersionId'], { unique: true })
@Index('IDX_attempt_questions_version', ['questionVersionId'])
export class AttemptQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => QuizAttempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id', foreignKeyConstraintName: 'FK_attempt_questions_attempt' })
  attempt?: Relation<QuizAttempt>;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'question_version_id', type: 'uuid' })
  questionVersionId: string;

  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_version_id', foreignKeyConstraintName: 'FK_attempt_questions_version' })
  questionVersion?: Relation<QuestionVersion>;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'jsonb' })
  presentation: Presentation;

  @Column({ type: 'jsonb', nullable: true })
  answer: LearnerAnswer | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** Set when the learner checked the answer (immediate feedback); the answer is then locked. */
  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt: Date | null;

  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true, transformer: numeric() })
  fraction: number | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numeric() })
  score: number | null;
}
