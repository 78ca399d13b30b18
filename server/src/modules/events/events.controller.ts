import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Put,
  Req,
  Res,
  UnsupportedMediaTypeException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { EventLimits } from '@palma/shared';
import { stringify } from 'csv-stringify/sync';
import express, { type Request, type Response } from 'express';
import { Authenticated, CurrentViewer, Public, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { PeopleService } from '../org/people.service.js';
import { CalendarService } from './calendar.service.js';
import { EventsService } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';

/** Recognises the image formats we accept by their first bytes (never by the declared type). */
export function sniffImage(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  return null;
}

export const coverBodyParser = express.raw({ type: () => true, limit: EventLimits.coverBytesMax });

@Controller('api')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly calendar: CalendarService,
    private readonly people: PeopleService,
  ) {}

  @Authenticated()
  @Get('events/:id/calendar.ics')
  async eventIcs(
    @Param('id') id: string,
    @CurrentViewer() viewer: Viewer,
    @Res() res: Response,
  ): Promise<void> {
    await this.events.get(viewer, id);
    const locale = (await this.localeOf(viewer)) === 'en' ? 'en' : 'ko';
    const ics = await this.calendar.eventCalendar(id, locale);
    if (!ics) throw new NotFoundException();
    res
      .status(200)
      .setHeader('Content-Type', 'text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="palma-event-${id}.ics"`)
      .send(ics);
  }

  /** The secret personal feed: no session needed, the address is the credential. */
  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const ics = file.endsWith('.ics') ? await this.calendar.feed(file.slice(0, -4)) : null;
    if (!ics) throw new NotFoundException();
    res
      .status(200)
      .setHeader('Content-Type', 'text/calendar; charset=utf-8')
      .setHeader('Cache-Control', 'private, max-age=300')
      .send(ics);
  }

  @Public()
  @Get('events/:id/cover')
  async cover(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const cover = /^[0-9a-f-]{36}$/i.test(id) ? await this.events.cover(id) : null;
    if (!cover) throw new NotFoundException();
    res
      .status(200)
      .setHeader('Content-Type', cover.contentType)
      .setHeader('Cache-Control', 'public, max-age=86400')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(cover.bytes);
  }

  @Roles('ADMIN', 'TRAINER')
  @Put('events/:id/cover')
  @HttpCode(204)
  async setCover(@Param('id') id: string, @Req() req: Request): Promise<void> {
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new UnsupportedMediaTypeException('Send the image bytes');
    if (body.length > EventLimits.coverBytesMax) throw new PayloadTooLargeException();
    const type = sniffImage(body);
    if (!type) throw new UnsupportedMediaTypeException('PNG, JPEG or WebP only');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundException();
    await this.events.setCover(id, type, body);
  }

  @Roles('ADMIN', 'TRAINER')
  @Get('events/:id/registrations.csv')
  async registrantsCsv(
    @Param('id') id: string,
    @CurrentViewer() viewer: Viewer,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.events.get(viewer, id);
    const sessions = (await this.events.sessionsOf([id])).get(id) ?? [];
    const rows: string[][] = [];
    for (let after: string | null = null; ;) {
      const page = await this.registrations.registrants(id, {}, 100, after);
      for (const { node: a } of page.edges) {
        const session = sessions.find((s) => s.id === a.sessionId);
        rows.push([
          session?.startsAt.toISOString() ?? '',
          a.status,
          a.waitlistPosition?.toString() ?? '',
          a.name,
          a.employeeNumber,
          a.departmentNameKo,
          a.registeredAt.toISOString(),
          a.checkedInAt?.toISOString() ?? '',
        ]);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const csv = stringify(rows, {
      header: true,
      columns: [
        'session_starts_at',
        'status',
        'waitlist_position',
        'name',
        'employee_number',
        'department',
        'registered_at',
        'checked_in_at',
      ],
      bom: true,
    });
    res
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="event-${event.id}-registrations.csv"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(csv);
  }

  private async localeOf(viewer: Viewer): Promise<string> {
    return (await this.people.findById(viewer.personId))?.locale ?? 'ko';
  }
}
