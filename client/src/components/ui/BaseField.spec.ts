import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BaseNumberField from './BaseNumberField.vue';
import BaseSelectField from './BaseSelectField.vue';
import BaseTextField from './BaseTextField.vue';

describe('BaseField (the frame of every labelled field)', () => {
  it('labels the control and describes it by its hint and problem', () => {
    const wrapper = mount(BaseTextField, {
      props: { label: '시작일', type: 'date', hint: '행사 첫날', error: '날짜를 입력하세요', required: true },
    });
    const input = wrapper.get('input');
    const id = input.attributes('id')!;
    expect(wrapper.get('label').attributes('for')).toBe(id);
    expect(input.attributes('type')).toBe('date');
    expect(input.attributes('aria-invalid')).toBe('true');
    const described = input.attributes('aria-describedby')!.split(' ');
    expect(described.map((d) => wrapper.get(`#${CSS.escape(d)}`).text())).toEqual([
      '행사 첫날',
      '날짜를 입력하세요',
    ]);
    expect(wrapper.find('.field__required').exists()).toBe(true);
    expect(wrapper.classes()).toContain('field--invalid');
  });

  it('says nothing extra about a valid field without a hint', () => {
    const input = mount(BaseTextField, { props: { label: '이름' } }).get('input');
    expect(input.attributes('aria-describedby')).toBeUndefined();
    expect(input.attributes('aria-invalid')).toBeUndefined();
  });

  it('reads a number field’s unit with it, and can hide a select’s label but keep it as the name', () => {
    const number = mount(BaseNumberField, { props: { label: '정원', unit: '석' } });
    const describedBy = number.get('input').attributes('aria-describedby')!;
    expect(number.get(`#${CSS.escape(describedBy)}`).text()).toBe('석');
    const select = mount(BaseSelectField, {
      props: { label: '종류', labelHidden: true, options: [{ value: 'a', label: 'A' }] },
    });
    expect(select.get('.field__label-row').classes()).toContain('visually-hidden');
    expect(select.get('label').attributes('for')).toBe(select.get('select').attributes('id'));
  });
});
