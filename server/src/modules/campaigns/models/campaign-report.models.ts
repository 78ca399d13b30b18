import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TrainingStatus } from '@palma/shared';
import { ConnectionArgs, ConnectionType } from '../../../common/graphql/connection.js';
import type { Participant } from '../campaign-reports.service.js';

@ObjectType()
export class StatusCounts {
  @Field(() => Int) headcount: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) notStarted: number;
  @Field(() => Int) overdue: number;
}

@ObjectType()
export class DepartmentStatusCounts {
  @Field(() => ID) departmentId: string;
  @Field(() => StatusCounts) counts: StatusCounts;
}

@ObjectType('CampaignParticipant', { description: 'One person in a campaign report.' })
export class ParticipantModel {
  @Field(() => ID) personId: string;
  @Field(() => ID, { description: 'The assignment (for due-date extensions)' }) assignmentId: string;
  @Field() name: string;
  @Field() employeeNumber: string;
  @Field(() => String, { nullable: true }) rank: string | null;
  @Field(() => ID) departmentId: string;
  @Field(() => TrainingStatus) status: TrainingStatus;
  @Field(() => Int) percent: number;
  @Field(() => Int) minutesEarned: number;
  @Field(() => Int) minutesTarget: number;
  @Field(() => Int) requiredCoursesCompleted: number;
  @Field(() => Int) requiredCourses: number;
  @Field() dueAt: Date;

  static from(p: Participant): ParticipantModel {
    return Object.assign(new ParticipantModel(), {
      personId: p.personId,
      assignmentId: p.progress.assignmentId,
      name: p.name,
      employeeNumber: p.employeeNumber,
      rank: p.rank,
      departmentId: p.departmentId,
      status: p.progress.status,
      percent: p.progress.percent,
      minutesEarned: p.progress.minutesEarned,
      minutesTarget: p.progress.minutesTarget,
      requiredCoursesCompleted: p.progress.requiredCourses.filter((c) => c.completed).length,
      requiredCourses: p.progress.requiredCourses.length,
      dueAt: p.progress.dueAt,
    });
  }
}

@ObjectType()
export class ParticipantConnection extends ConnectionType(ParticipantModel, 'CampaignParticipant') {}

@ArgsType()
export class ParticipantsArgs extends ConnectionArgs {
  @Field(() => TrainingStatus, { nullable: true }) status?: TrainingStatus | null;
  @Field(() => String, { nullable: true, description: 'Name or employee number' }) search?: string | null;
  @Field(() => String, { nullable: true, description: 'Rank (직급)' }) rank?: string | null;
}

@ObjectType()
export class WeekCount {
  @Field({ description: 'Monday 00:00 Korean time' }) weekStart: Date;
  @Field(() => Int, { description: 'People who met the requirement that week' }) completed: number;
  @Field(() => Int) cumulative: number;
}

@ObjectType({ description: 'A campaign seen from a department subtree (the manager’s scope at most).' })
export class CampaignReportModel {
  @Field(() => ID) campaignId: string;
  @Field(() => [ID], { description: 'The department(s) at the top of this report' }) departmentIds: string[];
  @Field(() => StatusCounts) totals: StatusCounts;
  @Field(() => [WeekCount], { description: 'Completions per week toward the due date' }) weekly: WeekCount[];
  @Field(() => [DepartmentStatusCounts], { description: 'Per sub-department (drill-down)' })
  children: DepartmentStatusCounts[];
  @Field({ description: 'CSV download path (UTF-8 with BOM)' }) csvUrl: string;
  /** Resolved by the `participants` field with filters and paging. */
  all: Participant[];
}
