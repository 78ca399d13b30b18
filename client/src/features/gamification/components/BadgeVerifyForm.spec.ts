import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import BadgeVerifyForm from './BadgeVerifyForm.vue';

const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
function render() {
  return mount(BadgeVerifyForm, { global: { plugins: [createAppI18n('ko')] }, attachTo: document.body });
}
const flush = () => new Promise((resolve) => setTimeout(resolve));
async function verify(wrapper: VueWrapper, text: string) {
  await wrapper.get('textarea').setValue(text);
  await wrapper.get('form').trigger('submit');
  await flush();
  await flush();
}

describe('BadgeVerifyForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the pasted credential and shows a valid badge', async () => {
    const fetchMock = answer(200, {
      valid: true,
      revoked: false,
      errors: [],
      badgeName: '청렴 새싹',
      issuedAt: '2026-03-02T01:00:00Z',
      issuer: { name: '팔마시청' },
    });
    const wrapper = render();
    await verify(wrapper, `\n${JWT}\n`);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/ob/verify',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ credential: JWT }) }),
    );
    const result = wrapper.get('section.verify-result');
    expect(result.classes()).toContain('verify-result--valid');
    expect(result.text()).toContain('유효한 배지입니다');
    expect(result.text()).toContain('청렴 새싹');
    expect(result.text()).toContain('팔마시청');
    expect(result.text()).toContain('2026년 3월 2일');
    expect(document.activeElement).toBe(result.element);
    wrapper.unmount();
  });

  it('shows a revoked badge apart from an invalid one', async () => {
    answer(200, { valid: false, revoked: true, errors: ['credential revoked'], badgeName: '청렴 새싹' });
    const wrapper = render();
    await verify(wrapper, JWT);
    const result = wrapper.get('section.verify-result');
    expect(result.classes()).toContain('verify-result--revoked');
    expect(result.text()).toContain('취소된 배지입니다');
    expect(result.text()).not.toContain('유효한 배지입니다');
    wrapper.unmount();
  });

  it('shows why a credential is invalid', async () => {
    answer(200, { valid: false, revoked: false, errors: ['signature does not verify'] });
    const wrapper = render();
    await verify(wrapper, JWT);
    const result = wrapper.get('section.verify-result');
    expect(result.classes()).toContain('verify-result--invalid');
    expect(result.text()).toContain('검증하지 못했습니다');
    expect(result.text()).toContain('signature does not verify');
    wrapper.unmount();
  });

  it('asks for a credential before sending, and says when the verifier is unreachable', async () => {
    const fetchMock = answer(404, {});
    const wrapper = render();
    await verify(wrapper, '   ');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('증명서 내용을 붙여 넣거나 파일을 고르세요.');

    await verify(wrapper, JWT);
    expect(wrapper.find('section.verify-result').exists()).toBe(false);
    expect(wrapper.text()).toContain('지금은 검증 서비스를 쓸 수 없습니다.');
    wrapper.unmount();
  });
});
