import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const DETAILS = {
  titleKo: '청탁금지법 기초',
  titleEn: 'Improper Solicitation and Graft Act basics',
  descriptionKo: '금품 수수 금지와 100만 원 기준',
  descriptionEn: 'Gifts and the one-million-won rule',
  category: 'INTEGRITY_LAW',
  creditMinutes: 60,
  estimatedMinutes: 45,
  tags: ['청탁금지법', '청탁금지법', '선물'],
  sequential: true,
};
const READING = {
  kind: 'READING',
  titleKo: '금품 등의 수수 금지',
  titleEn: 'No gifts',
  reading: {
    markdownKo: '# 원칙\n\n1회 **100만 원** 초과 금품 수수 금지',
    markdownEn: '# Rule\n\nNo gifts over **1,000,000 won**',
    minReadingSeconds: 30,
  },
};
const DILEMMA = {
  kind: 'DILEMMA',
  titleKo: '업체의 선물',
  titleEn: "A contractor's gift",
  dilemma: {
    startNodeId: 'start',
    nodes: [
      {
        id: 'start',
        textKo: '계약 업체가 명절 선물을 보냈습니다.',
        textEn: 'A contractor sends a holiday gift.',
        choices: [
          {
            id: 'keep',
            labelKo: '받는다',
            labelEn: 'Keep it',
            feedbackKo: '직무 관련자의 선물은 금지됩니다.',
            feedbackEn: 'Not allowed.',
            next: null,
          },
          {
            id: 'return',
            labelKo: '돌려보낸다',
            labelEn: 'Return it',
            feedbackKo: '',
            feedbackEn: '',
            next: 'end',
          },
        ],
      },
      { id: 'end', textKo: '잘했습니다.', textEn: 'Well done.', choices: [] },
    ],
  },
};

const CREATE = `mutation($i: CourseDetailsInput!) { createCourse(input: $i) { id } }`;
const ADD_SECTION = `mutation($c: ID!, $i: SectionInput!) { addCourseSection(courseId: $c, input: $i) { id } }`;
const ADD_LESSON = `mutation($s: ID!, $i: LessonInput!) { addLesson(sectionId: $s, input: $i) { id kind } }`;
const PUBLISH = `mutation($c: ID!) { publishCourse(courseId: $c) { id version status } }`;
const COURSE = `query($id: ID!) { course(id: $id) {
  id
  published { id version status titleKo tags lessonCount sections { id titleKo lessons { id kind titleKo content {
    __typename
    ... on ReadingContent { htmlKo minReadingSeconds }
    ... on VideoContent { embedUrl requiredWatchPercent }
    ... on DilemmaContent { startNodeId nodes { id choices { id next } } }
    ... on PledgeContent { textKo }
    ... on QuizContent { quizId }
  } } } }
} }`;
const DRAFT = `query($id: ID!) { course(id: $id) { draft { id version status tags sections { id lessons { id titleKo } } } versions { version status } } }`;

let app: TestApp;
let trainer: GqlClient;
let employee: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER', 'EMPLOYEE'] })).client;
  employee = (await signedIn(app, { roles: ['EMPLOYEE'] })).client;
});
afterAll(() => app?.close());

async function courseWithSection(): Promise<{ courseId: string; sectionId: string }> {
  const { createCourse } = await trainer.ok(CREATE, { i: DETAILS });
  const { addCourseSection } = await trainer.ok(ADD_SECTION, {
    c: createCourse.id,
    i: { titleKo: '1부', titleEn: 'Part 1' },
  });
  return { courseId: createCourse.id, sectionId: addCourseSection.id };
}

