import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { PlayerTokenSigner } from '../../common/auth/player-token.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuthModule } from '../auth/auth.module.js';
import { ViewerMiddleware } from '../auth/viewer.middleware.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { QuizzesModule } from '../quizzes/quizzes.module.js';
import { LiveController } from './live.controller.js';
import { LiveEngine } from './live-engine.service.js';
import { LiveGamesService } from './live-games.service.js';
import { LiveResolver } from './live.resolver.js';
import { LiveStateService } from './live-state.service.js';

/**
 * Live games during concerts and contests: a host on the big screen, players on their phones
 * (employees and guests), server-owned clock and scoring, durable in PostgreSQL and fanned out
 * through PUB_SUB (Redis across processes).
 */
@Module({
  imports: [AuthModule, LedgerModule, QuizzesModule],
  controllers: [LiveController],
  providers: [
    LiveGamesService,
    LiveEngine,
    LiveStateService,
    LiveResolver,
    {
      provide: PlayerTokenSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PlayerTokenSigner(config.session.secret),
    },
  ],
})
export class LiveModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ViewerMiddleware).forRoutes(LiveController);
  }
}
