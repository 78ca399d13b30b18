import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Authenticated, CurrentViewer } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { CertificatesService } from './certificates.service.js';

/** PDF downloads live outside GraphQL: binary bodies, plain links, the session cookie. */
@Controller('api/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Authenticated()
  @Get(':id/pdf')
  async pdf(@Param('id') id: string, @CurrentViewer() viewer: Viewer, @Res() res: Response): Promise<void> {
    const certificate = await this.certificates.forDownload(viewer, id);
    const pdf = await this.certificates.pdf(certificate);
    const filename = `certificate-${certificate.code}.pdf`;
    res
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(`이수증-${certificate.code}.pdf`)}`,
      )
      .setHeader('Cache-Control', 'private, no-store')
      .send(pdf);
  }
}
