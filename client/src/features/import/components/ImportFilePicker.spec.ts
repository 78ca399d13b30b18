import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import ImportFilePicker from './ImportFilePicker.vue';

function render(props: Partial<{ error: string | null; canApply: boolean }> = {}) {
  const wrapper = mount(ImportFilePicker, {
    props: {
      label: 'CSV file',
      hint: 'UTF-8 or EUC-KR',
      accept: '.csv,text/csv',
      checkLabel: 'Check file',
      error: null,
      canApply: false,
      busy: false,
      modelValue: null,
      'onUpdate:modelValue': (file: File | null) => wrapper.setProps({ modelValue: file }),
      ...props,
    },
    global: { plugins: [createAppI18n('en')] },
  });
  return wrapper;
}

describe('ImportFilePicker', () => {
  it('labels the field, describes it with the hint and accepts only the given types', () => {
    const wrapper = render();
    const input = wrapper.get('input[type="file"]');
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('CSV file');
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toBe('UTF-8 or EUC-KR');
    expect(input.attributes('accept')).toBe('.csv,text/csv');
  });

  it('hands the chosen file to the form, and empties the field when the form drops it', async () => {
    const wrapper = render();
    const input = wrapper.get<HTMLInputElement>('input[type="file"]');
    const file = new File(['a,b'], 'people.csv', { type: 'text/csv' });
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    Object.defineProperty(input.element, 'value', { value: 'C:\\fakepath\\people.csv', writable: true });
    await input.trigger('change');
    expect(wrapper.emitted('update:modelValue')).toEqual([[file]]);

    await wrapper.setProps({ modelValue: null });
    expect(input.element.value).toBe('');
  });

  it('shows what went wrong, and steps the check back once the report may be imported', () => {
    expect(render().find('[role="alert"]').exists()).toBe(false);
    const wrapper = render({ error: 'Choose a CSV file first.', canApply: true });
    expect(wrapper.get('[role="alert"]').text()).toBe('Choose a CSV file first.');
    const button = wrapper.get('button[type="submit"]');
    expect(button.text()).toBe('Check file');
    expect(button.classes()).toContain('base-button--secondary');
    expect(render().get('button[type="submit"]').classes()).toContain('base-button--primary');
  });
});
