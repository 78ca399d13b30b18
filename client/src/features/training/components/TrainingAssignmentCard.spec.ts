import { mount, RouterLinkStub } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createAppI18n } from '@/app/i18n';
import type { Certificate } from '@/features/certificates/composables/useCertificates';
import type { TrainingAssignment } from '../composables/useMyTraining';
import TrainingAssignmentCard from './TrainingAssignmentCard.vue';

// The certificate button talks to the server only through this composable: replace it.
const issuing = vi.hoisted(() => ({ issueForCampaign: vi.fn(), issueForCourse: vi.fn() }));
vi.mock('@/features/certificates/composables/useCertificates', () => ({
  useIssueCertificate: () => ({ ...issuing, issuing: ref(false) }),
}));

function assignment(overrides: Partial<TrainingAssignment> = {}): TrainingAssignment {
  return {
    id: 'a-1',
    dueAt: '2026-06-30T14:59:00Z',
    daysLeft: 12,
    minutesEarned: 30,
    minutesTarget: 60,
    percent: 50,
    status: 'IN_PROGRESS',
    campaign: {
      id: 'c-1',
      nameKo: '2026년 상반기 청렴교육',
      nameEn: '2026 first-half integrity training',
      descriptionKo: '',
      descriptionEn: '',
      dueAt: '2026-06-30T14:59:00Z',
      periodStart: '2026-01-01T00:00:00Z',
      periodEnd: '2026-12-31T15:00:00Z',
    },
    requiredCourses: [
      { courseId: 'k-1', titleKo: '청탁금지법', titleEn: 'Improper Solicitation Act', completed: true },
      { courseId: 'k-2', titleKo: '이해충돌방지법', titleEn: 'Conflict of Interest Act', completed: false },
    ],
    ...overrides,
  };
}

const certificate: Certificate = {
  id: 'cert-1',
  code: '7K3M-Q9XA-2BCD',
  kind: 'CAMPAIGN',
  subjectId: 'c-1',
  titleKo: '2026년 상반기 청렴교육',
  titleEn: '2026 first-half integrity training',
  minutes: 60,
  completedAt: '2026-05-02T01:00:00Z',
  issuedAt: '2026-05-02T01:00:00Z',
  pdfUrl: '/certificates/cert-1/pdf',
  verifyUrl: 'https://palma.example/verify/7K3M-Q9XA-2BCD',
};

function render(a: TrainingAssignment, issued: Certificate | null = null, locale: 'ko' | 'en' = 'ko') {
  return mount(TrainingAssignmentCard, {
    props: { assignment: a, certificate: issued },
    global: { plugins: [createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } },
  });
}

const buttons = (w: ReturnType<typeof render>, name: string) =>
  w.findAll('button').filter((b) => b.text() === name);

describe('TrainingAssignmentCard', () => {
  beforeEach(() => issuing.issueForCampaign.mockReset());

  it('shows progress, the countdown and each required course with its state, and no certificate yet', () => {
    const w = render(assignment());
    const bar = w.get('[role="progressbar"]');
    expect(bar.attributes()).toMatchObject({
      'aria-valuenow': '50',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-label': '2026년 상반기 청렴교육 진행률',
    });
    expect(w.text()).toContain('50% 달성');
    expect(w.text()).toContain('D-12');
    expect(w.text()).toContain('30 / 60분');
    expect(w.text()).toContain('1 / 2개 이수');
    const courses = w.findAll('li').map((li) => li.text());
    expect(courses[0]).toContain('청탁금지법');
    expect(courses[0]).toContain('(이수)');
    expect(courses[1]).toContain('(미이수)');
    expect(w.findAllComponents(RouterLinkStub).map((l) => l.props('to'))).toEqual([
      { name: 'course', params: { id: 'k-1' } },
      { name: 'course', params: { id: 'k-2' } },
    ]);
    expect(buttons(w, '이수증 받기')).toHaveLength(0);
  });

  it('marks overdue training in words, not by colour alone', () => {
    const w = render(assignment({ status: 'OVERDUE', daysLeft: -3 }), null, 'en');
    expect(w.get('.badge').text()).toContain('Overdue');
    expect(w.text()).toContain('3 days overdue');
    expect(w.text()).toContain('The due date has passed');
    expect(buttons(w, 'Get certificate')).toHaveLength(0);
  });

  it('offers the certificate once completed and shows the download link after issuing it', async () => {
    issuing.issueForCampaign.mockResolvedValue({ ok: true, data: certificate });
    const w = render(assignment({ status: 'COMPLETED', percent: 100, minutesEarned: 60, daysLeft: 5 }));
    expect(w.text()).not.toContain('D-5');
    const [get] = buttons(w, '이수증 받기');
    expect(get).toBeDefined();
    await get.trigger('click');
    await vi.waitFor(() => expect(w.find('a[download]').exists()).toBe(true));
    expect(issuing.issueForCampaign).toHaveBeenCalledWith('a-1');
    expect(w.get('a[download]').attributes('href')).toBe('/certificates/cert-1/pdf');
    expect(buttons(w, '이수증 받기')).toHaveLength(0);
  });

  it('links straight to a certificate issued before', () => {
    const w = render(assignment({ status: 'COMPLETED', percent: 100 }), certificate, 'en');
    expect(buttons(w, 'Get certificate')).toHaveLength(0);
    expect(w.get('a[download]').attributes('aria-label')).toBe(
      'Download the certificate for 2026 first-half integrity training (PDF)',
    );
  });
});
