import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { AuthoredLesson } from './authored-course';
import { addChoice, addNode, describeDilemmaProblem, emptyDilemma, removeNode } from './dilemma-draft';
import { buildLessonInput, emptyLessonDraft, lessonDraftFrom } from './lesson-draft';

const titled = <T extends { titleKo: string; titleEn: string }>(draft: T) => {
  draft.titleKo = ' 청렴 기본 ';
  draft.titleEn = 'Integrity basics';
  return draft;
};

describe('lesson input per kind', () => {
  it('sends only the reading part for a reading lesson, trimmed by the shared schema', () => {
    const draft = titled(emptyLessonDraft('READING'));
    draft.reading = { markdownKo: '# 제목', markdownEn: '# Title', minReadingSeconds: 30 };
    draft.video.url = 'https://example.org/ignored.mp4';
    expect(buildLessonInput(draft)).toEqual({
      ok: true,
      input: {
        kind: 'READING',
        titleKo: '청렴 기본',
        titleEn: 'Integrity basics',
        reading: { markdownKo: '# 제목', markdownEn: '# Title', minReadingSeconds: 30 },
      },
    });
  });

  it('sends the video URL and the required percentage, and refuses a non-http address', () => {
    const draft = titled(emptyLessonDraft('VIDEO'));
    draft.video.url = ' https://youtu.be/abcdef123 ';
    const built = buildLessonInput(draft);
    expect(built.ok && built.input).toEqual({
      kind: 'VIDEO',
      titleKo: '청렴 기본',
      titleEn: 'Integrity basics',
      video: { url: 'https://youtu.be/abcdef123', requiredWatchPercent: 90 },
    });

    draft.video.url = 'javascript:alert(1)';
    draft.video.requiredWatchPercent = null;
    const refused = buildLessonInput(draft);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.map((p) => p.field).sort()).toEqual([
      'requiredWatchPercent',
      'url',
    ]);
  });

  it('sends no content at all for a quiz placeholder', () => {
    const built = buildLessonInput(titled(emptyLessonDraft('QUIZ')));
    expect(built).toEqual({
      ok: true,
      input: { kind: 'QUIZ', titleKo: '청렴 기본', titleEn: 'Integrity basics' },
    });
  });

  it('reports the titles and the texts a pledge is missing, by the paths the server uses', () => {
    const built = buildLessonInput(emptyLessonDraft('PLEDGE'));
    expect(!built.ok && built.problems.map((p) => p.field).sort()).toEqual([
      'textEn',
      'textKo',
      'titleEn',
      'titleKo',
    ]);
  });

  it('builds a scenario whose choices end it with next: null', () => {
    const draft = titled(emptyLessonDraft('DILEMMA'));
    const [start] = draft.dilemma.nodes;
    Object.assign(start, { textKo: '선물을 받았다', textEn: 'A gift arrives' });
    Object.assign(start.choices[0], { labelKo: '돌려준다', labelEn: 'Return it', feedbackKo: '맞습니다' });
    const built = buildLessonInput(draft);
    expect(built.ok && built.input.dilemma).toEqual({
      startNodeId: 'n1',
      nodes: [
        {
          id: 'n1',
          textKo: '선물을 받았다',
          textEn: 'A gift arrives',
          choices: [
            {
              id: 'c1',
              labelKo: '돌려준다',
              labelEn: 'Return it',
              feedbackKo: '맞습니다',
              feedbackEn: '',
              next: null,
            },
          ],
        },
      ],
    });
  });

  it('reads a saved lesson back into the form (and copies the scenario, not shares it)', () => {
    const nodes = [{ id: 'n1', textKo: '가', textEn: 'A', choices: [] }];
    const lesson = {
      id: 'l1',
      sectionId: 's1',
      position: 1,
      kind: 'DILEMMA',
      titleKo: '딜레마',
      titleEn: 'Dilemma',
      content: { __typename: 'DilemmaContent', startNodeId: 'n1', nodes },
    } satisfies AuthoredLesson;
    const draft = lessonDraftFrom(lesson);
    expect(draft.dilemma).toEqual({ startNodeId: 'n1', nodes });
    draft.dilemma.nodes[0].textKo = '바뀜';
    expect(nodes[0].textKo).toBe('가');
  });
});

describe('scenario drafts', () => {
  const t = createAppI18n('ko').global.t as (key: string, named?: Record<string, unknown>) => string;

  it('gives new scenes and choices free ids and moves the start off a removed scene', () => {
    const draft = emptyDilemma();
    const second = addNode(draft);
    expect(second.id).toBe('n2');
    expect(addChoice(second).id).toBe('c2');
    draft.startNodeId = 'n2';
    removeNode(draft, 'n2');
    expect(draft.startNodeId).toBe('n1');
    removeNode(draft, 'n1');
    expect(draft.nodes).toHaveLength(1);
  });

  it('translates the shared structural problems with the scenes’ numbers', () => {
    const draft = emptyDilemma();
    addNode(draft);
    expect(describeDilemmaProblem('node "n2" cannot be reached from the start', draft, t)).toBe(
      '장면 2: 시작 장면에서 이 장면으로 이어지는 선택지가 없습니다.',
    );
    expect(describeDilemmaProblem('choice "c1" of node "n1" leads to missing node "n9"', draft, t)).toContain(
      '장면 1의 선택지 1',
    );
    expect(describeDilemmaProblem('something new', draft, t)).toBe('something new');
  });
});
