import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ViewerMiddleware } from '../auth/viewer.middleware.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { AchievementsResolver } from './achievements.resolver.js';
import { AchievementsService } from './achievements.service.js';
import { BadgeEvaluatorService } from './badge-evaluator.service.js';
import { BadgesController, badgeImageBodyParser } from './badges.controller.js';
import { BadgesResolver } from './badges.resolver.js';
import { BadgesService } from './badges.service.js';
import { LeaderboardsResolver } from './leaderboards.resolver.js';
import { LeaderboardsService } from './leaderboards.service.js';
import { OpenBadgesController } from './open-badges/open-badges.controller.js';
import { OpenBadgesService } from './open-badges/open-badges.service.js';
import { SigningKeysService } from './open-badges/signing-keys.service.js';

/**
 * Gamification on top of the credit ledger: levels and streaks computed from it, badges with
 * criteria stored as data and awarded through an outbox, leaderboards with privacy policies,
 * and Open Badges 3.0 credentials for earned badges.
 */
@Module({
  imports: [AuthModule, LedgerModule, CampaignsModule, OrgModule, NotificationsModule],
  controllers: [BadgesController, OpenBadgesController],
  providers: [
    BadgesService,
    BadgeEvaluatorService,
    AchievementsService,
    LeaderboardsService,
    BadgesResolver,
    AchievementsResolver,
    LeaderboardsResolver,
    SigningKeysService,
    OpenBadgesService,
  ],
  exports: [BadgeEvaluatorService, BadgesService, AchievementsService],
})
export class GamificationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ViewerMiddleware).forRoutes(BadgesController);
    consumer.apply(ViewerMiddleware).forRoutes(OpenBadgesController);
    consumer
      .apply(badgeImageBodyParser)
      .forRoutes({ path: 'api/badges/:id/image', method: RequestMethod.PUT });
  }
}
