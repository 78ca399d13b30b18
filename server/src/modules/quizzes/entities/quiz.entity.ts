import type { QuizFeedbackMode, QuizGradingMethod, QuizLayout } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../../org/person.entity.js';

/** A quiz: its questions (slots) and the rules of its attempts. The id may be chosen by the client. */
@Entity('quizzes')
@Check('CHK_quizzes_pass_percent', `"pass_percent" BETWEEN 0 AND 100`)
@Check('CHK_quizzes_grading', `"grading_method" IN ('HIGHEST','LAST','AVERAGE')`)
@Check('CHK_quizzes_feedback', `"feedback_mode" IN ('IMMEDIATE','AFTER_SUBMIT','AFTER_DUE','NEVER')`)
@Check('CHK_quizzes_feedback_due', `"feedback_mode" <> 'AFTER_DUE' OR "due_at" IS NOT NULL`)
@Check('CHK_quizzes_layout', `"layout" IN ('ONE_PER_PAGE','ALL_ON_ONE_PAGE')`)
@Check(
  'CHK_quizzes_limits',
  `("time_limit_seconds" IS NULL OR "time_limit_seconds" > 0) AND ("max_attempts" IS NULL OR "max_attempts" > 0) AND "credit_minutes" >= 0`,
)
export class Quiz {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ name: 'description_ko', type: 'text', default: '' })
  descriptionKo: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  @Column({ name: 'pass_percent', type: 'int' })
  passPercent: number;

  @Column({ name: 'time_limit_seconds', type: 'int', nullable: true })
  timeLimitSeconds: number | null;

  @Column({ name: 'max_attempts', type: 'int', nullable: true })
  maxAttempts: number | null;

  @Column({ name: 'grading_method', type: 'varchar', length: 10 })
  gradingMethod: QuizGradingMethod;

  @Column({ name: 'shuffle_questions', type: 'boolean' })
  shuffleQuestions: boolean;

  @Column({ name: 'shuffle_options', type: 'boolean' })
  shuffleOptions: boolean;

  @Column({ name: 'feedback_mode', type: 'varchar', length: 16 })
  feedbackMode: QuizFeedbackMode;

  @Column({ type: 'varchar', length: 16 })
  layout: QuizLayout;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'credit_minutes', type: 'int', default: 0 })
  creditMinutes: number;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_quizzes_created_by' })
  createdBy?: Relation<Person>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
