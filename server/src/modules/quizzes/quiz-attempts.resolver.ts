import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { attemptReviewAvailable, presentAttemptQuestion } from './attempt-view.js';
import type { QuizAttempt } from './entities/quiz-attempt.entity.js';
import {
  AttemptQuestion,
  LessonQuiz,
  QuizAttemptModel,
  QuizInfo,
  SaveQuizAnswerInput,
} from './models/quiz.models.js';
import { QuizAttemptsService, type AnsweredQuestion } from './quiz-attempts.service.js';
import { QuizLoaders } from './quizzes.loaders.js';

/** The learner's side of quizzes. Every operation works on the viewer's own attempts only. */
@Resolver(() => QuizAttemptModel)
export class QuizAttemptsResolver {
  constructor(
    private readonly attempts: QuizAttemptsService,
    private readonly loaders: QuizLoaders,
  ) {}

  @Authenticated()
  @Query(() => LessonQuiz, { description: 'The quiz of a quiz lesson and the viewer’s attempts at it' })
  async lessonQuiz(
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GqlContext,
  ): Promise<LessonQuiz> {
    const state = await this.attempts.lessonQuiz(viewer.personId, enrolmentId, lessonId);
    for (const attempt of state.attempts) attemptsOf(ctx).set(attempt.id, attempt);
    const now = new Date();
    const models = state.attempts.map((a) =>
      QuizAttemptModel.from(a, attemptReviewAvailable(state.quiz, a, now)),
    );
    return {
      quiz: QuizInfo.from(state.quiz),
      enrolmentId: state.enrolmentId,
      lessonId: state.lessonId,
      attempts: models,
      inProgress: models.find((a) => a.status === 'IN_PROGRESS') ?? null,
      grade: state.grade,
      passed: state.passed,
      lessonCompleted: state.lessonCompleted,
      attemptsLeft: state.attemptsLeft,
      questionCount: state.questionCount,
    };
  }

  @Authenticated()
  @Query(() => QuizAttemptModel, {
    description: 'One of the viewer’s attempts (closed first if its time is up)',
  })
  async quizAttempt(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GqlContext,
  ): Promise<QuizAttemptModel> {
    return this.model(await this.attempts.attempt(viewer.personId, id), ctx);
  }

  @Authenticated()
  @Mutation(() => QuizAttemptModel, {
    description: 'Starts an attempt, or returns the one in progress; the server sets the deadline',
  })
  async startQuizAttempt(
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GqlContext,
  ): Promise<QuizAttemptModel> {
    return this.model(await this.attempts.start(viewer.personId, enrolmentId, lessonId), ctx);
  }

  @Authenticated()
  @Mutation(() => AttemptQuestion, { description: 'Saves an answer; with no answer field it clears it' })
  async saveQuizAnswer(
    @Args('input') input: SaveQuizAnswerInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AttemptQuestion> {
    const { attemptId, attemptQuestionId, ...answer } = input;
    return present(await this.attempts.saveAnswer(viewer.personId, { attemptId, attemptQuestionId, answer }));
  }

  @Authenticated()
  @Mutation(() => AttemptQuestion, {
    description: 'Immediate feedback: grades one answer and locks it (quizzes with IMMEDIATE feedback only)',
  })
  async checkQuizAnswer(
    @Args('attemptId', { type: () => ID }) attemptId: string,
    @Args('attemptQuestionId', { type: () => ID }) attemptQuestionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AttemptQuestion> {
    return present(await this.attempts.check(viewer.personId, attemptId, attemptQuestionId));
  }

  @Authenticated()
  @Mutation(() => QuizAttemptModel, {
    description:
      'Submits and grades once; a repeat returns the same result. After the deadline: ATTEMPT_EXPIRED',
  })
  async submitQuizAttempt(
    @Args('attemptId', { type: () => ID }) attemptId: string,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GqlContext,
  ): Promise<QuizAttemptModel> {
    return this.model(await this.attempts.submit(viewer.personId, attemptId), ctx);
  }

  @Authenticated()
  @ResolveField(() => [AttemptQuestion], { description: 'In this attempt’s order' })
  async questions(@Parent() model: QuizAttemptModel, @Context() ctx: GqlContext): Promise<AttemptQuestion[]> {
    const loaders = this.loaders.of(ctx);
    const attempt = attemptsOf(ctx).get(model.id);
    const quiz = await loaders.quiz.load(model.quizId);
    if (!attempt || !quiz) return [];
    const rows = await loaders.attemptQuestions.load(model.id);
    const versions = await Promise.all(rows.map((r) => loaders.version.load(r.questionVersionId)));
    const now = new Date();
    return rows.map((row, i) => presentAttemptQuestion(row, versions[i]!, attempt, quiz, now));
  }

  private async model(attempt: QuizAttempt, ctx: GqlContext): Promise<QuizAttemptModel> {
    attemptsOf(ctx).set(attempt.id, attempt);
    const quiz = await this.loaders.of(ctx).quiz.load(attempt.quizId);
    return QuizAttemptModel.from(attempt, quiz ? attemptReviewAvailable(quiz, attempt, new Date()) : false);
  }
}

/** The question just written, as the learner may see it now (the attempt is still open). */
function present({ row, version, attempt, quiz }: AnsweredQuestion): AttemptQuestion {
  return presentAttemptQuestion(row, version, attempt, quiz, new Date());
}

/**
 * The attempt rows this request resolved, by id: `questions` needs the row (status, owner) that
 * the parent field already checked belongs to the viewer — never one looked up by id alone.
 */
const perRequest = new WeakMap<object, Map<string, QuizAttempt>>();
function attemptsOf(ctx: GqlContext): Map<string, QuizAttempt> {
  let map = perRequest.get(ctx);
  if (!map) perRequest.set(ctx, (map = new Map()));
  return map;
}
