import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, ref } from 'vue';
import type { EventAdminEventFieldsFragment } from '@/api/graphql';
import { createAppI18n } from '@/app/i18n';
import EventAdminForm from './EventAdminForm.vue';

const mutations = vi.hoisted(() => ({ createEvent: vi.fn(), updateEvent: vi.fn() }));
vi.mock('../../composables/useEventAdmin', () => ({
  useEventAdminMutations: () => ({ ...mutations, saving: ref(false) }),
  useEventAdminStaffCandidates: () => ({ results: ref([]), searched: ref(false), fetching: ref(false) }),
}));
vi.mock('@/features/org/composables/useDepartments', () => ({
  useDepartments: () => ({ flat: computed(() => []) }),
}));

const SESSION = '0b8f1c52-5d2e-4a61-9f0e-1a2b3c4d5e6f';
const saved: EventAdminEventFieldsFragment = {
  id: 'event-1',
  titleKo: '청렴 콘서트',
  titleEn: 'Integrity concert',
  descriptionKo: '',
  descriptionEn: '',
  kind: 'CONCERT',
  performers: '',
  venue: '대강당',
  onlineUrl: '',
  timeZone: 'Asia/Seoul',
  creditMinutes: 60,
  registrationOpensAt: null,
  registrationClosesAt: null,
  cancelCutoffMinutes: 60,
  audienceDepartmentIds: [],
  staffPersonIds: [],
  staff: [],
  status: 'PUBLISHED',
  cancelReason: '',
  publishedAt: '2026-11-01T00:00:00Z',
  coverUrl: null,
  updatedAt: '2026-11-01T00:00:00Z',
  sessions: [
    {
      id: SESSION,
      startsAt: '2026-12-03T01:00:00.000Z',
      endsAt: '2026-12-03T03:00:00.000Z',
      capacity: 120,
      confirmedCount: 40,
      waitlistCount: 0,
      checkedInCount: 0,
      seatsLeft: 80,
    },
  ],
};

function render(event: EventAdminEventFieldsFragment | null) {
  return mount(EventAdminForm, {
    props: { event, readonly: false },
    global: { plugins: [createAppI18n('ko')] },
    attachTo: document.body,
  });
}
const field = (wrapper: ReturnType<typeof render>, label: string) => {
  const labelEl = wrapper.findAll('label').find((l) => l.text() === label);
  if (!labelEl) throw new Error(`no field labelled ${label}`);
  return wrapper.get(`#${CSS.escape(labelEl.attributes('for') ?? '')}`);
};
const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('EventAdminForm', () => {
  beforeEach(() => {
    mutations.createEvent.mockReset();
    mutations.updateEvent.mockReset();
  });

  it('checks a new event with the shared rules before sending anything', async () => {
    const wrapper = render(null);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(mutations.createEvent).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('입력한 내용을 확인해 주세요.');
    expect(field(wrapper, '행사명 (한국어)').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('장소나 온라인 주소 중 하나를 입력하세요.');
    wrapper.unmount();
  });

  it('creates the event with its sessions in the event’s time zone', async () => {
    mutations.createEvent.mockResolvedValue({ ok: true, data: saved });
    const wrapper = render(null);
    await field(wrapper, '행사명 (한국어)').setValue('청렴 콘서트');
    await field(wrapper, '행사명 (영어)').setValue('Integrity concert');
    await field(wrapper, '장소').setValue('대강당');
    await field(wrapper, '시작').setValue('2026-12-03T10:00');
    await field(wrapper, '종료').setValue('2026-12-03T12:00');
    await field(wrapper, '정원').setValue('120');
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(mutations.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        titleKo: '청렴 콘서트',
        sessions: [
          { startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T03:00:00.000Z', capacity: 120 },
        ],
      }),
    );
    expect(wrapper.emitted('saved')).toEqual([[saved, true]]);
    wrapper.unmount();
  });

  it('explains the capacity floor of a session with confirmed people, and shows the server’s refusal there', async () => {
    mutations.updateEvent.mockResolvedValue({
      ok: false,
      problem: {
        code: 'CAPACITY_BELOW_CONFIRMED',
        serverMessage: '',
        details: { sessionId: SESSION, confirmed: 45 },
      },
    });
    const wrapper = render(saved);
    expect(wrapper.text()).toContain('확정 40명 · 대기 0명');
    expect(wrapper.text()).toContain('정원은 이미 확정된 40명보다 적게 줄일 수 없습니다.');
    // More people confirmed since the page was loaded: the server has the last word.
    await field(wrapper, '정원').setValue('42');
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(mutations.updateEvent).toHaveBeenCalledWith(
      'event-1',
      expect.objectContaining({ sessions: [expect.objectContaining({ id: SESSION, capacity: 42 })] }),
    );
    expect(wrapper.text()).toContain('정원을 이미 확정된 인원보다 적게 줄일 수 없습니다.');
    expect(wrapper.text()).toContain('이미 확정된 45명보다 적게 할 수 없습니다.');
    expect(field(wrapper, '정원').attributes('aria-invalid')).toBe('true');
    wrapper.unmount();
  });
});
