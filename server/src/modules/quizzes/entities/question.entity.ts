import type { QuestionBody, QuestionDifficulty, QuestionType } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { QuestionCategory } from './question-category.entity.js';

export const QUESTION_TYPE_CHECK = `"type" IN ('SINGLE_CHOICE','MULTIPLE_CHOICE','TRUE_FALSE','ORDERING','MATCHING','SHORT_ANSWER','NUMERIC')`;

/**
 * A question of the bank with its current text and answer key. Every save also writes an
 * immutable QuestionVersion; attempts point at the version the learner saw. The id may be chosen
 * by the client, so that a retried create finds the question it already made.
 */
@Entity('questions')
@Check('CHK_questions_type', QUESTION_TYPE_CHECK)
@Check('CHK_questions_difficulty', `"difficulty" IN ('EASY','MEDIUM','HARD')`)
@Check('CHK_questions_points', `"points" BETWEEN 1 AND 100`)
@Check('CHK_questions_body_type', `"body"->>'type' = "type"`)
@Index('IDX_questions_category', ['categoryId'])
export class Question {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => QuestionCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'FK_questions_category' })
  category?: Relation<QuestionCategory>;

  @Column({ type: 'varchar', length: 20 })
  type: QuestionType;

  @Column({ type: 'varchar', length: 10, default: 'MEDIUM' })
  difficulty: QuestionDifficulty;

  @Column({ type: 'int', default: 1 })
  points: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'prompt_ko', type: 'text' })
  promptKo: string;

  @Column({ name: 'prompt_en', type: 'text' })
  promptEn: string;

  @Column({ name: 'explanation_ko', type: 'text', default: '' })
  explanationKo: string;

  @Column({ name: 'explanation_en', type: 'text', default: '' })
  explanationEn: string;

  @Column({ name: 'image_url', type: 'varchar', length: 500, nullable: true })
  imageUrl: string | null;

  /** The answer key and material (options, items, pairs, accepted answers). Never sent to learners. */
  @Column({ type: 'jsonb' })
  body: QuestionBody;

  /** The number of the current QuestionVersion. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_questions_created_by' })
  createdBy?: Relation<Person>;

  /** Archived questions stay in quizzes and attempts but are hidden from the bank and draws. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
