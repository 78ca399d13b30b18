import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AttemptStatus,
  QuestionDifficulty,
  QuizFeedbackMode,
  QuizGradingMethod,
  QuizLayout,
  type QuestionType,
} from '@palma/shared';
import type { QuizAttempt } from '../entities/quiz-attempt.entity.js';
import type { QuizSlot } from '../entities/quiz-slot.entity.js';
import type { Quiz } from '../entities/quiz.entity.js';
import { QuestionModel } from './question-bank.models.js';
import { QuestionType as QuestionTypeEnum } from '@palma/shared';

registerEnumType(QuizGradingMethod, { name: 'QuizGradingMethod' });
registerEnumType(QuizFeedbackMode, {
  name: 'QuizFeedbackMode',
  description: 'When learners see correctness, the key and explanations',
});
registerEnumType(QuizLayout, { name: 'QuizLayout' });
registerEnumType(AttemptStatus, { name: 'AttemptStatus' });

/** The settings of a quiz a learner may know (no questions, no key). */
@ObjectType()
export class QuizInfo {
  @Field(() => ID) id: string;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field() descriptionKo: string;
  @Field() descriptionEn: string;
  @Field(() => Int) passPercent: number;
  @Field(() => Int, { nullable: true }) timeLimitSeconds: number | null;
  @Field(() => Int, { nullable: true, description: 'Null: unlimited' }) maxAttempts: number | null;
  @Field(() => QuizGradingMethod) gradingMethod: QuizGradingMethod;
  @Field(() => QuizFeedbackMode) feedbackMode: QuizFeedbackMode;
  @Field(() => QuizLayout) layout: QuizLayout;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => Int) creditMinutes: number;

  static from(q: Quiz): QuizInfo {
    return Object.assign(new QuizInfo(), {
      id: q.id,
      titleKo: q.titleKo,
      titleEn: q.titleEn,
      descriptionKo: q.descriptionKo,
      descriptionEn: q.descriptionEn,
      passPercent: q.passPercent,
      timeLimitSeconds: q.timeLimitSeconds,
      maxAttempts: q.maxAttempts,
      gradingMethod: q.gradingMethod,
      feedbackMode: q.feedbackMode,
      layout: q.layout,
      dueAt: q.dueAt,
      creditMinutes: q.creditMinutes,
    });
  }
}

@ObjectType('QuizSlot')
export class QuizSlotModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field(() => ID, { nullable: true }) questionId: string | null;
  @Field(() => QuestionModel, { nullable: true }) question?: QuestionModel | null;
  @Field(() => ID, { nullable: true }) categoryId: string | null;
  @Field(() => Int) drawCount: number;
  @Field(() => QuestionDifficulty, { nullable: true }) difficulty: QuestionDifficulty | null;
  @Field() includeSubcategories: boolean;
  @Field(() => Int, { description: 'Active questions this slot can draw from now' }) availableCount: number;

  static from(s: QuizSlot, availableCount: number): QuizSlotModel {
    return Object.assign(new QuizSlotModel(), {
      id: s.id,
      position: s.position,
      questionId: s.questionId,
      categoryId: s.categoryId,
      drawCount: s.drawCount,
      difficulty: s.difficulty,
      includeSubcategories: s.includeSubcategories,
      availableCount,
    });
  }
}

/** A quiz as its authors see it. */
@ObjectType('Quiz')
export class QuizModel extends QuizInfo {
  @Field() shuffleQuestions: boolean;
  @Field() shuffleOptions: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static fromQuiz(q: Quiz): QuizModel {
    return Object.assign(new QuizModel(), QuizInfo.from(q), {
      shuffleQuestions: q.shuffleQuestions,
      shuffleOptions: q.shuffleOptions,
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
    });
  }
}

