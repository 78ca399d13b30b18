import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { AnswerValue, PresentedQuestion, ReviewView } from '../question-view';
import QuizQuestionView from './QuizQuestionView.vue';

const choice = (id: string, textKo: string, textEn = '') => ({ id, textKo, textEn });

function question(overrides: Partial<PresentedQuestion>): PresentedQuestion {
  return {
    type: 'SINGLE_CHOICE',
    promptKo: '직무관련자에게 받을 수 있는 선물은?',
    promptEn: 'Which gift may you accept from someone your work concerns?',
    imageUrl: null,
    points: 2,
    options: [],
    orderingItems: [],
    matchPrompts: [],
    matchChoices: [],
    ...overrides,
  };
}

function review(overrides: Partial<ReviewView>): ReviewView {
  return {
    correct: false,
    fraction: 0,
    score: 0,
    explanationKo: '',
    explanationEn: '',
    correctOptionIds: [],
    correctBoolean: null,
    correctItemIds: [],
    correctMatches: [],
    acceptedAnswers: [],
    acceptedNumbers: [],
    optionFeedback: [],
    ...overrides,
  };
}

/** Mounted like `v-model`: every emitted answer comes back as the new model value. */
function render(
  q: PresentedQuestion,
  props: { modelValue?: AnswerValue | null; review?: ReviewView | null; disabled?: boolean } = {},
  locale: 'ko' | 'en' = 'ko',
) {
  const wrapper: VueWrapper = mount(QuizQuestionView, {
    props: {
      question: q,
      modelValue: props.modelValue ?? null,
      review: props.review ?? null,
      disabled: props.disabled ?? false,
      'onUpdate:modelValue': (value: AnswerValue | null) => wrapper.setProps({ modelValue: value }),
    },
    global: { plugins: [createAppI18n(locale)] },
    attachTo: document.body,
  });
  return wrapper;
}

/** Text as read: runs of white space count as one. */
const textOf = (node: { text(): string }) => node.text().replace(/\s+/g, ' ');

const emitted = (wrapper: VueWrapper) =>
  wrapper.emitted<[AnswerValue | null]>('update:modelValue')!.map((e) => e[0]);

/** The control a visible label names. */
function labelled(wrapper: VueWrapper, text: string) {
  const label = wrapper.findAll('label').find((l) => l.text().trim().startsWith(text));
  if (!label) throw new Error(`no label "${text}"`);
  const id = label.attributes('for');
  return id ? wrapper.get(`[id="${id}"]`) : label.get('input');
}

const gifts = question({
  options: [
    choice('a', '3만 원 이하 식사', 'A meal under 30,000 won'),
    choice('b', '상품권', 'A gift voucher'),
  ],
});

