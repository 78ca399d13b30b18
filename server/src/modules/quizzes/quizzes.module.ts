import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { QuestionBankResolver } from './question-bank.resolver.js';
import { QuestionBankService } from './question-bank.service.js';
import { QuestionTransferService } from './question-transfer.service.js';
import { QuizAttemptsResolver } from './quiz-attempts.resolver.js';
import { QuizAttemptsService } from './quiz-attempts.service.js';
import { QuizReportsService } from './quiz-reports.service.js';
import { QuizLoaders } from './quizzes.loaders.js';
import { QuizzesResolver } from './quizzes.resolver.js';
import { QuizzesService } from './quizzes.service.js';

/**
 * Quizzes: the question bank (categories, versioned questions, GIFT/CSV), quizzes with fixed and
 * random slots, server-graded attempts inside quiz lessons, and results with item analysis.
 * Depends on courses (one way): it completes quiz lessons and attaches quizzes to them.
 */
@Module({
  imports: [CoursesModule, LedgerModule],
  providers: [
    QuestionBankService,
    QuestionTransferService,
    QuestionBankResolver,
    QuizzesService,
    QuizzesResolver,
    QuizAttemptsService,
    QuizAttemptsResolver,
    QuizReportsService,
    QuizLoaders,
  ],
  exports: [QuestionBankService, QuizAttemptsService],
})
export class QuizzesModule {}
