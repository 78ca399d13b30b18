import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TrainingStatus } from '@palma/shared';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { DepartmentsService } from '../org/departments.service.js';
import { PeopleService } from '../org/people.service.js';
import { CampaignsService, type TrainingProgress } from './campaigns.service.js';

export interface StatusCounts {
  headcount: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export interface Participant {
  personId: string;
  name: string;
  employeeNumber: string;
  rank: string | null;
  departmentId: string;
  progress: TrainingProgress;
}

export interface WeekCount {
  /** Monday 00:00 in Asia/Seoul, as an instant. */
  weekStart: Date;
  completed: number;
  cumulative: number;
}

export interface CampaignReport {
  departmentIds: string[];
  /** Completions per week, from the period start to now or the due date (whichever is later). */
  weekly: WeekCount[];
  totals: StatusCounts;
  children: { departmentId: string; counts: StatusCounts }[];
  participants: Participant[];
}

const empty = (): StatusCounts => ({ headcount: 0, completed: 0, inProgress: 0, notStarted: 0, overdue: 0 });
const KEY: Record<TrainingStatus, keyof StatusCounts> = {
  COMPLETED: 'completed',
  IN_PROGRESS: 'inProgress',
  NOT_STARTED: 'notStarted',
  OVERDUE: 'overdue',
};

/**
 * Managers' view of a campaign: people of their subtree only (admins: everyone), with rollups
 * per sub-department and the same status rule the learners see.
 */
@Injectable()
export class CampaignReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly people: PeopleService,
    private readonly departments: DepartmentsService,
  ) {}

  /**
   * @param departmentId the department to look at (with its subtree); default: the viewer's
   *   headed departments (managers) or the top-level departments (admins).
   */
  async report(viewer: Viewer, campaignId: string, departmentId?: string | null): Promise<CampaignReport> {
    await this.campaigns.get(campaignId);
    const scope = await this.people.scopeOf(viewer);
    const all = await this.departments.list();
    let roots: string[];
    if (departmentId) {
      if (!isUuid(departmentId) || !all.some((d) => d.id === departmentId)) {
        throw new DomainError('NOT_FOUND', 'Department not found', { id: departmentId });
      }
      if (scope.kind === 'departments' && !scope.ids.has(departmentId)) {
        throw new DomainError('FORBIDDEN', 'This department is outside your scope');
      }
      roots = [departmentId];
    } else if (scope.kind === 'all') {
      roots = all.filter((d) => d.parentId === null).map((d) => d.id);
    } else {
      roots = (await this.departments.headedScope(viewer.personId)).headed.map((d) => d.id);
    }
    const subtree = new Set(await this.departments.subtreeIds(roots));
    const rows: {
      id: string;
      person_id: string;
      name: string;
      employee_number: string;
      rank: string | null;
      department_id: string;
    }[] =
      subtree.size === 0
        ? []
        : await this.dataSource.query(
            `SELECT a.id, p.id AS person_id, p.name, p.employee_number, p.rank, p.department_id
               FROM campaign_assignments a JOIN people p ON p.id = a.person_id
              WHERE a.campaign_id = $1 AND a.left_at IS NULL AND p.department_id = ANY($2::uuid[])
              ORDER BY p.name, p.id`,
            [campaignId, [...subtree]],
          );
    const progress = new Map(
      (await this.campaigns.progressOf(rows.map((r) => r.id))).map((p) => [p.assignmentId, p]),
    );
    const participants = rows.map((r) => ({
      personId: r.person_id,
      name: r.name,
      employeeNumber: r.employee_number,
      rank: r.rank,
      departmentId: r.department_id,
      progress: progress.get(r.id)!,
    }));

    // Each participant counts toward the direct child of the root(s) their department sits under.
    const parent = new Map(all.map((d) => [d.id, d.parentId]));
    const rootSet = new Set(roots);
    const children = roots.length === 1 ? all.filter((d) => d.parentId === roots[0]).map((d) => d.id) : roots;
    const childSet = new Set(children);
    const childOf = (departmentId: string): string | null => {
      let current: string | null = departmentId;
      for (let i = 0; current && i < 100; i++) {
        if (childSet.has(current)) return current;
        if (rootSet.has(current) && roots.length === 1) return null;
        current = parent.get(current) ?? null;
      }
      return null;
    };
    const totals = empty();
    const byChild = new Map(children.map((id) => [id, empty()]));
    for (const p of participants) {
      const key = KEY[p.progress.status];
      totals.headcount++;
      totals[key]++;
      const child = childOf(p.departmentId);
      const counts = child ? byChild.get(child) : undefined;
      if (counts) {
        counts.headcount++;
        counts[key]++;
      }
    }
    return {
      departmentIds: roots,
      weekly: await this.weekly(
        campaignId,
        rows.map((r) => r.id),
      ),
      totals,
      children: children.map((id) => ({ departmentId: id, counts: byChild.get(id)! })),
      participants,
    };
  }

  private async weekly(campaignId: string, assignmentIds: string[]): Promise<WeekCount[]> {
    const campaign = await this.campaigns.get(campaignId);
    const times = [...(await this.campaigns.completionTimes(assignmentIds)).values()].filter(
      (t): t is Date => t !== null,
    );
    const SEOUL = 9 * 3_600_000;
    const WEEK = 7 * 86_400_000;
    // Weeks start on Monday, Korean time.
    const mondayOf = (d: Date) => {
      const local = new Date(d.getTime() + SEOUL);
      const day = (local.getUTCDay() + 6) % 7;
      return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day) - SEOUL;
    };
    const first = mondayOf(campaign.periodStart);
    const last = mondayOf(
      new Date(Math.min(Math.max(Date.now(), campaign.dueAt.getTime()), campaign.periodEnd.getTime() - 1)),
    );
    const counts = new Map<number, number>();
    for (const t of times) counts.set(mondayOf(t), (counts.get(mondayOf(t)) ?? 0) + 1);
    const weeks: WeekCount[] = [];
    let cumulative = 0;
    for (let week = first; week <= last && weeks.length < 106; week += WEEK) {
      const completed = counts.get(week) ?? 0;
      cumulative += completed;
      weeks.push({ weekStart: new Date(week), completed, cumulative });
    }
    return weeks;
  }

  /** The participant list as CSV, UTF-8 with a BOM so that Excel opens Korean correctly. */
  async csv(viewer: Viewer, campaignId: string, departmentId?: string | null): Promise<string> {
    const report = await this.report(viewer, campaignId, departmentId);
    const names = new Map((await this.departments.list()).map((d) => [d.id, d.nameKo]));
    const status: Record<TrainingStatus, string> = {
      COMPLETED: '이수',
      IN_PROGRESS: '진행 중',
      NOT_STARTED: '미시작',
      OVERDUE: '기한 경과',
    };
    const rows = report.participants.map((p) => [
      p.employeeNumber,
      p.name,
      names.get(p.departmentId) ?? '',
      p.rank ?? '',
      status[p.progress.status],
      p.progress.percent,
      p.progress.minutesEarned,
      p.progress.minutesTarget,
      p.progress.requiredCourses.filter((c) => c.completed).length,
      p.progress.requiredCourses.length,
      p.progress.dueAt.toISOString(),
    ]);
    const header = [
      '사번',
      '이름',
      '부서',
      '직급',
      '상태',
      '진행률(%)',
      '이수 시간(분)',
      '목표 시간(분)',
      '필수 과정 이수',
      '필수 과정 수',
      '기한',
    ];
    return '\uFEFF' + stringify([header, ...rows], { record_delimiter: '\r\n' });
  }
}
