import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AccessGuard } from './common/auth/access.guard.js';
import { DomainErrorFilter } from './common/errors/domain-error.filter.js';
import { graphqlOptions } from './common/graphql/graphql-options.js';
import { HealthController } from './common/health/health.controller.js';
import { PubSubModule } from './common/pubsub/pubsub.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { SeedService } from './database/seeds/seed.service.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { SessionCookie } from './modules/auth/session-cookie.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { CampaignsModule } from './modules/campaigns/campaigns.module.js';
import { CertificatesModule } from './modules/certificates/certificates.module.js';
import { CoursesModule } from './modules/courses/courses.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { GamificationModule } from './modules/gamification/gamification.module.js';
import { HeartbeatModule } from './modules/heartbeat/heartbeat.module.js';
import { LedgerModule } from './modules/ledger/ledger.module.js';
import { LiveModule } from './modules/live/live.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OrgModule } from './modules/org/org.module.js';
import { QuizzesModule } from './modules/quizzes/quizzes.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DataSourceOptions): DynamicModule {
    const configModule: DynamicModule = {
      module: class ConfigModule {},
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
    return {
      module: AppModule,
      imports: [
        configModule,
        TypeOrmModule.forRoot({ ...database, migrationsRun: true, migrationsTransactionMode: 'each' }),
        PubSubModule,
        RateLimitModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [APP_CONFIG, SessionsService, SessionCookie],
          useFactory: graphqlOptions,
        }),
        AuthModule,
        OrgModule,
        HeartbeatModule,
        LedgerModule,
        NotificationsModule,
        CoursesModule,
        CampaignsModule,
        CertificatesModule,
        QuizzesModule,
        EventsModule,
        LiveModule,
        GamificationModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        SeedService,
      ],
    };
  }
}
