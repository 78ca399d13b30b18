import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ViewerMiddleware } from '../auth/viewer.middleware.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { OrgModule } from '../org/org.module.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesResolver } from './certificates.resolver.js';
import { CertificatesService } from './certificates.service.js';

/** Certificates of completion (이수증): issue, PDF download, public verification. */
@Module({
  imports: [AuthModule, OrgModule, CampaignsModule],
  controllers: [CertificatesController],
  providers: [CertificatesService, CertificatesResolver],
})
export class CertificatesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ViewerMiddleware).forRoutes(CertificatesController);
  }
}
