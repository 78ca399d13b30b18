import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import CheckInTokenForm from './CheckInTokenForm.vue';

const TOKEN = 'PT1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB';

function render() {
  return mount(CheckInTokenForm, { global: { plugins: [createAppI18n('ko')] }, attachTo: document.body });
}

describe('CheckInTokenForm', () => {
  it('sends what a hand scanner typed when it presses Enter, then is ready for the next ticket', async () => {
    const wrapper = render();
    const input = wrapper.get('input');
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('입장권 코드');
    await input.setValue(`  ${TOKEN}  `);
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('submit')).toEqual([[TOKEN]]);
    expect((input.element as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(input.element);
    wrapper.unmount();
  });

  it('sends nothing for an empty field', async () => {
    const wrapper = render();
    await wrapper.get('input').setValue('   ');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('submit')).toBeUndefined();
    wrapper.unmount();
  });
});
