import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { campaignSchema, trainingPercent, trainingStatus, type TrainingStatus } from '@palma/shared';
import { debounceTime, type Subscription } from 'rxjs';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { DepartmentsService } from '../org/departments.service.js';
import { OrgEvents } from '../org/org.events.js';
import { PeopleService } from '../org/people.service.js';
import { CampaignErrors } from './campaigns.errors.js';
import { assignmentProgress, completionTimes, courseTitles } from './campaigns.queries.js';
import type { CampaignInput } from './dto/campaign.inputs.js';
import { CampaignAssignment } from './entities/campaign-assignment.entity.js';
import { CampaignRequiredCourse } from './entities/campaign-required-course.entity.js';
import { CampaignTier } from './entities/campaign-tier.entity.js';
import { Campaign } from './entities/campaign.entity.js';
import { DueDateExtension } from './entities/due-date-extension.entity.js';

export interface TrainingProgress {
  assignmentId: string;
  campaignId: string;
  personId: string;
  dueAt: Date;
  minutesEarned: number;
  minutesTarget: number;
  requiredCourses: { courseId: string; titleKo: string; titleEn: string; completed: boolean }[];
  status: TrainingStatus;
  percent: number;
}

/**
 * Mandatory-training campaigns: audiences in tiers, assignments kept in step with the
 * organisation, and progress read from the credit ledger and course completions.
 */
