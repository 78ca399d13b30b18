import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ViewerMiddleware } from '../auth/viewer.middleware.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { CampaignRemindersService } from './campaign-reminders.service.js';
import { CampaignReportsController } from './campaign-reports.controller.js';
import { CampaignReportsResolver } from './campaign-reports.resolver.js';
import { CampaignReportsService } from './campaign-reports.service.js';
import { CampaignsResolver } from './campaigns.resolver.js';
import { CampaignsService } from './campaigns.service.js';

/** Mandatory-training campaigns: audiences, assignments kept in step, progress from the ledger, reports. */
@Module({
  imports: [OrgModule, AuthModule, NotificationsModule],
  controllers: [CampaignReportsController],
  providers: [
    CampaignsService,
    CampaignsResolver,
    CampaignReportsService,
    CampaignReportsResolver,
    CampaignRemindersService,
  ],
  exports: [CampaignsService],
})
export class CampaignsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ViewerMiddleware).forRoutes(CampaignReportsController);
  }
}
