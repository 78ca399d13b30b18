import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { CheckInPanel } from '../../check-in-result';
import CheckInResultPanel from './CheckInResultPanel.vue';

function render(panel: CheckInPanel | null, locale: 'ko' | 'en' = 'ko') {
  return mount(CheckInResultPanel, {
    props: { panel, checking: false, timeZone: 'Asia/Seoul' },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('CheckInResultPanel', () => {
  it('shows who came in, in the department’s name of the viewer’s language', () => {
    const wrapper = render(
      {
        kind: 'admitted',
        registrationId: 'r-1',
        name: 'Emily Park',
        departmentNameKo: '계약과',
        departmentNameEn: 'Contracts Division',
        employeeNumber: 'P0005',
        checkedInAt: '2026-12-20T09:58:00Z',
      },
      'en',
    );
    const panel = wrapper.get('[role="status"]');
    expect(panel.text()).toContain('Checked in');
    expect(panel.text()).toContain('Emily Park');
    expect(panel.text()).toContain('Contracts Division · Employee no. P0005');
    expect(panel.text()).toContain('Checked in at 18:58');
  });

  it('refuses loudly with the reason, the name and when they came in', () => {
    const wrapper = render({
      kind: 'refused',
      code: 'ALREADY_CHECKED_IN',
      name: '김민수',
      checkedInAt: '2026-12-20T09:58:00Z',
    });
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('입장 불가');
    expect(alert.text()).toContain('이미 입장 처리되었습니다.');
    expect(alert.text()).toContain('김민수');
    // The time of day in Seoul (the wording of AM/PM depends on the runtime's locale data).
    expect(alert.text()).toMatch(/6:58에 이미 입장했습니다\./);
  });

  it('says what to do before the first scan, and can be cleared after one', async () => {
    expect(render(null).text()).toContain('입장권 QR을 비추거나 코드를 입력하세요.');
    const wrapper = render({ kind: 'refused', code: 'TICKET_INVALID', name: null, checkedInAt: null });
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('dismiss')).toHaveLength(1);
  });
});
