import { Controller, Get, Param, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { LiveGamesService } from './live-games.service.js';

/** A finished (or running) game's results for the host: ranks, points and "who got how many right". */
@Controller('api/live')
export class LiveController {
  constructor(private readonly games: LiveGamesService) {}

  @Roles('TRAINER', 'ADMIN')
  @Get(':id/results.csv')
  async results(
    @Param('id') id: string,
    @CurrentViewer() viewer: Viewer,
    @Res() res: Response,
  ): Promise<void> {
    const report = await this.games.report(await this.games.hosted(viewer, id));
    const csv = stringify(
      report.players.map((p) => [
        p.rank ?? '',
        p.nickname,
        p.team,
        p.guest ? 'guest' : 'employee',
        p.score,
        p.correct,
        p.answered,
        report.rounds.length,
        p.alive ? 'yes' : 'no',
        p.kicked ? 'yes' : 'no',
      ]),
      {
        header: true,
        columns: [
          'rank',
          'name',
          'team',
          'kind',
          'points',
          'correct',
          'answered',
          'rounds',
          'standing',
          'removed',
        ],
        bom: true,
        // Guests choose their nicknames: a leading = + - @ must not become a spreadsheet formula.
        escape_formulas: true,
      },
    );
    res
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="live-game-${report.game.id}-results.csv"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(csv);
  }
}
