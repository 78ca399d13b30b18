import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  draftOf,
  MultipleScoring,
  QuestionDifficulty,
  QuestionType,
  type QuestionDraft,
} from '@palma/shared';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { QuestionCategory } from '../entities/question-category.entity.js';
import type { Question } from '../entities/question.entity.js';

registerEnumType(QuestionType, { name: 'QuestionType' });
registerEnumType(QuestionDifficulty, { name: 'QuestionDifficulty' });
registerEnumType(MultipleScoring, {
  name: 'MultipleScoring',
  description: 'All-or-nothing, or a share per correct option minus a share per wrong one',
});

export const QuestionImportFormat = { GIFT: 'GIFT', CSV: 'CSV' } as const;
export type QuestionImportFormat = (typeof QuestionImportFormat)[keyof typeof QuestionImportFormat];
registerEnumType(QuestionImportFormat, { name: 'QuestionImportFormat' });

@ObjectType('QuestionCategory')
export class QuestionCategoryModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field(() => Int, { description: 'Active questions directly in this category' }) questionCount: number;

  static from(c: QuestionCategory, questionCount: number): QuestionCategoryModel {
    return Object.assign(new QuestionCategoryModel(), {
      id: c.id,
      parentId: c.parentId,
      nameKo: c.nameKo,
      nameEn: c.nameEn,
      questionCount,
    });
  }
}

@ObjectType('QuestionOption')
export class QuestionOptionModel {
  @Field() id: string;
  @Field() textKo: string;
  @Field() textEn: string;
  @Field() correct: boolean;
  @Field() feedbackKo: string;
  @Field() feedbackEn: string;
}

@ObjectType('OrderingItem')
export class OrderingItemModel {
  @Field() id: string;
  @Field() textKo: string;
  @Field() textEn: string;
}

@ObjectType('MatchingPair')
export class MatchingPairModel {
  @Field() promptId: string;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field() matchId: string;
  @Field() matchKo: string;
  @Field() matchEn: string;
}

@ObjectType('NumericAnswer')
export class NumericAnswerModel {
  @Field(() => Float) value: number;
  @Field(() => Float) tolerance: number;
}

@ObjectType('QuestionUsage')
export class QuestionUsageModel {
  @Field(() => Int, { description: 'Quizzes with this question in a fixed slot' }) quizzes: number;
  @Field(() => Int, { description: 'Times any version of it was shown in an attempt' }) attempts: number;
}

/**
 * A question of the bank with its answer key: for trainers and admins only. Learners see
 * AttemptQuestion, which has no key.
 */
@ObjectType('Question')
export class QuestionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) categoryId: string;
  @Field(() => QuestionType) type: QuestionType;
  @Field(() => QuestionDifficulty) difficulty: QuestionDifficulty;
  @Field(() => Int) points: number;
  @Field(() => [String]) tags: string[];
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field() explanationKo: string;
  @Field() explanationEn: string;
  @Field(() => String, { nullable: true }) imageUrl: string | null;
  @Field(() => Int, { description: 'Current version number; every save adds one' }) version: number;
  @Field() archived: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => [QuestionOptionModel], { description: 'Single and multiple choice' })
  options: QuestionOptionModel[];
  @Field(() => MultipleScoring, { nullable: true }) multipleScoring: MultipleScoring | null;
  @Field(() => Boolean, { nullable: true }) trueFalseAnswer: boolean | null;
  @Field(() => [OrderingItemModel], { description: 'Ordering: the items in the correct order' })
  orderingItems: OrderingItemModel[];
  @Field(() => [MatchingPairModel]) matchingPairs: MatchingPairModel[];
  @Field(() => [String]) acceptedAnswers: string[];
  @Field(() => [String], { description: 'Regular expressions matched against the normalised answer' })
  acceptedPatterns: string[];
  @Field(() => [NumericAnswerModel]) numericAnswers: NumericAnswerModel[];

  static from(q: Question): QuestionModel {
    const draft: QuestionDraft = draftOf(
      {
        promptKo: q.promptKo,
        promptEn: q.promptEn,
        explanationKo: q.explanationKo,
        explanationEn: q.explanationEn,
        imageUrl: q.imageUrl,
        difficulty: q.difficulty,
        points: q.points,
        tags: q.tags,
      },
      q.body,
    );
    return Object.assign(new QuestionModel(), {
      id: q.id,
      categoryId: q.categoryId,
      type: q.type,
      difficulty: q.difficulty,
      points: q.points,
      tags: q.tags,
      promptKo: q.promptKo,
      promptEn: q.promptEn,
      explanationKo: q.explanationKo,
      explanationEn: q.explanationEn,
      imageUrl: q.imageUrl,
      version: q.version,
      archived: q.archivedAt !== null,
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
      options: (draft.options ?? []).map((o) => ({
        id: o.id ?? '',
        textKo: o.textKo,
        textEn: o.textEn,
        correct: o.correct,
        feedbackKo: o.feedbackKo ?? '',
        feedbackEn: o.feedbackEn ?? '',
      })),
      multipleScoring: draft.multipleScoring ?? null,
      trueFalseAnswer: draft.trueFalseAnswer ?? null,
      orderingItems: (draft.orderingItems ?? []).map((i) => ({
        id: i.id ?? '',
        textKo: i.textKo,
        textEn: i.textEn,
      })),
      matchingPairs: (draft.matchingPairs ?? []).map((p) => ({
        promptId: p.promptId ?? '',
        promptKo: p.promptKo,
        promptEn: p.promptEn,
        matchId: p.matchId ?? '',
        matchKo: p.matchKo,
        matchEn: p.matchEn,
      })),
      acceptedAnswers: draft.acceptedAnswers ?? [],
      acceptedPatterns: draft.acceptedPatterns ?? [],
      numericAnswers: draft.numericAnswers ?? [],
    });
  }
}

