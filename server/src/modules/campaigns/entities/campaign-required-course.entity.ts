import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Course } from '../../courses/entities/course.entity.js';
import { CampaignTier } from './campaign-tier.entity.js';

/** A course a tier requires (any version of it, completed within the campaign period). */
@Entity('campaign_required_courses')
export class CampaignRequiredCourse {
  @PrimaryColumn({ name: 'tier_id', type: 'uuid' })
  tierId: string;

  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CampaignTier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tier_id', foreignKeyConstraintName: 'FK_campaign_required_courses_tier' })
  tier?: Relation<CampaignTier>;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_campaign_required_courses_course' })
  course?: Relation<Course>;
}
