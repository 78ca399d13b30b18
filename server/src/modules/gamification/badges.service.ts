import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BadgeLimits,
  badgeInputSchema,
  criteriaLeaves,
  criteriaProblems,
  describeCriteria,
  evaluateCriteria,
  findBadgeCycle,
  type BadgeInput,
  type CriteriaNode,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { badgeSvg, imageProblem } from './badge-image.js';
import { Badge } from './entities/badge.entity.js';
import { BadgeModel } from './models/gamification.models.js';
import { GamificationErrors } from './gamification.errors.js';
import { factsFor } from './gamification.queries.js';

export interface BadgePreview {
  qualifying: number;
  total: number;
  sample: { personId: string; name: string; departmentName: string }[];
}

/** Badge definitions: validated criteria, images, back-fill on every change, preview. */
@Injectable()
export class BadgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
  ) {}

  list(includeArchived: boolean): Promise<Badge[]> {
    return this.dataSource.getRepository(Badge).find({
      where: includeArchived ? {} : { status: 'ACTIVE' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<Badge> {
    const badge = isUuid(id) ? await em.findOneBy(Badge, { id }) : null;
    if (!badge) throw GamificationErrors.badgeNotFound(id);
    return badge;
  }

  /**
   * Creates a badge. Idempotent by Korean name: sending the same badge again returns it; the same
   * name with other content is refused. Everyone who already qualifies is awarded (back-fill).
   */
  async create(actorId: string, raw: unknown): Promise<Badge> {
    const input = parseInput(raw);
    return this.dataSource.transaction(async (em) => {
      await this.checkCriteria(em, null, input.criteria as CriteriaNode);
      const existing = await em.findOneBy(Badge, { nameKo: input.nameKo });
      if (existing) {
        if (sameContent(existing, input)) return existing;
        throw nameTaken();
      }
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO badges (name_ko, name_en, description_ko, description_en, criteria_text_ko, criteria_text_en,
                             criteria, template, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)
         ON CONFLICT (name_ko) DO NOTHING RETURNING id`,
        [
          input.nameKo,
          input.nameEn,
          input.descriptionKo,
          input.descriptionEn,
          input.criteriaTextKo,
          input.criteriaTextEn,
          JSON.stringify(input.criteria),
          JSON.stringify(input.template),
          actorId,
        ],
      );
      if (!row) throw nameTaken(); // a concurrent create with the same name won
      await this.enqueueBackfill(em, row.id);
      return this.get(row.id, em);
    });
  }

  /** Changes a badge; new criteria bump its version and back-fill. Awards already made stay. */
  async update(id: string, raw: unknown): Promise<Badge> {
    const input = parseInput(raw);
    return this.dataSource.transaction(async (em) => {
      const badge = await this.get(id, em);
      await em.query(`SELECT 1 FROM badges WHERE id = $1 FOR UPDATE`, [id]);
      await this.checkCriteria(em, id, input.criteria as CriteriaNode);
      if (input.nameKo !== badge.nameKo && (await em.findOneBy(Badge, { nameKo: input.nameKo })))
        throw nameTaken();
      const criteriaChanged = canonical(badge.criteria) !== canonical(input.criteria);
      await em.query(
        `UPDATE badges SET name_ko = $2, name_en = $3, description_ko = $4, description_en = $5,
                criteria_text_ko = $6, criteria_text_en = $7, criteria = $8::jsonb, template = $9::jsonb,
                version = version + $10, updated_at = now()
          WHERE id = $1`,
        [
          id,
          input.nameKo,
          input.nameEn,
          input.descriptionKo,
          input.descriptionEn,
          input.criteriaTextKo,
          input.criteriaTextEn,
          JSON.stringify(input.criteria),
          JSON.stringify(input.template),
          criteriaChanged ? 1 : 0,
        ],
      );
      if (criteriaChanged && badge.status === 'ACTIVE') await this.enqueueBackfill(em, id);
      return this.get(id, em);
    });
  }

  /** Archived badges are no longer awarded; awards already made stay valid. Idempotent. */
  async setArchived(id: string, archived: boolean): Promise<Badge> {
    return this.dataSource.transaction(async (em) => {
      const badge = await this.get(id, em);
      const status = archived ? 'ARCHIVED' : 'ACTIVE';
      if (badge.status !== status) {
        await em.query(`UPDATE badges SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
        if (!archived) await this.enqueueBackfill(em, id);
      }
      return this.get(id, em);
    });
  }

  private async enqueueBackfill(em: EntityManager, badgeId: string): Promise<void> {
    await em.query(`INSERT INTO gamification_outbox (badge_id) VALUES ($1)`, [badgeId]);
  }

  /**
   * Shape, limits, references and cycles. `selfId` is the badge being saved (null: a new one),
   * whose new criteria replace its stored ones in the cycle check.
   */
  async checkCriteria(em: EntityManager, selfId: string | null, criteria: CriteriaNode): Promise<void> {
    const problems = criteriaProblems(criteria);
    if (problems.length > 0) throw GamificationErrors.criteria(problems);
    const leaves = criteriaLeaves(criteria);
    const ids = (kind: string, key: 'courseId' | 'campaignId' | 'badgeId') => [
      ...new Set(
        leaves.flatMap((l) =>
          l.kind === kind && (l as Record<string, unknown>)[key] ? [(l as Record<string, string>)[key]] : [],
        ),
      ),
    ];
    const missing = async (table: string, wanted: string[]) => {
      if (wanted.length === 0) return [];
      const found: { id: string }[] = await em.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [
        wanted,
      ]);
      const have = new Set(found.map((f) => f.id));
      return wanted.filter((w) => !have.has(w));
    };
    const courses = await missing('courses', ids('COURSE_COMPLETED', 'courseId'));
    if (courses.length) throw GamificationErrors.missing('course', courses);
    const campaigns = await missing('campaigns', ids('DEPARTMENT_CAMPAIGN_DONE', 'campaignId'));
    if (campaigns.length) throw GamificationErrors.missing('campaign', campaigns);
    const badges = await missing('badges', ids('BADGE_EARNED', 'badgeId'));
    if (badges.length) throw GamificationErrors.missing('badge', badges);

    const others: { id: string; criteria: CriteriaNode }[] = await em.query(
      `SELECT id, criteria FROM badges`,
    );
    const self = selfId ?? 'new';
    const graph = new Map<string, string[]>(
      others.filter((b) => b.id !== self).map((b) => [b.id, requiredBadges(b.criteria)]),
    );
    graph.set(self, requiredBadges(criteria));
    const cycle = findBadgeCycle(graph);
    if (cycle) throw GamificationErrors.cycle(cycle);
  }

  /**
   * Who would qualify for these criteria now (the editor shows it before saving). `badgeId` is
   * the badge being edited (null: a new one): its criteria are checked as saving would check them.
   */
  async preview(raw: unknown, badgeId: string | null = null): Promise<BadgePreview> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const criteria = raw as CriteriaNode;
      if (badgeId !== null && !(isUuid(badgeId) && (await em.existsBy(Badge, { id: badgeId })))) {
        throw GamificationErrors.badgeNotFound(badgeId);
      }
      await this.checkCriteria(em, badgeId, criteria);
      const people: { id: string; name: string; department_name: string }[] = await em.query(
        `SELECT p.id, p.name, d.name_ko AS department_name
           FROM people p JOIN departments d ON d.id = p.department_id
          WHERE p.active ORDER BY p.name, p.id`,
      );
      const team = criteriaLeaves(criteria).some((c) => c.kind === 'DEPARTMENT_CAMPAIGN_DONE');
      const qualifying: typeof people = [];
      for (let i = 0; i < people.length; i += 500) {
        const chunk = people.slice(i, i + 500);
        const facts = await factsFor(
          em,
          chunk.map((p) => p.id),
          { completion: (ids) => this.campaigns.completionTimes(ids, em), withDepartments: team },
        );
        for (const p of chunk) if (evaluateCriteria(criteria, facts.get(p.id)!)) qualifying.push(p);
      }
      return {
        qualifying: qualifying.length,
        total: people.length,
        sample: qualifying
          .slice(0, 20)
          .map((p) => ({ personId: p.id, name: p.name, departmentName: p.department_name })),
      };
    });
  }

  /** The criteria as sentences, with course, campaign and badge names filled in. */
  async narrative(badge: Badge, locale: 'ko' | 'en'): Promise<string> {
    const leaves = criteriaLeaves(badge.criteria);
    const names = new Map<string, string>();
    const courseIds = leaves.flatMap((l) => (l.kind === 'COURSE_COMPLETED' ? [l.courseId] : []));
    const campaignIds = leaves.flatMap((l) =>
      l.kind === 'DEPARTMENT_CAMPAIGN_DONE' && l.campaignId ? [l.campaignId] : [],
    );
    const badgeIds = leaves.flatMap((l) => (l.kind === 'BADGE_EARNED' ? [l.badgeId] : []));
    const col = locale === 'ko' ? 'ko' : 'en';
    if (courseIds.length)
      for (const r of await this.dataSource.query(
        `SELECT DISTINCT ON (course_id) course_id AS id, title_${col} AS name FROM course_versions
          WHERE course_id = ANY($1::uuid[]) ORDER BY course_id, (status = 'PUBLISHED') DESC, version DESC`,
        [courseIds],
      ))
        names.set(r.id, r.name);
    if (campaignIds.length)
      for (const r of await this.dataSource.query(
        `SELECT id, name_${col} AS name FROM campaigns WHERE id = ANY($1::uuid[])`,
        [campaignIds],
      ))
        names.set(r.id, r.name);
    if (badgeIds.length)
      for (const r of await this.dataSource.query(
        `SELECT id, name_${col} AS name FROM badges WHERE id = ANY($1::uuid[])`,
        [badgeIds],
      ))
        names.set(r.id, r.name);
    const lookup = (id: string) => names.get(id) ?? id;
    const sentence = describeCriteria(badge.criteria, locale, {
      course: lookup,
      campaign: lookup,
      badge: lookup,
    });
    const extra = locale === 'ko' ? badge.criteriaTextKo : badge.criteriaTextEn;
    return extra ? `${sentence}. ${extra}` : sentence;
  }

  async model(badge: Badge): Promise<BadgeModel> {
    const [ko, en] = await Promise.all([this.narrative(badge, 'ko'), this.narrative(badge, 'en')]);
    return BadgeModel.from(badge, { ko, en });
  }

  models(badges: Badge[]): Promise<BadgeModel[]> {
    return Promise.all(badges.map((b) => this.model(b)));
  }

  /** Who holds a badge (admins, to review and revoke). */
  holders(badgeId: string): Promise<
    {
      awardId: string;
      personId: string;
      name: string;
      departmentName: string;
      awardedAt: Date;
      revokedAt: Date | null;
    }[]
  > {
    return this.dataSource.query(
      `SELECT a.id AS "awardId", p.id AS "personId", p.name, d.name_ko AS "departmentName",
              a.awarded_at AS "awardedAt", a.revoked_at AS "revokedAt"
         FROM badge_awards a JOIN people p ON p.id = a.person_id JOIN departments d ON d.id = p.department_id
        WHERE a.badge_id = $1 ORDER BY a.awarded_at DESC, a.id LIMIT 500`,
      [badgeId],
    );
  }

  /** The uploaded image, or the one drawn from the template. */
  async image(id: string): Promise<{ contentType: string; bytes: Buffer }> {
    const badge = isUuid(id)
      ? await this.dataSource
          .getRepository(Badge)
          .createQueryBuilder('b')
          .addSelect('b.imageBytes')
          .where('b.id = :id', { id })
          .getOne()
      : null;
    if (!badge) throw GamificationErrors.badgeNotFound(id);
    if (badge.imageBytes && badge.imageType) return { contentType: badge.imageType, bytes: badge.imageBytes };
    return { contentType: 'image/svg+xml', bytes: Buffer.from(badgeSvg(badge.template!, badge.nameEn)) };
  }

  /** Replaces the badge image with an upload (PNG or safe SVG), or clears it (null: the template). */
  async setImage(id: string, upload: { bytes: Buffer; contentType: string } | null): Promise<Badge> {
    await this.get(id);
    if (upload) {
      const type = upload.contentType.split(';')[0].trim().toLowerCase();
      if (upload.bytes.length === 0 || upload.bytes.length > BadgeLimits.imageBytesMax)
        throw GamificationErrors.image('size');
      const problem = imageProblem(upload.bytes, type);
      if (problem) throw GamificationErrors.image(problem);
      await this.dataSource.query(
        `UPDATE badges SET image_bytes = $2, image_type = $3, updated_at = now() WHERE id = $1`,
        [id, upload.bytes, type],
      );
    } else {
      await this.dataSource.query(
        `UPDATE badges SET image_bytes = NULL, image_type = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
    }
    return this.get(id);
  }
}

function parseInput(raw: unknown): BadgeInput {
  const parsed = badgeInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new DomainError('VALIDATION_FAILED', 'The badge is not valid', {
      fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  return parsed.data;
}

/** JSON with sorted keys: jsonb does not keep key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
}

function requiredBadges(criteria: CriteriaNode): string[] {
  try {
    return criteriaLeaves(criteria).flatMap((l) => (l.kind === 'BADGE_EARNED' ? [l.badgeId] : []));
  } catch {
    return [];
  }
}

function sameContent(b: Badge, input: BadgeInput): boolean {
  return (
    b.nameEn === input.nameEn &&
    b.descriptionKo === input.descriptionKo &&
    b.descriptionEn === input.descriptionEn &&
    canonical(b.criteria) === canonical(input.criteria) &&
    canonical(b.template) === canonical(input.template)
  );
}

const nameTaken = () =>
  new DomainError('VALIDATION_FAILED', 'Another badge already has this name', {
    fields: [{ field: 'nameKo', message: 'already used by another badge' }],
  });