@ObjectType()
export class QuestionConnection extends ConnectionType(QuestionModel, 'Question') {}

@InputType()
export class QuestionCategoryInput {
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field() nameKo: string;
  @Field() nameEn: string;
}

@InputType()
export class QuestionFilterInput {
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field({ nullable: true, defaultValue: true }) includeSubcategories?: boolean;
  @Field(() => QuestionType, { nullable: true }) type?: QuestionType | null;
  @Field(() => QuestionDifficulty, { nullable: true }) difficulty?: QuestionDifficulty | null;
  @Field(() => String, { nullable: true }) tag?: string | null;
  @Field(() => String, { nullable: true, description: 'Words in the Korean or English prompt or tags' })
  search?: string | null;
  @Field({ nullable: true, defaultValue: false, description: 'Archived questions instead of active ones' })
  archived?: boolean;
}

@InputType()
export class QuestionOptionInput {
  @Field(() => String, { nullable: true, description: 'Keep it when editing; new options get one' })
  id?: string | null;
  @Field() textKo: string;
  @Field() textEn: string;
  @Field() correct: boolean;
  @Field(() => String, { nullable: true }) feedbackKo?: string | null;
  @Field(() => String, { nullable: true }) feedbackEn?: string | null;
}

@InputType()
export class OrderingItemInput {
  @Field(() => String, { nullable: true }) id?: string | null;
  @Field() textKo: string;
  @Field() textEn: string;
}

@InputType()
export class MatchingPairInput {
  @Field(() => String, { nullable: true }) promptId?: string | null;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field(() => String, { nullable: true }) matchId?: string | null;
  @Field() matchKo: string;
  @Field() matchEn: string;
}

@InputType()
export class NumericAnswerInput {
  @Field(() => Float) value: number;
  @Field(() => Float, { defaultValue: 0 }) tolerance: number;
}

@InputType({ description: 'A question as written; only the fields of its type may be given' })
export class QuestionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'On create: a UUID chosen by the client, so that a retry returns the same question',
  })
  id?: string | null;
  @Field(() => ID) categoryId: string;
  @Field(() => QuestionType) type: QuestionType;
  @Field() promptKo: string;
  @Field() promptEn: string;
  @Field(() => String, { nullable: true }) explanationKo?: string | null;
  @Field(() => String, { nullable: true }) explanationEn?: string | null;
  @Field(() => String, { nullable: true }) imageUrl?: string | null;
  @Field(() => QuestionDifficulty, { defaultValue: 'MEDIUM' }) difficulty: QuestionDifficulty;
  @Field(() => Int, { defaultValue: 1 }) points: number;
  @Field(() => [String], { defaultValue: [] }) tags: string[];
  @Field(() => [QuestionOptionInput], { nullable: true }) options?: QuestionOptionInput[] | null;
  @Field(() => MultipleScoring, { nullable: true }) multipleScoring?: MultipleScoring | null;
  @Field(() => Boolean, { nullable: true }) trueFalseAnswer?: boolean | null;
  @Field(() => [OrderingItemInput], { nullable: true }) orderingItems?: OrderingItemInput[] | null;
  @Field(() => [MatchingPairInput], { nullable: true }) matchingPairs?: MatchingPairInput[] | null;
  @Field(() => [String], { nullable: true }) acceptedAnswers?: string[] | null;
  @Field(() => [String], { nullable: true }) acceptedPatterns?: string[] | null;
  @Field(() => [NumericAnswerInput], { nullable: true }) numericAnswers?: NumericAnswerInput[] | null;
}

@InputType()
export class QuestionImportInput {
  @Field(() => QuestionImportFormat) format: QuestionImportFormat;
  @Field({ description: 'The file, base64-encoded (GIFT: UTF-8; CSV: UTF-8 or CP949)' })
  contentBase64: string;
  @Field({ defaultValue: true, description: 'Only check the file and report what would be created' })
  dryRun: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'Where the questions go; GIFT $CATEGORY paths and CSV category columns are made under it',
  })
  categoryId?: string | null;
}

@ObjectType()
export class QuestionImportError {
  @Field(() => Int, { description: 'Line in the file where the problem is' }) line: number;
  @Field(() => Int, { nullable: true }) column: number | null;
  @Field({ description: 'Stable code, e.g. UNCLOSED_ANSWER_BLOCK, INVALID_QUESTION, UNSUPPORTED_TYPE' })
  code: string;
  @Field({ description: 'English explanation' }) message: string;
  @Field(() => String, { nullable: true, description: 'The offending text (at most 100 characters)' })
  excerpt: string | null;
}

@ObjectType({ description: 'What an import did or would do. Nothing is written unless errors is empty.' })
export class QuestionImportReport {
  @Field(() => QuestionImportFormat) format: QuestionImportFormat;
  @Field() dryRun: boolean;
  @Field() applied: boolean;
  @Field(() => Int) totalQuestions: number;
  @Field(() => Int) created: number;
  @Field(() => Int, {
    description: 'Questions already imported from the same file into the same place: left alone',
  })
  unchanged: number;
  @Field(() => [String], { description: 'Category paths in the file (missing ones are made)' })
  categories: string[];
  @Field(() => [QuestionImportError]) errors: QuestionImportError[];
}

@ObjectType()
export class QuestionExport {
  @Field(() => QuestionImportFormat) format: QuestionImportFormat;
  @Field() filename: string;
  @Field() content: string;
  @Field(() => Int) count: number;
  @Field(() => Int, { description: 'Questions the format cannot express (left out)' }) skipped: number;
}