describe('QuizQuestionView', () => {
  it('asks a single-choice question as a radio group named by the prompt, in the viewer’s language', async () => {
    const wrapper = render(gifts);
    expect(wrapper.get('fieldset legend').text()).toBe('직무관련자에게 받을 수 있는 선물은?');
    expect(wrapper.find('legend h3').exists()).toBe(true);
    expect(wrapper.text()).toContain('배점 2점');
    const radios = wrapper.findAll('input[type="radio"]');
    expect(radios).toHaveLength(2);
    expect(new Set(radios.map((r) => r.attributes('name'))).size).toBe(1);

    await labelled(wrapper, '상품권').setValue(true);
    await labelled(wrapper, '3만 원 이하 식사').setValue(true);
    expect(emitted(wrapper)).toEqual([{ optionIds: ['b'] }, { optionIds: ['a'] }]);
    expect((labelled(wrapper, '3만 원 이하 식사').element as HTMLInputElement).checked).toBe(true);
    wrapper.unmount();

    const english = render(gifts, {}, 'en');
    expect(english.get('legend').text()).toBe('Which gift may you accept from someone your work concerns?');
    expect(english.text()).toContain('A gift voucher');
    expect(english.text()).toContain('2 points');
    english.unmount();
  });

  it('collects multiple choices in display order and clears the answer when none is left', async () => {
    const wrapper = render(
      question({
        type: 'MULTIPLE_CHOICE',
        options: [choice('a', '가'), choice('b', '나'), choice('c', '다')],
      }),
    );
    expect(wrapper.text()).toContain('해당하는 답을 모두 고르세요.');
    await labelled(wrapper, '다').setValue(true);
    await labelled(wrapper, '가').setValue(true);
    await labelled(wrapper, '다').setValue(false);
    await labelled(wrapper, '가').setValue(false);
    expect(emitted(wrapper)).toEqual([
      { optionIds: ['c'] },
      { optionIds: ['a', 'c'] },
      { optionIds: ['a'] },
      null,
    ]);
    wrapper.unmount();
  });

  it('answers true/false with two O and X toggle buttons', async () => {
    const wrapper = render(question({ type: 'TRUE_FALSE' }));
    const buttons = wrapper.findAll('button');
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(['O (맞다)', 'X (틀리다)']);
    expect(buttons.map((b) => b.attributes('aria-pressed'))).toEqual(['false', 'false']);

    await buttons[1].trigger('click');
    expect(buttons.map((b) => b.attributes('aria-pressed'))).toEqual(['false', 'true']);
    await buttons[0].trigger('click');
    await buttons[0].trigger('click');
    expect(emitted(wrapper)).toEqual([
      { booleanValue: false },
      { booleanValue: true },
      { booleanValue: true },
    ]);
    expect(buttons.map((b) => b.attributes('aria-pressed'))).toEqual(['true', 'false']);
    wrapper.unmount();
  });

  it('reorders items with move buttons, announces each move and keeps the keyboard on the item', async () => {
    const wrapper = render(
      question({
        type: 'ORDERING',
        orderingItems: [choice('x', '신고 접수'), choice('y', '사실 확인'), choice('z', '결과 통보')],
      }),
    );
    expect(wrapper.get('button[aria-label="위로 이동: 신고 접수"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('button[aria-label="아래로 이동: 결과 통보"]').attributes('disabled')).toBeDefined();

    await wrapper.get('button[aria-label="아래로 이동: 신고 접수"]').trigger('click');
    await new Promise((r) => setTimeout(r));
    expect(emitted(wrapper)).toEqual([{ itemIds: ['y', 'x', 'z'] }]);
    expect(wrapper.findAll('ol li').map((li) => li.find('.ordering__text').text())).toEqual([
      '사실 확인',
      '신고 접수',
      '결과 통보',
    ]);
    expect(wrapper.get('[aria-live="polite"]').text()).toBe("'신고 접수' 항목을 2번째로 옮겼습니다.");
    expect(document.activeElement?.getAttribute('aria-label')).toBe('아래로 이동: 신고 접수');

    await wrapper.get('button[aria-label="위로 이동: 결과 통보"]').trigger('click');
    expect(emitted(wrapper).at(-1)).toEqual({ itemIds: ['y', 'z', 'x'] });
    wrapper.unmount();
  });

  it('lets the learner answer with the order as first shown', async () => {
    const wrapper = render(
      question({ type: 'ORDERING', orderingItems: [choice('x', '하나'), choice('y', '둘')] }),
    );
    await wrapper.get('button.question__keep').trigger('click');
    expect(emitted(wrapper)).toEqual([{ itemIds: ['x', 'y'] }]);
    expect(wrapper.find('button.question__keep').exists()).toBe(false);
    wrapper.unmount();
  });

  it('pairs each matching prompt through its own labelled select', async () => {
    const wrapper = render(
      question({
        type: 'MATCHING',
        matchPrompts: [choice('p1', '청탁금지법'), choice('p2', '이해충돌방지법')],
        matchChoices: [choice('m2', '사적이해관계자 신고'), choice('m1', '금품 수수 금지')],
      }),
    );
    const first = labelled(wrapper, '청탁금지법');
    expect(first.element.tagName).toBe('SELECT');
    expect(first.findAll('option').map((o) => o.text())).toEqual([
      '선택하세요',
      '사적이해관계자 신고',
      '금품 수수 금지',
    ]);

    await labelled(wrapper, '이해충돌방지법').setValue('m2');
    await first.setValue('m1');
    await first.setValue('');
    expect(emitted(wrapper)).toEqual([
      { matches: [{ promptId: 'p2', matchId: 'm2' }] },
      {
        matches: [
          { promptId: 'p1', matchId: 'm1' },
          { promptId: 'p2', matchId: 'm2' },
        ],
      },
      { matches: [{ promptId: 'p2', matchId: 'm2' }] },
    ]);
    wrapper.unmount();
  });

  it('takes a short answer of at most 200 characters, blank meaning no answer', async () => {
    const wrapper = render(question({ type: 'SHORT_ANSWER' }));
    const input = labelled(wrapper, '답');
    expect(input.attributes('maxlength')).toBe('200');
    await input.setValue('청탁금지법');
    await input.setValue('  ');
    expect(emitted(wrapper)).toEqual([{ text: '청탁금지법' }, null]);
    expect((input.element as HTMLInputElement).value).toBe('  ');
    wrapper.unmount();
  });

  it('reads numbers as people type them and says when it is not one', async () => {
    const wrapper = render(question({ type: 'NUMERIC' }));
    const input = labelled(wrapper, '답 (숫자)');
    expect(input.attributes('inputmode')).toBe('decimal');

    await input.setValue('1,234.5');
    await input.setValue('３０');
    await input.setValue('삼십');
    expect(emitted(wrapper)).toEqual([{ numberValue: 1234.5 }, { numberValue: 30 }, null]);
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('숫자로 입력해 주세요.');
    expect((input.element as HTMLInputElement).value).toBe('삼십');
    wrapper.unmount();
  });

  it('shows the saved answer it is given', () => {
    const wrapper = render(question({ type: 'NUMERIC' }), { modelValue: { numberValue: 5 } });
    expect((labelled(wrapper, '답 (숫자)').element as HTMLInputElement).value).toBe('5');
    wrapper.unmount();
  });

  describe('with a review', () => {
    it('marks the key and the wrong choice in words, with feedback, the explanation and the score', () => {
      const wrapper = render(gifts, {
        modelValue: { optionIds: ['b'] },
        review: review({
          correctOptionIds: ['a'],
          explanationKo: '상품권은 금액과 상관없이 받을 수 없습니다.',
          optionFeedback: [{ optionId: 'b', feedbackKo: '상품권은 유가증권입니다.', feedbackEn: '' }],
        }),
      });
      const options = wrapper.findAll('.choice');
      expect(options[0].text()).toContain('정답');
      expect(options[0].text()).not.toContain('오답');
      expect(options[1].text()).toContain('오답');
      expect(options[1].text()).toContain('내 답');
      expect(options[0].text()).not.toContain('내 답');
      expect(options[1].text()).toContain('상품권은 유가증권입니다.');
      expect(wrapper.findAll('input').every((i) => i.attributes('disabled') !== undefined)).toBe(true);

      const box = wrapper.get('.review');
      expect(box.text()).toContain('오답');
      expect(box.text()).toContain('0 / 2점');
      expect(textOf(box)).toContain('정답: 3만 원 이하 식사');
      expect(box.text()).toContain('해설');
      expect(box.text()).toContain('상품권은 금액과 상관없이 받을 수 없습니다.');
      wrapper.unmount();
    });

    it('says when a question was partly right or not answered', () => {
      const partial = render(
        question({ type: 'MULTIPLE_CHOICE', options: [choice('a', '가'), choice('b', '나')] }),
        {
          modelValue: { optionIds: ['a'] },
          review: review({ fraction: 0.5, score: 1, correctOptionIds: ['a', 'b'] }),
        },
      );
      expect(partial.get('.review__verdict').text()).toContain('부분 정답');
      expect(partial.get('.review__verdict').text()).toContain('1 / 2점');
      expect(textOf(partial.get('.review'))).toContain('정답: 가, 나');
      partial.unmount();

      const blank = render(gifts, { review: review({ correctOptionIds: ['a'] }) });
      expect(blank.text()).toContain('답하지 않은 문항입니다.');
      blank.unmount();
    });

    it('shows the right O or X', () => {
      const wrapper = render(question({ type: 'TRUE_FALSE' }), {
        modelValue: { booleanValue: true },
        review: review({ correctBoolean: false }),
      });
      const items = wrapper.findAll('.true-false__item');
      expect(items[0].text()).toContain('오답');
      expect(items[1].text()).toContain('정답');
      expect(wrapper.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true);
      expect(textOf(wrapper.get('.review'))).toContain('정답: X (틀리다)');
      wrapper.unmount();
    });

    it('shows the correct order and which places were right', () => {
      const wrapper = render(
        question({
          type: 'ORDERING',
          orderingItems: [choice('x', '하나'), choice('y', '둘'), choice('z', '셋')],
        }),
        {
          modelValue: { itemIds: ['x', 'z', 'y'] },
          review: review({ correctItemIds: ['x', 'y', 'z'] }),
        },
      );
      const items = wrapper.findAll('.ordering__item');
      expect(items.map((i) => i.get('.mark').text())).toEqual(['✓ 정답', '✗ 오답', '✗ 오답']);
      expect(wrapper.find('button[aria-label^="위로 이동"]').exists()).toBe(false);
      expect(wrapper.findAll('.review__list li').map((li) => li.text())).toEqual(['하나', '둘', '셋']);
      wrapper.unmount();
    });

    it('shows the correct pair beside a wrong match', () => {
      const wrapper = render(
        question({
          type: 'MATCHING',
          matchPrompts: [choice('p1', '청탁금지법'), choice('p2', '이해충돌방지법')],
          matchChoices: [choice('m1', '금품 수수 금지'), choice('m2', '사적이해관계자 신고')],
        }),
        {
          modelValue: {
            matches: [
              { promptId: 'p1', matchId: 'm1' },
              { promptId: 'p2', matchId: 'm1' },
            ],
          },
          review: review({
            fraction: 0.5,
            correctMatches: [
              { promptId: 'p1', matchId: 'm1' },
              { promptId: 'p2', matchId: 'm2' },
            ],
          }),
        },
      );
      const rows = wrapper.findAll('.matching__row');
      expect(rows[0].text()).toContain('정답');
      expect(rows[0].text()).not.toContain('정답: ');
      expect(rows[1].text()).toContain('오답');
      expect(rows[1].text()).toContain('정답: 사적이해관계자 신고');
      expect(wrapper.findAll('select').every((s) => s.attributes('disabled') !== undefined)).toBe(true);
      wrapper.unmount();
    });

    it('lists the accepted short answers and numbers', () => {
      const short = render(question({ type: 'SHORT_ANSWER' }), {
        modelValue: { text: '청탁법' },
        review: review({ acceptedAnswers: ['청탁금지법', '김영란법'] }),
      });
      expect(short.get('.typed').text()).toContain('오답');
      expect(textOf(short.get('.review'))).toContain('인정하는 답: 청탁금지법, 김영란법');
      short.unmount();

      const numeric = render(question({ type: 'NUMERIC' }), {
        modelValue: { numberValue: 3 },
        review: review({ correct: true, fraction: 1, score: 2, acceptedNumbers: [3, 3.5] }),
      });
      expect(numeric.get('.typed').text()).toContain('정답');
      expect(numeric.get('.review__verdict').text()).toContain('정답');
      expect(textOf(numeric.get('.review'))).toContain('정답: 3 또는 3.5');
      numeric.unmount();
    });
  });
});
