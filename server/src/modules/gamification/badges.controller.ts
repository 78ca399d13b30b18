import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Put,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { BadgeLimits } from '@palma/shared';
import express, { type Request, type Response } from 'express';
import { Public, Roles } from '../../common/auth/decorators.js';
import { BadgesService } from './badges.service.js';

export const badgeImageBodyParser = express.raw({ type: () => true, limit: BadgeLimits.imageBytesMax });

/** Badge images: public (credentials and shared links point here); admins upload. */
@Controller('api')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  @Public()
  @Get('badges/:id/image')
  async image(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const { contentType, bytes } = await this.badges.image(id);
    res
      .status(200)
      .setHeader('Content-Type', contentType)
      .setHeader('Cache-Control', 'public, max-age=300')
      // An uploaded SVG is shown as an image, never run as a document.
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(bytes);
  }

  @Roles('ADMIN')
  @Put('badges/:id/image')
  @HttpCode(204)
  async setImage(@Param('id') id: string, @Req() req: Request): Promise<void> {
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new UnsupportedMediaTypeException('Send the image bytes');
    await this.badges.setImage(id, { bytes: body, contentType: req.headers['content-type'] ?? '' });
  }

  @Roles('ADMIN')
  @Delete('badges/:id/image')
  @HttpCode(204)
  async clearImage(@Param('id') id: string): Promise<void> {
    await this.badges.setImage(id, null);
  }
}
