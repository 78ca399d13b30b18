import type { BadgeTemplate, CriteriaNode } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A badge definition: what it is called, how it looks and, as data, who earns it. */
@Entity('badges')
@Index('UQ_badges_name_ko', ['nameKo'], { unique: true })
@Check('CHK_badges_status', `"status" IN ('ACTIVE','ARCHIVED')`)
@Check(
  'CHK_badges_image',
  `("image_bytes" IS NULL) = ("image_type" IS NULL) AND ("image_bytes" IS NOT NULL OR "template" IS NOT NULL)`,
)
@Check('CHK_badges_image_type', `"image_type" IS NULL OR "image_type" IN ('image/png','image/svg+xml')`)
export class Badge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'name_ko', type: 'varchar', length: 80 })
  nameKo: string;

  @Column({ name: 'name_en', type: 'varchar', length: 80 })
  nameEn: string;

  @Column({ name: 'description_ko', type: 'varchar', length: 1000 })
  descriptionKo: string;

  @Column({ name: 'description_en', type: 'varchar', length: 1000 })
  descriptionEn: string;

  /** Extra words for the criteria narrative (the conditions themselves are described from `criteria`). */
  @Column({ name: 'criteria_text_ko', type: 'varchar', length: 2000, default: '' })
  criteriaTextKo: string;

  @Column({ name: 'criteria_text_en', type: 'varchar', length: 2000, default: '' })
  criteriaTextEn: string;

  @Column({ type: 'jsonb' })
  criteria: CriteriaNode;

  /** Generated image (used when no image was uploaded). */
  @Column({ type: 'jsonb', nullable: true })
  template: BadgeTemplate | null;

  @Column({ name: 'image_bytes', type: 'bytea', nullable: true, select: false })
  imageBytes: Buffer | null;

  @Column({ name: 'image_type', type: 'varchar', length: 32, nullable: true })
  imageType: string | null;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status: 'ACTIVE' | 'ARCHIVED';

  /** Bumped whenever the criteria change (back-fill runs for each version). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
