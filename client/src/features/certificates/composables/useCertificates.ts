import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  IssueCampaignCertificateDocument,
  IssueCourseCertificateDocument,
  MyCertificatesDocument,
  VerifyCertificateDocument,
  type CertificateFieldsFragment,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type Certificate = CertificateFieldsFragment;

/** The kinds the server issues (Certificate.kind). */
export type CertificateKind = 'COURSE' | 'CAMPAIGN';

/** The viewer's certificates, newest first. */
export function useMyCertificates() {
  const query = useQuery({
    query: MyCertificatesDocument,
    requestPolicy: 'cache-and-network',
    // An empty list holds no Certificate: still refresh it after one is issued.
    context: { additionalTypenames: ['Certificate'] },
  });
  const certificates = computed<Certificate[]>(() => query.data.value?.myCertificates ?? []);

  /**
   * The certificate already issued for a subject: a campaign's id, or the course version an
   * enrolment took.
   */
  function issuedFor(kind: CertificateKind, subjectId: string): Certificate | null {
    return certificates.value.find((c) => c.kind === kind && c.subjectId === subjectId) ?? null;
  }

  return {
    certificates,
    issuedFor,
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}

/** Issuing is idempotent on the server: asking twice returns the same certificate. */
export function useIssueCertificate() {
  const course = useMutation(IssueCourseCertificateDocument);
  const campaign = useMutation(IssueCampaignCertificateDocument);
  const touches = { additionalTypenames: ['Certificate'] };

  async function issueForCourse(enrolmentId: string): Promise<MutationOutcome<Certificate>> {
    const r = await course.executeMutation({ enrolmentId }, touches);
    return r.data
      ? { ok: true, data: r.data.issueCourseCertificate }
      : { ok: false, problem: toProblem(r.error) };
  }
  async function issueForCampaign(assignmentId: string): Promise<MutationOutcome<Certificate>> {
    const r = await campaign.executeMutation({ assignmentId }, touches);
    return r.data
      ? { ok: true, data: r.data.issueCampaignCertificate }
      : { ok: false, problem: toProblem(r.error) };
  }

  return {
    issueForCourse,
    issueForCampaign,
    issuing: computed(() => course.fetching.value || campaign.fetching.value),
  };
}

/** A code as printed ("7K3M-Q9XA-2BCD"), however it was typed; anything else as it was. */
export function printedCode(code: string): string {
  const plain = code
    .trim()
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : code.trim();
}

/** Public check of a certificate code (no sign-in needed); paused while there is no code. */
export function useCertificateVerification(code: Ref<string>) {
  const query = useQuery({
    query: VerifyCertificateDocument,
    variables: computed(() => ({ code: code.value })),
    pause: computed(() => code.value.trim() === ''),
  });
  return {
    verification: computed(() => query.data.value?.verifyCertificate ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}
