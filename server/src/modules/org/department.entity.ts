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
  UpdateDateColumn,
} from 'typeorm';
import { Person } from './person.entity.js';

@Entity('departments')
@Check('CHK_departments_not_own_parent', '"parent_id" IS NULL OR "parent_id" <> "id"')
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_departments_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'name_ko', type: 'varchar', length: 100 })
  nameKo: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Index('IDX_departments_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_departments_parent' })
  parent?: Relation<Department> | null;

  @Index('IDX_departments_head')
  @Column({ name: 'head_id', type: 'uuid', nullable: true })
  headId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'head_id', foreignKeyConstraintName: 'FK_departments_head' })
  head?: Relation<Person> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
