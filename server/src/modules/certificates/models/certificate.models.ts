import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Certificate } from '../certificate.entity.js';

@ObjectType('Certificate', { description: 'A certificate of completion (이수증).' })
export class CertificateModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() kind: string;
  @Field(() => ID) subjectId: string;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field(() => Int) minutes: number;
  @Field() completedAt: Date;
  @Field() issuedAt: Date;
  @Field({ description: 'Download path of the PDF (signed-in owner, their manager or an admin)' })
  pdfUrl: string;
  @Field({ description: 'Public page that confirms the certificate' }) verifyUrl: string;

  static from(c: Certificate, verifyUrl: string): CertificateModel {
    return Object.assign(new CertificateModel(), {
      id: c.id,
      code: c.code,
      kind: c.kind,
      subjectId: c.subjectId,
      titleKo: c.titleKo,
      titleEn: c.titleEn,
      minutes: c.minutes,
      completedAt: c.completedAt,
      issuedAt: c.issuedAt,
      pdfUrl: `/api/certificates/${c.id}/pdf`,
      verifyUrl,
    });
  }
}

@ObjectType({ description: 'What anyone may learn from a verification code: only name, training and date.' })
export class CertificateVerification {
  @Field() valid: boolean;
  @Field(() => String, { nullable: true }) personName: string | null;
  @Field(() => String, { nullable: true }) titleKo: string | null;
  @Field(() => String, { nullable: true }) titleEn: string | null;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => String, { nullable: true }) issuerName: string | null;
}
