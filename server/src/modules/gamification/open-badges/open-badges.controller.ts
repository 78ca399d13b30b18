import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, CurrentViewer, Public, Roles } from '../../../common/auth/decorators.js';
import type { Viewer } from '../../../common/auth/viewer.js';
import { SigningKeysService } from './signing-keys.service.js';
import {
  OpenBadgesService,
  type CredentialStatus,
  type CredentialVerification,
} from './open-badges.service.js';

const JSON_LD = 'application/ld+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Open Badges 3.0 over plain HTTP: the documents a credential links to (issuer, achievement,
 * status, keys) are public because whoever receives a shared badge must be able to check it;
 * the credential itself goes to its owner (or an admin) only. Nothing here names the recipient.
 */
@Controller('api/ob')
export class OpenBadgesController {
  constructor(
    private readonly openBadges: OpenBadgesService,
    private readonly keys: SigningKeysService,
  ) {}

  @Public()
  @Get('issuer')
  async issuer(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    res.setHeader('Content-Type', JSON_LD).setHeader('Cache-Control', 'public, max-age=300');
    return this.openBadges.issuerDocument();
  }

  @Public()
  @Get('jwks')
  async jwks(
    @Res({ passthrough: true }) res: Response,
  ): Promise<Awaited<ReturnType<OpenBadgesService['jwks']>>> {
    res.setHeader('Content-Type', JSON_TYPE).setHeader('Cache-Control', 'public, max-age=300');
    return this.openBadges.jwks();
  }

  @Public()
  @Get('achievements/:badgeId')
  async achievement(
    @Param('badgeId') badgeId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const document = await this.openBadges.achievementDocument(badgeId);
    res.setHeader('Content-Type', JSON_LD).setHeader('Cache-Control', 'public, max-age=300');
    return document;
  }

  /** The owner's (or an admin's) download: `?format=jwt` (default, signed) or `?format=json`. */
  @Authenticated()
  @Get('credentials/:awardId')
  async credential(
    @Param('awardId') awardId: string,
    @Query('format') format: string | undefined,
    @CurrentViewer() viewer: Viewer,
    @Res() res: Response,
  ): Promise<void> {
    if (format !== undefined && format !== 'jwt' && format !== 'json')
      throw new BadRequestException('format must be jwt or json');
    const file = await this.openBadges.export(viewer, awardId, format ?? 'jwt');
    res
      .status(200)
      .setHeader('Content-Type', file.format === 'jwt' ? 'application/jwt; charset=utf-8' : JSON_LD)
      .setHeader('Content-Disposition', `attachment; filename="${file.filename}.${file.format}"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(file.body);
  }

  @Public()
  @Get('credentials/:awardId/status')
  async status(
    @Param('awardId') awardId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CredentialStatus> {
    const status = await this.openBadges.status(awardId);
    // A revocation must be seen at once by the next verifier.
    res.setHeader('Content-Type', JSON_TYPE).setHeader('Cache-Control', 'no-cache');
    return status;
  }

  /** Body `{ credential: "<jwt>", email?: "..." }`; always 200 with the verdict (bad input included). */
  @Public()
  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: unknown, @Req() req: Request): Promise<CredentialVerification> {
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    return this.openBadges.verify(fields.credential, fields.email, req.ip ?? 'unknown');
  }

  /** Retires the signing key and starts a new one (credentials signed before keep verifying). */
  @Roles('ADMIN')
  @Post('keys/rotate')
  @HttpCode(200)
  async rotate(): Promise<{ kid: string }> {
    const { kid } = await this.keys.rotate();
    return { kid };
  }
}