@Injectable()
export class CampaignsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CampaignsService.name);
  private orgChanges?: Subscription;
  /** The sync in progress, awaited at shutdown so it never runs into a closed pool. */
  private syncing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly people: PeopleService,
    private readonly orgEvents: OrgEvents,
  ) {}

  /** People join, move and leave through the org module; re-sync active campaigns when they do. */
  onModuleInit(): void {
    this.orgChanges = this.orgEvents.changed$.pipe(debounceTime(250)).subscribe(() => {
      const run = (this.syncing ?? Promise.resolve())
        .then(() => this.syncAllActive())
        .catch((error: unknown) => this.logger.error(`Campaign sync failed: ${String(error)}`))
        .finally(() => {
          if (this.syncing === run) this.syncing = null;
        });
      this.syncing = run;
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.orgChanges?.unsubscribe();
    await this.syncing;
  }

  async create(viewer: Viewer, input: CampaignInput): Promise<Campaign> {
    const fields = parseInput(campaignSchema, input);
    return this.dataSource.transaction(async (em) => {
      await this.assertReferences(em, fields.tiers);
      const campaign = await em.save(
        Campaign,
        em.create(Campaign, {
          nameKo: fields.nameKo,
          nameEn: fields.nameEn,
          descriptionKo: fields.descriptionKo,
          descriptionEn: fields.descriptionEn,
          periodStart: fields.periodStart,
          periodEnd: fields.periodEnd,
          dueAt: fields.dueAt,
          createdById: viewer.personId,
        }),
      );
      await this.writeTiers(em, campaign.id, fields.tiers);
      return campaign;
    });
  }

  /** Replaces the details and tiers; an active campaign is re-synced at once. */
  async update(id: string, input: CampaignInput): Promise<Campaign> {
    const fields = parseInput(campaignSchema, input);
    return this.dataSource.transaction(async (em) => {
      const campaign = await this.lock(em, id);
      if (campaign.status === 'CLOSED') throw CampaignErrors.closed();
      await this.assertReferences(em, fields.tiers);
      await em.update(
        Campaign,
        { id },
        {
          nameKo: fields.nameKo,
          nameEn: fields.nameEn,
          descriptionKo: fields.descriptionKo,
          descriptionEn: fields.descriptionEn,
          periodStart: fields.periodStart,
          periodEnd: fields.periodEnd,
          dueAt: fields.dueAt,
        },
      );
      await em.delete(CampaignTier, { campaignId: id });
      await this.writeTiers(em, id, fields.tiers);
      if (campaign.status === 'ACTIVE') await this.syncIn(em, id);
      return em.findOneByOrFail(Campaign, { id });
    });
  }

  /** Starts the campaign: everyone in the audience is assigned. Idempotent. */
  async activate(id: string): Promise<Campaign> {
    return this.dataSource.transaction(async (em) => {
      const campaign = await this.lock(em, id);
      if (campaign.status === 'CLOSED') throw CampaignErrors.closed();
      if (campaign.status === 'DRAFT') await em.update(Campaign, { id }, { status: 'ACTIVE' });
      await this.syncIn(em, id);
      return em.findOneByOrFail(Campaign, { id });
    });
  }

  async close(id: string): Promise<Campaign> {
    return this.dataSource.transaction(async (em) => {
      await this.lock(em, id);
      await em.update(Campaign, { id }, { status: 'CLOSED' });
      return em.findOneByOrFail(Campaign, { id });
    });
  }

  async sync(id: string): Promise<{ assigned: number; left: number }> {
    return this.dataSource.transaction(async (em) => {
      const campaign = await this.lock(em, id);
      if (campaign.status !== 'ACTIVE') return { assigned: 0, left: 0 };
      return this.syncIn(em, id);
    });
  }

  async syncAllActive(): Promise<void> {
    const active = await this.dataSource
      .getRepository(Campaign)
      .find({ where: { status: 'ACTIVE' }, select: { id: true } });
    for (const { id } of active) await this.sync(id);
  }

  list(): Promise<Campaign[]> {
    return this.dataSource.getRepository(Campaign).find({ order: { dueAt: 'DESC', id: 'ASC' } });
  }

  async get(id: string): Promise<Campaign> {
    const campaign = isUuid(id) ? await this.dataSource.getRepository(Campaign).findOneBy({ id }) : null;
    if (!campaign) throw CampaignErrors.notFound(id);
    return campaign;
  }

  tiersOf(campaignIds: readonly string[]): Promise<CampaignTier[]> {
    return this.dataSource
      .getRepository(CampaignTier)
      .find({ where: { campaignId: In([...campaignIds]) }, order: { position: 'ASC' } });
  }

  async requiredCoursesOf(tierIds: readonly string[]): Promise<CampaignRequiredCourse[]> {
    return this.dataSource
      .getRepository(CampaignRequiredCourse)
      .find({ where: { tierId: In([...tierIds]) } });
  }

  /** The viewer's current campaigns with progress (active campaigns, still in the audience). */
  async myTraining(personId: string): Promise<TrainingProgress[]> {
    const assignments = await this.dataSource.query(
      `SELECT a.id FROM campaign_assignments a JOIN campaigns c ON c.id = a.campaign_id
        WHERE a.person_id = $1 AND a.left_at IS NULL AND c.status = 'ACTIVE'
        ORDER BY coalesce(a.due_at_override, c.due_at), c.id`,
      [personId],
    );
    return this.progressOf(assignments.map((a: { id: string }) => a.id));
  }

  async progressOf(assignmentIds: string[], now = new Date()): Promise<TrainingProgress[]> {
    const rows = await assignmentProgress(this.dataSource.manager, assignmentIds);
    const titles = await courseTitles(this.dataSource.manager, [
      ...new Set(rows.flatMap((r) => r.required_course_ids)),
    ]);
    const order = new Map(assignmentIds.map((id, i) => [id, i]));
    return rows
      .sort((a, b) => order.get(a.assignment_id)! - order.get(b.assignment_id)!)
      .map((r) => {
        const completed = new Set(r.completed_course_ids);
        const requiredCourses = r.required_course_ids.map((courseId) => ({
          courseId,
          titleKo: titles.get(courseId)?.ko ?? '',
          titleEn: titles.get(courseId)?.en ?? '',
          completed: completed.has(courseId),
        }));
        const facts = {
          minutesEarned: r.minutes_earned,
          minutesTarget: r.minutes_target,
          requiredCourses: requiredCourses.length,
          requiredCoursesCompleted: requiredCourses.filter((c) => c.completed).length,
          anyActivity: r.any_activity,
          dueAt: new Date(r.due_at),
          now,
        };
        return {
          assignmentId: r.assignment_id,
          campaignId: r.campaign_id,
          personId: r.person_id,
          dueAt: facts.dueAt,
          minutesEarned: r.minutes_earned,
          minutesTarget: r.minutes_target,
          requiredCourses,
          status: trainingStatus(facts),
          percent: trainingPercent(facts),
        };
      });
  }

  /** When each assignment's requirement was first met (null while not met). */
  completionTimes(
    assignmentIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Date | null>> {
    return completionTimes(em, assignmentIds);
  }

  /** An admin, or the person's manager, moves one person's due date, with a recorded reason. */
  async extendDueDate(
    viewer: Viewer,
    assignmentId: string,
    newDueAt: Date,
    reason: string,
  ): Promise<CampaignAssignment> {
    // Scope first, outside the transaction (the embedded database has a single connection).
    const existing = isUuid(assignmentId)
      ? await this.dataSource.getRepository(CampaignAssignment).findOneBy({ id: assignmentId })
      : null;
    if (!existing) throw CampaignErrors.assignmentNotFound(assignmentId);
    const person = await this.people.findById(existing.personId);
    const scope = await this.people.scopeOf(viewer);
    if (!person || (scope.kind === 'departments' && !scope.ids.has(person.departmentId))) {
      throw CampaignErrors.outOfScope();
    }
    const text = reason.trim();
    if (text.length < 3 || text.length > 500) {
      throw CampaignErrors.extensionInvalid('Give a reason (3–500 characters)');
    }
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT id FROM campaign_assignments WHERE id = $1 FOR UPDATE`, [assignmentId]);
      const assignment = await em.findOneByOrFail(CampaignAssignment, { id: assignmentId });
      const campaign = await em.findOneByOrFail(Campaign, { id: assignment.campaignId });
      if (campaign.status === 'CLOSED') throw CampaignErrors.closed();
      const previous = assignment.dueAtOverride ?? campaign.dueAt;
      if (newDueAt.getTime() <= previous.getTime()) {
        throw CampaignErrors.extensionInvalid('The new due date must be later than the current one');
      }
      if (newDueAt.getTime() > campaign.periodEnd.getTime()) {
        throw CampaignErrors.extensionInvalid('The new due date must fall within the campaign period');
      }
      await em.insert(DueDateExtension, {
        assignmentId,
        previousDueAt: previous,
        newDueAt,
        reason: text,
        grantedById: viewer.personId,
      });
      await em.update(CampaignAssignment, { id: assignmentId }, { dueAtOverride: newDueAt });
      return em.findOneByOrFail(CampaignAssignment, { id: assignmentId });
    });
  }

  extensionsOf(assignmentId: string): Promise<DueDateExtension[]> {
    return this.dataSource
      .getRepository(DueDateExtension)
      .find({ where: { assignmentId }, order: { grantedAt: 'DESC' } });
  }

  /**
   * Brings assignments in step with the audience in one statement pair: new members are assigned,
   * changed tiers updated, people no longer in the audience marked as left (never deleted).
   */
  private async syncIn(em: EntityManager, campaignId: string): Promise<{ assigned: number; left: number }> {
    const tiers = await em.find(CampaignTier, { where: { campaignId } });
    const pairs: { tier: string; department: string }[] = [];
    for (const tier of tiers) {
      const ids = tier.includeSubdepartments
        ? await this.departments.subtreeIds(tier.departmentIds, em)
        : tier.departmentIds;
      for (const department of ids) pairs.push({ tier: tier.id, department });
    }
    const members = `
      WITH tier_departments AS (
        SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS td(tier_id, department_id)
      ), members AS (
        SELECT p.id AS person_id, array_agg(DISTINCT t.id ORDER BY t.id) AS tier_ids
          FROM campaign_tiers t
          JOIN people p ON p.active AND (
                 t.everyone
              OR p.rank = ANY(t.ranks)
              OR p.roles && t.roles
              OR EXISTS (SELECT 1 FROM tier_departments td WHERE td.tier_id = t.id AND td.department_id = p.department_id))
         WHERE t.campaign_id = $1
         GROUP BY p.id
      )`;
    const params = [campaignId, pairs.map((p) => p.tier), pairs.map((p) => p.department)];
    // (A data-modifying CTE counted by a SELECT: the driver's answer to a bare UPDATE is not rows.)
    const [{ n: assigned }] = await em.query(
      `${members}, changed AS (
         INSERT INTO campaign_assignments (campaign_id, person_id, tier_ids)
         SELECT $1, person_id, tier_ids FROM members
         ON CONFLICT (campaign_id, person_id) DO UPDATE SET tier_ids = EXCLUDED.tier_ids, left_at = NULL
          WHERE campaign_assignments.tier_ids IS DISTINCT FROM EXCLUDED.tier_ids OR campaign_assignments.left_at IS NOT NULL
         RETURNING 1)
       SELECT count(*)::int AS n FROM changed`,
      params,
    );
    const [{ n: left }] = await em.query(
      `${members}, gone AS (
         UPDATE campaign_assignments a SET left_at = now()
          WHERE a.campaign_id = $1 AND a.left_at IS NULL AND NOT EXISTS (SELECT 1 FROM members m WHERE m.person_id = a.person_id)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      params,
    );
    return { assigned, left };
  }

  private async writeTiers(
    em: EntityManager,
    campaignId: string,
    tiers: ReturnType<typeof campaignSchema.parse>['tiers'],
  ): Promise<void> {
    for (const [position, tier] of tiers.entries()) {
      const { requiredCourseIds, ...fields } = tier;
      const saved = await em.save(
        CampaignTier,
        em.create(CampaignTier, {
          ...fields,
          roles: fields.roles as CampaignTier['roles'],
          campaignId,
          position: position + 1,
        }),
      );
      if (requiredCourseIds.length > 0) {
        await em.insert(
          CampaignRequiredCourse,
          [...new Set(requiredCourseIds)].map((courseId) => ({ tierId: saved.id, courseId })),
        );
      }
    }
  }

  private async assertReferences(
    em: EntityManager,
    tiers: ReturnType<typeof campaignSchema.parse>['tiers'],
  ): Promise<void> {
    const departmentIds = [...new Set(tiers.flatMap((t) => t.departmentIds))];
    const courseIds = [...new Set(tiers.flatMap((t) => t.requiredCourseIds))];
    const foundDepartments: { id: string }[] = departmentIds.length
      ? await em.query(`SELECT id FROM departments WHERE id = ANY($1::uuid[])`, [departmentIds])
      : [];
    const missingDepartments = departmentIds.filter((id) => !foundDepartments.some((d) => d.id === id));
    if (missingDepartments.length) throw CampaignErrors.unknownDepartments(missingDepartments);
    const foundCourses: { id: string }[] = courseIds.length
      ? await em.query(`SELECT id FROM courses WHERE id = ANY($1::uuid[])`, [courseIds])
      : [];
    const missingCourses = courseIds.filter((id) => !foundCourses.some((c) => c.id === id));
    if (missingCourses.length) throw CampaignErrors.unknownCourses(missingCourses);
  }

  private async lock(em: EntityManager, id: string): Promise<Campaign> {
    const rows = isUuid(id) ? await em.query(`SELECT id FROM campaigns WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (rows.length === 0) throw CampaignErrors.notFound(id);
    return em.findOneByOrFail(Campaign, { id });
  }
}
