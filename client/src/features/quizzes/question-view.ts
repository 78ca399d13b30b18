import type { QuestionType } from '@palma/shared';

/**
 * What a question looks like to whoever answers it — a learner in an attempt, or a trainer
 * previewing a draft. No answer key: correctness arrives only in a ReviewView.
 */
export interface PresentedChoice {
  id: string;
  textKo: string;
  textEn: string;
}

export interface PresentedQuestion {
  type: QuestionType;
  promptKo: string;
  promptEn: string;
  imageUrl: string | null;
  points: number;
  /** Single and multiple choice, in display order. */
  options: PresentedChoice[];
  /** Ordering: the items as first shown (shuffled). */
  orderingItems: PresentedChoice[];
  /** Matching: the prompts, and the answers to pair with them (shuffled). */
  matchPrompts: PresentedChoice[];
  matchChoices: PresentedChoice[];
}

/** The learner's answer; only the field of the question's type is set. */
export interface AnswerValue {
  optionIds?: string[] | null;
  booleanValue?: boolean | null;
  itemIds?: string[] | null;
  matches?: { promptId: string; matchId: string }[] | null;
  text?: string | null;
  numberValue?: number | null;
}

export interface ReviewView {
  correct: boolean;
  fraction: number;
  score: number;
  explanationKo: string;
  explanationEn: string;
  correctOptionIds: string[];
  correctBoolean: boolean | null;
  correctItemIds: string[];
  correctMatches: { promptId: string; matchId: string }[];
  acceptedAnswers: string[];
  acceptedNumbers: number[];
  optionFeedback: { optionId: string; feedbackKo: string; feedbackEn: string }[];
}
