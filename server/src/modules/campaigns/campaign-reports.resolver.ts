import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../common/graphql/connection.js';
import { CampaignReportsService } from './campaign-reports.service.js';
import {
  CampaignReportModel,
  ParticipantConnection,
  ParticipantModel,
  ParticipantsArgs,
} from './models/campaign-report.models.js';

@Resolver(() => CampaignReportModel)
export class CampaignReportsResolver {
  constructor(private readonly reports: CampaignReportsService) {}

  @Roles('ADMIN', 'MANAGER')
  @Query(() => CampaignReportModel, {
    description: 'Completion in a department subtree; managers only within their scope.',
  })
  async campaignReport(
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('departmentId', { type: () => ID, nullable: true }) departmentId: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CampaignReportModel> {
    const report = await this.reports.report(viewer, campaignId, departmentId);
    const query = departmentId ? `?departmentId=${encodeURIComponent(departmentId)}` : '';
    return Object.assign(new CampaignReportModel(), {
      campaignId,
      departmentIds: report.departmentIds,
      totals: report.totals,
      weekly: report.weekly,
      children: report.children,
      csvUrl: `/api/reports/campaigns/${campaignId}/participants.csv${query}`,
      all: report.participants,
    });
  }

  @Roles('ADMIN', 'MANAGER')
  @ResolveField(() => ParticipantConnection, { description: 'People in the report, by name, filterable' })
  participants(@Parent() report: CampaignReportModel, @Args() args: ParticipantsArgs): ParticipantConnection {
    const limit = pageSize(args.first);
    const search = args.search?.trim().toLowerCase();
    const rows = report.all.filter(
      (p) =>
        (!args.status || p.progress.status === args.status) &&
        (!args.rank || p.rank === args.rank) &&
        (!search || p.name.toLowerCase().includes(search) || p.employeeNumber.toLowerCase().includes(search)),
    );
    // The list is computed per request and ordered by name: an offset cursor is stable within it.
    const start = args.after ? Number(decodeCursor(args.after, 1)[0]) + 1 : 0;
    const page = rows
      .slice(start, start + limit + 1)
      .map((participant, i) => ({ participant, index: start + i }));
    return toConnection(
      page,
      limit,
      rows.length,
      (r) => encodeCursor([r.index]),
      (r) => ParticipantModel.from(r.participant),
    );
  }
}
