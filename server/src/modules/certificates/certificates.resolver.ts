import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Public } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { CertificatesService } from './certificates.service.js';
import { CertificateModel, CertificateVerification } from './models/certificate.models.js';

@Resolver()
export class CertificatesResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @Authenticated()
  @Mutation(() => CertificateModel, {
    description: 'Issues (once) the certificate of a completed course enrolment.',
  })
  async issueCourseCertificate(
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CertificateModel> {
    const c = await this.certificates.issueForCourse(viewer, enrolmentId);
    return CertificateModel.from(c, this.certificates.verifyUrl(c.code));
  }

  @Authenticated()
  @Mutation(() => CertificateModel, { description: 'Issues (once) the certificate of a fulfilled campaign.' })
  async issueCampaignCertificate(
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CertificateModel> {
    const c = await this.certificates.issueForCampaign(viewer, assignmentId);
    return CertificateModel.from(c, this.certificates.verifyUrl(c.code));
  }

  @Authenticated()
  @Query(() => [CertificateModel])
  async myCertificates(@CurrentViewer() viewer: Viewer): Promise<CertificateModel[]> {
    return (await this.certificates.myCertificates(viewer.personId)).map((c) =>
      CertificateModel.from(c, this.certificates.verifyUrl(c.code)),
    );
  }

  @Public()
  @Query(() => CertificateVerification, { description: 'Public: is this certificate code genuine?' })
  async verifyCertificate(@Args('code') code: string): Promise<CertificateVerification> {
    const c = await this.certificates.verify(code.slice(0, 40));
    return c
      ? {
          valid: true,
          personName: c.personName,
          titleKo: c.titleKo,
          titleEn: c.titleEn,
          completedAt: c.completedAt,
          issuerName: c.issuerName,
        }
      : { valid: false, personName: null, titleKo: null, titleEn: null, completedAt: null, issuerName: null };
  }
}
