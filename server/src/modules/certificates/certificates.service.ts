import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUuid } from '../../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { PeopleService } from '../org/people.service.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import { Certificate } from './certificate.entity.js';
import { CertificateErrors } from './certificates.errors.js';

/** Crockford-style alphabet: no I, L, O, U — easy to read aloud and type from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

interface Subject {
  kind: 'COURSE' | 'CAMPAIGN';
  subjectId: string;
  personId: string;
  titleKo: string;
  titleEn: string;
  minutes: number;
  completedAt: Date;
}

/**
 * Certificates of completion for a completed course or a fulfilled campaign: issued once per
 * person and subject (a retry returns the same certificate), verifiable by a public code.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly campaigns: CampaignsService,
  ) {}

  async issueForCourse(viewer: Viewer, enrolmentId: string): Promise<Certificate> {
    const rows: {
      person_id: string;
      version_id: string;
      completed_at: Date | null;
      title_ko: string;
      title_en: string;
      credit_minutes: number;
    }[] = isUuid(enrolmentId)
      ? await this.dataSource.query(
          `SELECT e.person_id, e.version_id, e.completed_at, v.title_ko, v.title_en, v.credit_minutes
               FROM course_enrolments e JOIN course_versions v ON v.id = e.version_id
              WHERE e.id = $1`,
          [enrolmentId],
        )
      : [];
    const row = rows[0];
    if (!row || row.person_id !== viewer.personId) throw CertificateErrors.notFound(enrolmentId);
    if (!row.completed_at) throw CertificateErrors.notCompleted();
    return this.issue({
      kind: 'COURSE',
      subjectId: row.version_id,
      personId: row.person_id,
      titleKo: row.title_ko,
      titleEn: row.title_en,
      minutes: row.credit_minutes,
      completedAt: new Date(row.completed_at),
    });
  }

  async issueForCampaign(viewer: Viewer, assignmentId: string): Promise<Certificate> {
    const [progress] = isUuid(assignmentId) ? await this.campaigns.progressOf([assignmentId]) : [];
    if (!progress || progress.personId !== viewer.personId) throw CertificateErrors.notFound(assignmentId);
    if (progress.status !== 'COMPLETED') throw CertificateErrors.notCompleted();
    const campaign = await this.campaigns.get(progress.campaignId);
    return this.issue({
      kind: 'CAMPAIGN',
      subjectId: campaign.id,
      personId: viewer.personId,
      titleKo: campaign.nameKo,
      titleEn: campaign.nameEn,
      minutes: progress.minutesEarned,
      completedAt:
        (await this.campaigns.completionTimes([progress.assignmentId])).get(progress.assignmentId) ??
        new Date(),
    });
  }

  /** Idempotent: the unique (person, kind, subject) key makes a retry return the first certificate. */
  private async issue(subject: Subject): Promise<Certificate> {
    const person = await this.people.findById(subject.personId);
    if (!person) throw CertificateErrors.notFound(subject.personId);
    const { departmentName, issuerName } = await this.departmentAndIssuer(
      this.dataSource.manager,
      person.departmentId,
    );
    const repo = this.dataSource.getRepository(Certificate);
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        ...subject,
        code: newCode(),
        personName: person.name,
        employeeNumber: person.employeeNumber,
        departmentName,
        rank: person.rank,
        issuerName,
      })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({
      personId: subject.personId,
      kind: subject.kind,
      subjectId: subject.subjectId,
    });
  }

  /** The person's department name and the organisation at the top of its tree (the issuer). */
  private async departmentAndIssuer(
    em: EntityManager,
    departmentId: string,
  ): Promise<{ departmentName: string; issuerName: string }> {
    const chain: { name_ko: string; depth: number }[] = await em.query(
      `WITH RECURSIVE up(id, parent_id, name_ko, depth) AS (
         SELECT id, parent_id, name_ko, 0 FROM departments WHERE id = $1
         UNION ALL
         SELECT d.id, d.parent_id, d.name_ko, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id WHERE up.depth < 50
       ) SELECT name_ko, depth FROM up ORDER BY depth`,
      [departmentId],
    );
    return { departmentName: chain[0]?.name_ko ?? '', issuerName: chain.at(-1)?.name_ko ?? '' };
  }

  myCertificates(personId: string): Promise<Certificate[]> {
    return this.dataSource
      .getRepository(Certificate)
      .find({ where: { personId }, order: { issuedAt: 'DESC' } });
  }

  /** The certificate if the viewer may download it: its owner, an admin, or the owner's manager. */
  async forDownload(viewer: Viewer, id: string): Promise<Certificate> {
    const certificate = isUuid(id)
      ? await this.dataSource.getRepository(Certificate).findOneBy({ id })
      : null;
    if (!certificate) throw CertificateErrors.notFound(id);
    if (certificate.personId === viewer.personId) return certificate;
    const owner = await this.people.findById(certificate.personId);
    const scope = await this.people.scopeOf(viewer);
    if (!owner || (scope.kind === 'departments' && !scope.ids.has(owner.departmentId)))
      throw CertificateErrors.notFound(id);
    return certificate;
  }

  verifyUrl(code: string): string {
    return `${this.config.publicUrl}/verify/${encodeURIComponent(code)}`;
  }

  pdf(certificate: Certificate): Promise<Buffer> {
    return renderCertificatePdf(certificate, this.verifyUrl(certificate.code));
  }

  /** Public: whether a code is genuine, with only the name, the training and the date. */
  async verify(code: string): Promise<Certificate | null> {
    const normalised = code
      .trim()
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '');
    if (normalised.length !== 12) return null;
    const formatted = `${normalised.slice(0, 4)}-${normalised.slice(4, 8)}-${normalised.slice(8)}`;
    return this.dataSource.getRepository(Certificate).findOneBy({ code: formatted });
  }
}