describe('authoring', () => {
  it('builds a course with every lesson kind and publishes it for learners', async () => {
    const { courseId, sectionId } = await courseWithSection();
    for (const input of [
      READING,
      {
        kind: 'VIDEO',
        titleKo: '영상',
        titleEn: 'Video',
        video: { url: 'https://youtu.be/dQw4w9WgXcQ', requiredWatchPercent: 80 },
      },
      DILEMMA,
      {
        kind: 'PLEDGE',
        titleKo: '서약',
        titleEn: 'Pledge',
        pledge: { textKo: '나는 청렴을 서약합니다.', textEn: 'I pledge integrity.' },
      },
    ]) {
      await trainer.ok(ADD_LESSON, { s: sectionId, i: input });
    }
    // Learners cannot see a course that was never published.
    expect(await employee.code(COURSE, { id: courseId })).toBe('NOT_FOUND');
    const { courses: before } = await employee.ok(`{ courses { edges { node { id } } } }`);
    expect(before.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(courseId);

    expect((await trainer.ok(PUBLISH, { c: courseId })).publishCourse).toMatchObject({
      version: 1,
      status: 'PUBLISHED',
    });
    const { course } = await employee.ok(COURSE, { id: courseId });
    expect(course.published).toMatchObject({
      version: 1,
      titleKo: DETAILS.titleKo,
      tags: ['청탁금지법', '선물'],
      lessonCount: 4,
    });
    const lessons = course.published.sections[0].lessons;
    expect(lessons.map((l: { kind: string }) => l.kind)).toEqual(['READING', 'VIDEO', 'DILEMMA', 'PLEDGE']);
    expect(lessons[0].content).toEqual({
      __typename: 'ReadingContent',
      htmlKo: '<h1>원칙</h1>\n<p>1회 <strong>100만 원</strong> 초과 금품 수수 금지</p>\n',
      minReadingSeconds: 30,
    });
    expect(lessons[1].content.embedUrl).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1',
    );
    expect(lessons[2].content.nodes).toHaveLength(2);
    const { courses: after } = await employee.ok(`{ courses(search: "청탁") { edges { node { id } } } }`);
    expect(after.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(courseId);
  });

  it('only trainers and admins author; learners never see drafts', async () => {
    expect(await employee.code(CREATE, { i: DETAILS })).toBe('FORBIDDEN');
    const { courseId } = await courseWithSection();
    await trainer.ok(PUBLISH, { c: courseId }).catch(() => undefined);
    expect(await employee.code(DRAFT, { id: courseId })).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('refuses unsafe Markdown, wrong content for the kind and broken scenarios — and adds nothing', async () => {
    const { courseId, sectionId } = await courseWithSection();
    const unsafe = {
      ...READING,
      reading: { ...READING.reading, markdownEn: 'Hi <img src=x onerror="alert(1)">' },
    };
    const res = await trainer.gql(ADD_LESSON, { s: sectionId, i: unsafe });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNSAFE_CONTENT', field: 'markdownEn' });
    expect(
      await trainer.code(ADD_LESSON, {
        s: sectionId,
        i: { ...READING, reading: { ...READING.reading, markdownKo: 'x'.repeat(50_001) } },
      }),
    ).toBe('VALIDATION_FAILED');
    expect(
      await trainer.code(ADD_LESSON, {
        s: sectionId,
        i: { ...READING, video: { url: 'https://a.kr/v.mp4' } },
      }),
    ).toBe('VALIDATION_FAILED');
    const broken = {
      ...DILEMMA,
      dilemma: {
        ...DILEMMA.dilemma,
        nodes: [
          {
            ...DILEMMA.dilemma.nodes[0],
            choices: [{ ...DILEMMA.dilemma.nodes[0].choices[1], next: 'nowhere' }],
          },
        ],
      },
    };
    const scenario = await trainer.gql(ADD_LESSON, { s: sectionId, i: broken });
    expect(scenario.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(scenario.errors?.[0].extensions?.fields)).toMatch(/missing node/);
    expect(
      await trainer.code(ADD_LESSON, {
        s: sectionId,
        i: { kind: 'VIDEO', titleKo: 'v', titleEn: 'v', video: { url: 'javascript:alert(1)' } },
      }),
    ).toBe('VALIDATION_FAILED');
    const { course } = await trainer.ok(DRAFT, { id: courseId });
    expect(course.draft.sections[0].lessons).toEqual([]);
  });

  it('refuses to publish an empty course or one with a quiz lesson that has no quiz yet', async () => {
    const { courseId, sectionId } = await courseWithSection();
    expect(await trainer.code(PUBLISH, { c: courseId })).toBe('COURSE_EMPTY');
    const { addLesson: quiz } = await trainer.ok(ADD_LESSON, {
      s: sectionId,
      i: { kind: 'QUIZ', titleKo: '퀴즈', titleEn: 'Quiz' },
    });
    expect(await trainer.code(PUBLISH, { c: courseId })).toBe('LESSON_NOT_READY');
    await trainer.ok(`mutation($l: ID!) { deleteLesson(lessonId: $l) }`, { l: quiz.id });
    await trainer.ok(ADD_LESSON, { s: sectionId, i: READING });
    expect((await trainer.ok(PUBLISH, { c: courseId })).publishCourse.status).toBe('PUBLISHED');
    // A retried publish returns the published version instead of failing.
    expect((await trainer.ok(PUBLISH, { c: courseId })).publishCourse.version).toBe(1);
  });
});

describe('versions', () => {
  it('editing a published course goes through a new draft; publishing it retires the old version', async () => {
    const { courseId, sectionId } = await courseWithSection();
    const { addLesson } = await trainer.ok(ADD_LESSON, { s: sectionId, i: READING });
    await trainer.ok(PUBLISH, { c: courseId });
    const v1 = (await employee.ok(COURSE, { id: courseId })).course.published;

    expect(
      await trainer.code(
        `mutation($l: ID!, $i: LessonInput!) { updateLesson(lessonId: $l, input: $i) { id } }`,
        { l: addLesson.id, i: READING },
      ),
    ).toBe('COURSE_NOT_DRAFT');
    const { startCourseDraft } = await trainer.ok(
      `mutation($c: ID!) { startCourseDraft(courseId: $c) { id version status } }`,
      { c: courseId },
    );
    expect(startCourseDraft).toMatchObject({ version: 2, status: 'DRAFT' });
    const again = await trainer.ok(`mutation($c: ID!) { startCourseDraft(courseId: $c) { id } }`, {
      c: courseId,
    });
    expect(again.startCourseDraft.id).toBe(startCourseDraft.id);

    const { course } = await trainer.ok(DRAFT, { id: courseId });
    const draftLesson = course.draft.sections[0].lessons[0];
    expect(draftLesson.id).not.toBe(addLesson.id);
    await trainer.ok(`mutation($l: ID!, $i: LessonInput!) { updateLesson(lessonId: $l, input: $i) { id } }`, {
      l: draftLesson.id,
      i: { ...READING, titleKo: '개정된 제목' },
    });
    // Learners still see version 1 unchanged until the draft is published.
    expect(
      (await employee.ok(COURSE, { id: courseId })).course.published.sections[0].lessons[0].titleKo,
    ).toBe(READING.titleKo);

    await trainer.ok(PUBLISH, { c: courseId });
    const published = (await employee.ok(COURSE, { id: courseId })).course.published;
    expect(published.version).toBe(2);
    expect(published.sections[0].lessons[0].titleKo).toBe('개정된 제목');
    expect(published.id).not.toBe(v1.id);
    const { course: history } = await trainer.ok(DRAFT, { id: courseId });
    expect(history.versions).toEqual([
      { version: 2, status: 'PUBLISHED' },
      { version: 1, status: 'RETIRED' },
    ]);
    expect(history.draft).toBeNull();
  });
});

describe('reordering', () => {
  const REORDER = `mutation($c: ID!, $o: [SectionOrderInput!]!) { reorderCourse(courseId: $c, order: $o) { id } }`;

  it('moves lessons within the draft and refuses anything from another course', async () => {
    const { courseId, sectionId } = await courseWithSection();
    const { addCourseSection: second } = await trainer.ok(ADD_SECTION, {
      c: courseId,
      i: { titleKo: '2부', titleEn: 'Part 2' },
    });
    const a = (await trainer.ok(ADD_LESSON, { s: sectionId, i: { ...READING, titleKo: 'A' } })).addLesson.id;
    const b = (await trainer.ok(ADD_LESSON, { s: sectionId, i: { ...READING, titleKo: 'B' } })).addLesson.id;
    const c = (await trainer.ok(ADD_LESSON, { s: second.id, i: { ...READING, titleKo: 'C' } })).addLesson.id;

    await trainer.ok(REORDER, {
      c: courseId,
      o: [
        { sectionId: second.id, lessonIds: [c, b] },
        { sectionId, lessonIds: [a] },
      ],
    });
    const { course } = await trainer.ok(DRAFT, { id: courseId });
    expect(
      course.draft.sections.map((s: { id: string; lessons: { titleKo: string }[] }) => [
        s.id,
        s.lessons.map((l) => l.titleKo),
      ]),
    ).toEqual([
      [second.id, ['C', 'B']],
      [sectionId, ['A']],
    ]);

    const other = await courseWithSection();
    const foreign = (await trainer.ok(ADD_LESSON, { s: other.sectionId, i: READING })).addLesson.id;
    expect(
      await trainer.code(REORDER, {
        c: courseId,
        o: [
          { sectionId: second.id, lessonIds: [c, b, foreign] },
          { sectionId, lessonIds: [a] },
        ],
      }),
    ).toBe('REORDER_MISMATCH');
    expect(
      await trainer.code(REORDER, {
        c: courseId,
        o: [
          { sectionId: second.id, lessonIds: [c] },
          { sectionId, lessonIds: [a] },
        ],
      }),
    ).toBe('REORDER_MISMATCH');
    expect(
      await trainer.code(REORDER, {
        c: courseId,
        o: [
          { sectionId: second.id, lessonIds: [c, b, b] },
          { sectionId, lessonIds: [a] },
        ],
      }),
    ).toBe('REORDER_MISMATCH');
    const { course: unchanged } = await trainer.ok(DRAFT, { id: courseId });
    expect(unchanged.draft.sections[0].lessons.map((l: { titleKo: string }) => l.titleKo)).toEqual([
      'C',
      'B',
    ]);
  });
});