@InputType()
export class QuizInput {
  @Field(() => ID, {
    nullable: true,
    description: 'On create: a client-chosen UUID, so a retry returns the same quiz',
  })
  id?: string | null;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field(() => String, { nullable: true }) descriptionKo?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => Int) passPercent: number;
  @Field(() => Int, { nullable: true }) timeLimitSeconds?: number | null;
  @Field(() => Int, { nullable: true }) maxAttempts?: number | null;
  @Field(() => QuizGradingMethod) gradingMethod: QuizGradingMethod;
  @Field() shuffleQuestions: boolean;
  @Field() shuffleOptions: boolean;
  @Field(() => QuizFeedbackMode) feedbackMode: QuizFeedbackMode;
  @Field(() => QuizLayout) layout: QuizLayout;
  @Field(() => Date, { nullable: true }) dueAt?: Date | null;
  @Field(() => Int, { defaultValue: 0 }) creditMinutes: number;
}

@InputType()
export class QuizSlotInput {
  @Field(() => ID, { nullable: true, description: 'A fixed question' }) questionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Or a category to draw from' }) categoryId?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: 1 }) drawCount?: number | null;
  @Field(() => QuestionDifficulty, { nullable: true }) difficulty?: QuestionDifficulty | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) includeSubcategories?: boolean | null;
}

// ------------------------------------------------------------------------------------------------
// The learner's side: nothing here carries a key unless `review` is allowed.

@ObjectType()
export class PresentedChoice {
  @Field() id: string;
  @Field() textKo: string;
  @Field() textEn: string;
}

@ObjectType()
export class MatchSelection {
  @Field() promptId: string;
  @Field() matchId: string;
}

@InputType()
export class MatchSelectionInput {
  @Field() promptId: string;
  @Field() matchId: string;
}

@ObjectType({ description: 'The learner’s saved answer; only the field of the question’s type is set' })
export class SavedAnswer {
  @Field(() => [String], { nullable: true }) optionIds: string[] | null;
  @Field(() => Boolean, { nullable: true }) booleanValue: boolean | null;
  @Field(() => [String], { nullable: true }) itemIds: string[] | null;
  @Field(() => [MatchSelection], { nullable: true }) matches: MatchSelection[] | null;
  @Field(() => String, { nullable: true }) text: string | null;
  @Field(() => Float, { nullable: true }) numberValue: number | null;
}

@ObjectType()
export class OptionFeedback {
  @Field() optionId: string;
  @Field() feedbackKo: string;
  @Field() feedbackEn: string;
}

@ObjectType({
  description: 'Correctness, key and explanation: present only when the quiz’s feedback rule allows',
})
export class QuestionReview {
  @Field() correct: boolean;
  @Field(() => Float, { description: 'Share of the points earned, 0..1' }) fraction: number;
  @Field(() => Float) score: number;
  @Field() explanationKo: string;
  @Field() explanationEn: string;
  @Field(() => [String]) correctOptionIds: string[];
  @Field(() => Boolean, { nullable: true }) correctBoolean: boolean | null;
  @Field(() => [String], { description: 'Ordering: item ids in the right order' }) correctItemIds: string[];
  @Field(() => [MatchSelection]) correctMatches: MatchSelection[];
  @Field(() => [String]) acceptedAnswers: string[];
  @Field(() => [Float]) acceptedNumbers: number[];
  @Field(() => [OptionFeedback]) optionFeedback: OptionFeedback[];
}

@ObjectType()
export class AttemptQuestion {
  @Field(() => ID, { description: 'The question’s place in this attempt (used to save answers)' }) id: string;
  @Field(() => Int) position: number;
  @Field(() => QuestionTypeEnum) type: QuestionType;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field(() => String, { nullable: true }) imageUrl: string | null;
  @Field(() => Int) points: number;
  @Field(() => [PresentedChoice], { description: 'Choice questions: options in this attempt’s order' })
  options: PresentedChoice[];
  @Field(() => [PresentedChoice], { description: 'Ordering: the items, shuffled' })
  orderingItems: PresentedChoice[];
  @Field(() => [PresentedChoice], { description: 'Matching: the prompts' }) matchPrompts: PresentedChoice[];
  @Field(() => [PresentedChoice], { description: 'Matching: the answers to pair, shuffled' })
  matchChoices: PresentedChoice[];
  @Field(() => SavedAnswer, { nullable: true }) answer: SavedAnswer | null;
  @Field() checked: boolean;
  @Field(() => QuestionReview, { nullable: true }) review: QuestionReview | null;
}

