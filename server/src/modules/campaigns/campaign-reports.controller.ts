import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { CampaignReportsService } from './campaign-reports.service.js';

@Controller('api/reports/campaigns')
export class CampaignReportsController {
  constructor(private readonly reports: CampaignReportsService) {}

  @Roles('ADMIN', 'MANAGER')
  @Get(':id/participants.csv')
  async participantsCsv(
    @Param('id') id: string,
    @Query('departmentId') departmentId: string | undefined,
    @CurrentViewer() viewer: Viewer,
    @Res() res: Response,
  ): Promise<void> {
    const csv = await this.reports.csv(viewer, id, departmentId ?? null);
    res
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="campaign-${id}.csv"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(csv);
  }
}
