import { mount, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, ref } from 'vue';
import { createAppI18n } from '@/app/i18n';
import type { AdminBadge } from '../badge-admin-form';
import BadgeAdminForm from './BadgeAdminForm.vue';

const mutations = vi.hoisted(() => ({ createBadge: vi.fn(), updateBadge: vi.fn() }));
vi.mock('../composables/useBadgeAdmin', () => ({
  useBadgeAdminMutations: () => ({ ...mutations, saving: ref(false) }),
}));
const previewOf = vi.hoisted(() => vi.fn());
vi.mock('../composables/useBadgeAdminPreview', () => ({
  useBadgeAdminPreview: (criteria: unknown, badgeId: unknown) => {
    previewOf(criteria, badgeId);
    return {
      preview: computed(() => null),
      stale: computed(() => false),
      fetching: ref(false),
      problem: computed(() => null),
      check: vi.fn(),
    };
  },
}));

const OTHER = '00000000-0000-4000-8000-0000000000b2';
const badge: AdminBadge = {
  id: '00000000-0000-4000-8000-0000000000b1',
  nameKo: '청렴 새싹',
  nameEn: 'Integrity sprout',
  descriptionKo: '첫 과정을 마쳤습니다.',
  descriptionEn: 'Finished a first course.',
  criteriaTextKo: '',
  criteriaTextEn: '',
  criteria: JSON.stringify({ all: [{ kind: 'BADGE_EARNED', badgeId: OTHER }] }),
  criteriaNarrativeKo: '',
  criteriaNarrativeEn: '',
  team: false,
  status: 'ACTIVE',
  version: 1,
  imageUrl: '/api/badges/b1/image',
  hasUploadedImage: false,
  createdAt: '2026-01-01T00:00:00Z',
  template: { shape: 'CIRCLE', color: '#1d5a99', symbol: '★' },
};
const choices = { courses: [], campaigns: [], badges: [{ id: OTHER, label: '청렴 리더' }] };

function render(b: AdminBadge | null) {
  return mount(BadgeAdminForm, {
    props: { badge: b, choices },
    global: { plugins: [createAppI18n('ko')] },
    attachTo: document.body,
  });
}
const field = (wrapper: VueWrapper, label: string) => {
  const labelEl = wrapper.findAll('label').find((l) => l.text() === label);
  if (!labelEl) throw new Error(`no field labelled ${label}`);
  return wrapper.get(`#${CSS.escape(labelEl.attributes('for') ?? '')}`);
};
const criteriaSection = (wrapper: VueWrapper) =>
  wrapper.findAll('fieldset').find((f) => f.find('legend').text() === '받는 조건')!;
const flush = () => new Promise((resolve) => setTimeout(resolve));
const refused = (code: string, details: Record<string, unknown> = {}) => ({
  ok: false,
  problem: { code, serverMessage: '', details },
});

describe('BadgeAdminForm', () => {
  beforeEach(() => {
    mutations.createBadge.mockReset();
    mutations.updateBadge.mockReset();
  });

  it('previews an edited badge as itself (so the server checks cycles through it), a new one as new', () => {
    previewOf.mockClear();
    render(badge).unmount();
    render(null).unmount();
    const ids = previewOf.mock.calls.map(([, id]) => (id as { value: string | null }).value);
    expect(ids).toEqual([badge.id, null]);
  });

  it('checks a new badge with the shared rules before sending anything', async () => {
    const wrapper = render(null);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(mutations.createBadge).not.toHaveBeenCalled();
    expect(field(wrapper, '배지 이름 (한국어)').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('필수 항목입니다.');
    wrapper.unmount();
  });

  it('creates a badge with its criteria as JSON', async () => {
    mutations.createBadge.mockResolvedValue({ ok: true, data: badge });
    const wrapper = render(null);
    await field(wrapper, '배지 이름 (한국어)').setValue('청렴 새싹');
    await field(wrapper, '배지 이름 (영어)').setValue('Integrity sprout');
    await field(wrapper, '설명 (한국어)').setValue('첫 과정을 마쳤습니다.');
    await field(wrapper, '설명 (영어)').setValue('Finished a first course.');
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(mutations.createBadge).toHaveBeenCalledWith(
      expect.objectContaining({
        nameKo: '청렴 새싹',
        criteria: JSON.stringify({ all: [{ kind: 'COURSES_COMPLETED', count: 1 }] }),
        template: { shape: 'CIRCLE', color: '#1d5a99', symbol: '★' },
      }),
    );
    expect(wrapper.emitted('saved')).toEqual([[badge, true, false]]);
    wrapper.unmount();
  });

  it('shows a badge cycle refused by the server beside the criteria', async () => {
    mutations.updateBadge.mockResolvedValue(refused('CRITERIA_CYCLE', { badgeIds: [badge.id, OTHER] }));
    const wrapper = render(badge);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(mutations.updateBadge).toHaveBeenCalledWith(badge.id, expect.anything());
    const message = '배지들이 서로를 조건으로 요구하여 아무도 받을 수 없습니다.';
    expect(criteriaSection(wrapper).text()).toContain(message);
    expect(wrapper.get('[role="alert"].alert').text()).toContain(message);
    expect(wrapper.emitted('saved')).toBeUndefined();
    wrapper.unmount();
  });

  it('puts the server’s field problems on their fields (VALIDATION_FAILED)', async () => {
    mutations.updateBadge.mockResolvedValue(
      refused('VALIDATION_FAILED', {
        fields: [
          { field: 'nameKo', message: 'already used by another badge' },
          { field: 'template.color', message: 'a colour like #1f6feb' },
        ],
      }),
    );
    const wrapper = render(badge);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(wrapper.text()).toContain('입력한 내용을 확인해 주세요.');
    const name = field(wrapper, '배지 이름 (한국어)');
    expect(name.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${CSS.escape(`${name.attributes('id')}-error`)}`).text()).toBe(
      '같은 이름의 배지가 이미 있습니다.',
    );
    expect(field(wrapper, '색상').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('#1d5a99 같은 색상을 고르세요.');
    wrapper.unmount();
  });

  it('places the server’s CRITERIA_INVALID problems at their condition', async () => {
    mutations.updateBadge.mockResolvedValue(
      refused('CRITERIA_INVALID', { problems: [{ path: 'all.0.badgeId', message: 'not an id' }] }),
    );
    const wrapper = render(badge);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(criteriaSection(wrapper).text()).toContain('배지 조건이 올바르지 않습니다.');
    expect(field(wrapper, '먼저 받아야 하는 배지').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('확인이 필요합니다: not an id');
    wrapper.unmount();
  });
});
