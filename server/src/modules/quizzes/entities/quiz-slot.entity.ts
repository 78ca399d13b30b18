import type { QuestionDifficulty } from '@palma/shared';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { QuestionCategory } from './question-category.entity.js';
import { Question } from './question.entity.js';
import { Quiz } from './quiz.entity.js';

/** One place in a quiz: a fixed question, or a draw of n questions from a category. */
@Entity('quiz_slots')
@Index('UQ_quiz_slots_position', ['quizId', 'position'], { unique: true })
@Index('IDX_quiz_slots_question', ['questionId'])
@Check(
  'CHK_quiz_slots_kind',
  `("question_id" IS NOT NULL AND "category_id" IS NULL AND "draw_count" = 1 AND "difficulty" IS NULL) OR ("question_id" IS NULL AND "category_id" IS NOT NULL AND "draw_count" BETWEEN 1 AND 100)`,
)
@Check('CHK_quiz_slots_difficulty', `"difficulty" IS NULL OR "difficulty" IN ('EASY','MEDIUM','HARD')`)
export class QuizSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId: string;

  @ManyToOne(() => Quiz, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id', foreignKeyConstraintName: 'FK_quiz_slots_quiz' })
  quiz?: Relation<Quiz>;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId: string | null;

  @ManyToOne(() => Question, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'FK_quiz_slots_question' })
  question?: Relation<Question>;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => QuestionCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'FK_quiz_slots_category' })
  category?: Relation<QuestionCategory>;

  @Column({ name: 'draw_count', type: 'int', default: 1 })
  drawCount: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  difficulty: QuestionDifficulty | null;

  /** A draw also takes questions from the category's subcategories. */
  @Column({ name: 'include_subcategories', type: 'boolean', default: true })
  includeSubcategories: boolean;
}
