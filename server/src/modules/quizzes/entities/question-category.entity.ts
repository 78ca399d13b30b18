import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

/** A folder of the question bank; categories form a tree (GIFT's `$CATEGORY: a/b/c`). */
@Entity('question_categories')
@Index('UQ_question_categories_name', ['parentId', 'nameKo'], { unique: true })
export class QuestionCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => QuestionCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_question_categories_parent' })
  parent?: Relation<QuestionCategory>;

  @Column({ name: 'name_ko', type: 'varchar', length: 100 })
  nameKo: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
