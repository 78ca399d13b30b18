import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/auth/viewer.js';
import type { AttemptQuestion } from './entities/attempt-question.entity.js';
import type { QuestionVersion } from './entities/question-version.entity.js';
import type { Question } from './entities/question.entity.js';
import type { QuizSlot } from './entities/quiz-slot.entity.js';
import type { Quiz } from './entities/quiz.entity.js';
import { QuestionBankService, type QuestionUsage } from './question-bank.service.js';
import { QuizAttemptsService } from './quiz-attempts.service.js';
import { QuizzesService } from './quizzes.service.js';

export interface QuizLoaderSet {
  question: DataLoader<string, Question | null>;
  usage: DataLoader<string, QuestionUsage>;
  quiz: DataLoader<string, Quiz | null>;
  slots: DataLoader<string, QuizSlot[]>;
  attemptQuestions: DataLoader<string, AttemptQuestion[]>;
  version: DataLoader<string, QuestionVersion | null>;
}

/** Per-request DataLoaders for the quiz module's per-row relations. */
@Injectable()
export class QuizLoaders {
  private readonly perRequest = new WeakMap<object, QuizLoaderSet>();

  constructor(
    private readonly bank: QuestionBankService,
    private readonly quizzes: QuizzesService,
    private readonly attempts: QuizAttemptsService,
  ) {}

  of(ctx: GqlContext): QuizLoaderSet {
    let set = this.perRequest.get(ctx);
    if (!set) {
      set = {
        question: byId((ids) => this.bank.byIds(ids)),
        usage: new DataLoader(async (ids) => {
          const map = await this.bank.usageOf(ids);
          return ids.map((id) => map.get(id) ?? { quizzes: 0, attempts: 0 });
        }),
        quiz: byId((ids) => this.quizzes.byIds(ids)),
        slots: new DataLoader(async (ids) => {
          const map = await this.quizzes.slotsOf(ids);
          return ids.map((id) => map.get(id) ?? []);
        }),
        attemptQuestions: new DataLoader(async (ids) => {
          const map = await this.attempts.questionsOf(ids);
          return ids.map((id) => map.get(id) ?? []);
        }),
        version: byId((ids) => this.attempts.versionsByIds(ids)),
      };
      this.perRequest.set(ctx, set);
    }
    return set;
  }
}

function byId<T extends { id: string }>(
  load: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = new Map((await load(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}
