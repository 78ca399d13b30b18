import type { QuestionBody, QuestionType } from '@palma/shared';
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
import { Question, QUESTION_TYPE_CHECK } from './question.entity.js';

/** An immutable snapshot of a question as saved; attempts keep the version the learner saw. */
@Entity('question_versions')
@Index('UQ_question_versions_number', ['questionId', 'version'], { unique: true })
@Check('CHK_question_versions_type', QUESTION_TYPE_CHECK)
export class QuestionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @ManyToOne(() => Question, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'FK_question_versions_question' })
  question?: Relation<Question>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 20 })
  type: QuestionType;

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

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'jsonb' })
  body: QuestionBody;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
