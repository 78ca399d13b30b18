import {
  dilemmaContentSchema,
  pledgeContentSchema,
  readingContentSchema,
  sectionTitleSchema,
  toFieldProblems,
  videoContentSchema,
  type FieldProblem,
  type LessonKind,
} from '@palma/shared';
import type { LessonInput } from '@/api/graphql';
import type { AuthoredLesson } from './authored-course';
import { cloneDilemma, emptyDilemma, type DilemmaDraft } from './dilemma-draft';

/**
 * What the lesson form holds. Every kind's part is kept, but only the part of `kind` is sent:
 * the server refuses content that does not match the kind.
 */
export interface LessonDraft {
  kind: LessonKind;
  titleKo: string;
  titleEn: string;
  reading: { markdownKo: string; markdownEn: string; minReadingSeconds: number | null };
  video: { url: string; requiredWatchPercent: number | null };
  dilemma: DilemmaDraft;
  pledge: { textKo: string; textEn: string };
}

export const DEFAULT_REQUIRED_WATCH_PERCENT = 90;

export function emptyLessonDraft(kind: LessonKind): LessonDraft {
  return {
    kind,
    titleKo: '',
    titleEn: '',
    reading: { markdownKo: '', markdownEn: '', minReadingSeconds: 0 },
    video: { url: '', requiredWatchPercent: DEFAULT_REQUIRED_WATCH_PERCENT },
    dilemma: emptyDilemma(),
    pledge: { textKo: '', textEn: '' },
  };
}

/** The form's state for a saved lesson. */
export function lessonDraftFrom(lesson: AuthoredLesson): LessonDraft {
  const draft = emptyLessonDraft(lesson.kind);
  draft.titleKo = lesson.titleKo;
  draft.titleEn = lesson.titleEn;
  const content = lesson.content;
  switch (content.__typename) {
    case 'ReadingContent':
      draft.reading = {
        markdownKo: content.markdownKo,
        markdownEn: content.markdownEn,
        minReadingSeconds: content.minReadingSeconds,
      };
      break;
    case 'VideoContent':
      draft.video = { url: content.url, requiredWatchPercent: content.requiredWatchPercent };
      break;
    case 'DilemmaContent':
      draft.dilemma = cloneDilemma({ startNodeId: content.startNodeId, nodes: content.nodes });
      break;
    case 'PledgeContent':
      draft.pledge = { textKo: content.textKo, textEn: content.textEn };
      break;
    case 'QuizContent':
      break;
  }
  return draft;
}

export type LessonInputResult = { ok: true; input: LessonInput } | { ok: false; problems: FieldProblem[] };

/**
 * Checks the form with the shared schemas (the server uses the same ones) and builds the input:
 * titles plus exactly the part for the kind (none for a quiz). Problem fields are the paths the
 * server reports too: `titleKo`, `markdownEn`, `url`, `nodes.0.choices.1.labelKo`, `nodes`...
 */
export function buildLessonInput(draft: LessonDraft): LessonInputResult {
  const problems: FieldProblem[] = [];
  const titles = sectionTitleSchema.safeParse({ titleKo: draft.titleKo, titleEn: draft.titleEn });
  if (!titles.success) problems.push(...toFieldProblems(titles.error));

  let part: Omit<LessonInput, 'kind' | 'titleKo' | 'titleEn'> = {};
  switch (draft.kind) {
    case 'READING': {
      const r = readingContentSchema.safeParse({ kind: 'READING', ...draft.reading });
      if (r.success) {
        const { kind: _kind, ...reading } = r.data;
        part = { reading };
      } else problems.push(...toFieldProblems(r.error));
      break;
    }
    case 'VIDEO': {
      const r = videoContentSchema.safeParse({ kind: 'VIDEO', ...draft.video, url: draft.video.url.trim() });
      if (r.success) {
        const { kind: _kind, ...video } = r.data;
        part = { video };
      } else problems.push(...toFieldProblems(r.error));
      break;
    }
    case 'DILEMMA': {
      const r = dilemmaContentSchema.safeParse({ kind: 'DILEMMA', ...draft.dilemma });
      if (r.success) {
        const { kind: _kind, ...dilemma } = r.data;
        part = { dilemma };
      } else problems.push(...toFieldProblems(r.error));
      break;
    }
    case 'PLEDGE': {
      const r = pledgeContentSchema.safeParse({ kind: 'PLEDGE', ...draft.pledge });
      if (r.success) {
        const { kind: _kind, ...pledge } = r.data;
        part = { pledge };
      } else problems.push(...toFieldProblems(r.error));
      break;
    }
    case 'QUIZ':
      // A placeholder until the quiz engine attaches a quiz: nothing but the titles.
      break;
  }
  if (problems.length > 0 || !titles.success) return { ok: false, problems };
  return { ok: true, input: { kind: draft.kind, ...titles.data, ...part } };
}
