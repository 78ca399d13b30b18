import { mount, type VueWrapper } from '@vue/test-utils';
import type { CombinedError } from '@urql/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { toProblem } from '@/app/errors';
import { createAppI18n } from '@/app/i18n';
import type { AuthoredLesson } from '../authored-course';
import CourseLessonForm from './CourseLessonForm.vue';

// The form talks to the server only through the authoring composable: replace it.
const authoring = vi.hoisted(() => ({ addLesson: vi.fn(), updateLesson: vi.fn() }));
vi.mock('../composables/useCourseAuthoring', () => ({
  useCourseAuthoring: () => ({ ...authoring, savingLesson: ref(false) }),
}));

type FormProps = InstanceType<typeof CourseLessonForm>['$props'];

function render(props: FormProps, locale: 'ko' | 'en' = 'en') {
  return mount(CourseLessonForm, {
    props,
    global: { plugins: [createAppI18n(locale)] },
    attachTo: document.body,
  });
}

function control(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('label').find((l) => l.text().replace(/\s*\*$/, '') === label);
  if (!found) throw new Error(`no control labelled "${label}"`);
  return wrapper.get(`[id="${found.attributes('for')}"]`);
}

const errorOf = (wrapper: VueWrapper, label: string) =>
  wrapper.find(`[id="${control(wrapper, label).attributes('id')}-error"]`);

const reading: AuthoredLesson = {
  id: 'l-1',
  sectionId: 's-1',
  position: 1,
  kind: 'READING',
  titleKo: '청탁금지법',
  titleEn: 'The Improper Solicitation Act',
  content: {
    __typename: 'ReadingContent',
    markdownKo: '**금품**',
    markdownEn: '**Gifts**',
    htmlKo: '<p><strong>금품</strong></p>',
    htmlEn: '<p><strong>Gifts</strong></p>',
    minReadingSeconds: 60,
  },
};

describe('CourseLessonForm', () => {
  beforeEach(() => {
    authoring.addLesson.mockReset();
    authoring.updateLesson.mockReset();
  });

  it('adds a video lesson with exactly the video part', async () => {
    authoring.addLesson.mockResolvedValue({ ok: true, data: 'l-new' });
    const wrapper = render({ mode: 'create', kind: 'VIDEO', sectionId: 's-1', sectionTitle: 'Basics' });
    expect(wrapper.text()).not.toContain('Text (Korean, Markdown)');

    await control(wrapper, 'Lesson title (Korean)').setValue('행동강령 영상');
    await control(wrapper, 'Lesson title (English)').setValue('Code of conduct video');
    await control(wrapper, 'Video address').setValue('https://www.youtube.com/watch?v=abcdef123');
    await control(wrapper, 'Required watching').setValue('80');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toEqual([['l-new']]));

    expect(authoring.addLesson).toHaveBeenCalledWith('s-1', {
      kind: 'VIDEO',
      titleKo: '행동강령 영상',
      titleEn: 'Code of conduct video',
      video: { url: 'https://www.youtube.com/watch?v=abcdef123', requiredWatchPercent: 80 },
    });
    wrapper.unmount();
  });

  it('does not send a pledge without its texts and marks the fields', async () => {
    const wrapper = render({ mode: 'create', kind: 'PLEDGE', sectionId: 's-1' }, 'ko');
    await control(wrapper, '차시 제목 (한국어)').setValue('청렴 서약');
    await control(wrapper, '차시 제목 (영어)').setValue('Integrity pledge');
    await wrapper.get('form').trigger('submit');

    expect(authoring.addLesson).not.toHaveBeenCalled();
    expect(errorOf(wrapper, '서약문 (한국어)').text()).toBe('필수 항목입니다.');
    expect(errorOf(wrapper, '서약문 (영어)').text()).toBe('필수 항목입니다.');
    expect(wrapper.get('[role="alert"]').text()).toContain('입력한 내용을 확인해 주세요');
    wrapper.unmount();
  });

  it('shows the server’s own preview of saved Markdown, and the unsafe field it refused', async () => {
    const wrapper = render({ mode: 'edit', kind: 'READING', lesson: reading });
    const previews = wrapper.findAll('.lesson-prose');
    expect(previews[1].html()).toContain('<strong>Gifts</strong>');
    expect(wrapper.text()).toContain('As saved');

    const unsafe = {
      graphQLErrors: [{ message: 'no', extensions: { code: 'UNSAFE_CONTENT', field: 'markdownEn' } }],
      networkError: undefined,
    };
    authoring.updateLesson.mockResolvedValue({
      ok: false,
      problem: toProblem(unsafe as unknown as CombinedError),
    });
    await control(wrapper, 'Text (English, Markdown)').setValue('<img src=x onerror="alert(1)">');
    // Unsaved text is previewed locally as text, never as markup.
    expect(wrapper.find('.lesson-prose img').exists()).toBe(false);
    expect(wrapper.text()).toContain('Not saved yet');
    await wrapper.get('form').trigger('submit');

    await vi.waitFor(() => expect(errorOf(wrapper, 'Text (English, Markdown)').exists()).toBe(true));
    expect(authoring.updateLesson).toHaveBeenCalledWith('l-1', {
      kind: 'READING',
      titleKo: '청탁금지법',
      titleEn: 'The Improper Solicitation Act',
      reading: {
        markdownKo: '**금품**',
        markdownEn: '<img src=x onerror="alert(1)">',
        minReadingSeconds: 60,
      },
    });
    expect(errorOf(wrapper, 'Text (English, Markdown)').text()).toContain(
      'HTML or links that are not allowed',
    );
    expect(errorOf(wrapper, 'Text (Korean, Markdown)').exists()).toBe(false);
    wrapper.unmount();
  });
});