@ObjectType('QuizAttempt')
export class QuizAttemptModel {
  @Field(() => ID) id: string;
  @Field(() => ID) quizId: string;
  @Field(() => Int) number: number;
  @Field(() => AttemptStatus) status: AttemptStatus;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true, description: 'Set by the server clock; null without a time limit' })
  deadlineAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => Float) maxScore: number;
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => Boolean, { nullable: true }) passed: boolean | null;
  @Field({ description: 'The server’s clock when this was read, to count down without trusting the device' })
  serverNow: Date;
  @Field({ description: 'Whether the feedback rule lets the learner review answers now' })
  reviewAvailable: boolean;

  static from(a: QuizAttempt, reviewAvailable: boolean): QuizAttemptModel {
    return Object.assign(new QuizAttemptModel(), {
      id: a.id,
      quizId: a.quizId,
      number: a.number,
      status: a.status,
      startedAt: a.startedAt,
      deadlineAt: a.deadlineAt,
      finishedAt: a.finishedAt,
      score: a.score,
      maxScore: a.maxScore,
      percent: a.percent,
      passed: a.passed,
      serverNow: new Date(),
      reviewAvailable,
    });
  }
}

@ObjectType()
export class LessonQuiz {
  @Field(() => QuizInfo) quiz: QuizInfo;
  @Field(() => ID) enrolmentId: string;
  @Field(() => ID) lessonId: string;
  @Field(() => [QuizAttemptModel], { description: 'The viewer’s attempts, oldest first' })
  attempts: QuizAttemptModel[];
  @Field(() => QuizAttemptModel, { nullable: true }) inProgress: QuizAttemptModel | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Per the grading method; null before a finished attempt',
  })
  grade: number | null;
  @Field() passed: boolean;
  @Field() lessonCompleted: boolean;
  @Field(() => Int, { nullable: true, description: 'Null: unlimited' }) attemptsLeft: number | null;
  @Field(() => Int) questionCount: number;
}

@InputType()
export class SaveQuizAnswerInput {
  @Field(() => ID) attemptId: string;
  @Field(() => ID) attemptQuestionId: string;
  @Field(() => [String], { nullable: true }) optionIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) booleanValue?: boolean | null;
  @Field(() => [String], { nullable: true }) itemIds?: string[] | null;
  @Field(() => [MatchSelectionInput], { nullable: true }) matches?: MatchSelectionInput[] | null;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => Float, { nullable: true }) numberValue?: number | null;
}

// ------------------------------------------------------------------------------------------------
// Results for authors

@ObjectType()
export class OptionStat {
  @Field() optionId: string;
  @Field() textKo: string;
  @Field() textEn: string;
  @Field() correct: boolean;
  @Field(() => Int) chosen: number;
}

@ObjectType()
export class QuestionStat {
  @Field(() => ID) questionId: string;
  @Field(() => QuestionTypeEnum) type: QuestionType;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field(() => Int, { description: 'Graded answers (finished attempts that showed it)' }) shown: number;
  @Field(() => Int) answered: number;
  @Field(() => Float, { description: 'Percent of graded answers fully correct' }) correctPercent: number;
  @Field(() => Float, { description: 'Average share of points earned, 0..1' }) averageFraction: number;
  @Field(() => [OptionStat], { description: 'Choice questions: how often each option was picked' })
  options: OptionStat[];
}

@ObjectType()
export class AttemptSummary {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => Int) number: number;
  @Field(() => AttemptStatus) status: AttemptStatus;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => Boolean, { nullable: true }) passed: boolean | null;
}

@ObjectType()
export class QuizResults {
  @Field(() => ID) quizId: string;
  @Field(() => Int) attempts: number;
  @Field(() => Int) finishedAttempts: number;
  @Field(() => Int) people: number;
  @Field(() => Int) peoplePassed: number;
  @Field(() => Float, { nullable: true }) averagePercent: number | null;
  @Field(() => [Int], { description: 'Finished attempts per score band: 0–9 %, 10–19 %, …, 90–100 %' })
  scoreDistribution: number[];
  @Field(() => [QuestionStat], { description: 'Hardest first (lowest percent correct)' })
  questions: QuestionStat[];
  @Field(() => [AttemptSummary], { description: 'The latest 200 attempts' }) recentAttempts: AttemptSummary[];
}
