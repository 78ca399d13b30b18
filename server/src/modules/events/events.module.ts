import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ViewerMiddleware } from '../auth/viewer.middleware.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { CalendarService } from './calendar.service.js';
import { CheckInResolver } from './check-in.resolver.js';
import { CheckInService } from './check-in.service.js';
import { coverBodyParser, EventsController } from './events.controller.js';
import { EventLoaders } from './events.loaders.js';
import { EventSessionsResolver, EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';
import { RegistrationsResolver } from './registrations.resolver.js';
import { RegistrationsService } from './registrations.service.js';
import { SeatsPublisher } from './seats-publisher.js';
import { TicketNoticesService } from './ticket-notices.service.js';
import { TicketSigner } from './event-tickets.js';

/**
 * Concert-style events: sessions with seats and a waitlist, group registration, signed QR
 * tickets and check-in (attendance credited through the ledger), iCalendar downloads and feeds.
 */
@Module({
  imports: [OrgModule, AuthModule, NotificationsModule, LedgerModule],
  controllers: [EventsController],
  providers: [
    EventsService,
    RegistrationsService,
    CheckInService,
    CalendarService,
    SeatsPublisher,
    TicketNoticesService,
    TicketSigner.provider,
    EventLoaders,
    EventsResolver,
    EventSessionsResolver,
    RegistrationsResolver,
    CheckInResolver,
  ],
})
export class EventsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ViewerMiddleware).forRoutes(EventsController);
    consumer.apply(coverBodyParser).forRoutes({ path: 'api/events/:id/cover', method: RequestMethod.PUT });
  }
}
