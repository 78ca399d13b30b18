import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { LessonModel } from '../courses/models/course.models.js';
import { QuestionModel } from './models/question-bank.models.js';
import { QuizInput, QuizModel, QuizResults, QuizSlotInput, QuizSlotModel } from './models/quiz.models.js';
import { QuizLoaders } from './quizzes.loaders.js';
import { QuizReportsService } from './quiz-reports.service.js';
import { QuizzesService } from './quizzes.service.js';

/** Quizzes as their authors see them: settings, slots, results. Trainers and admins. */
@Resolver(() => QuizModel)
export class QuizzesResolver {
  constructor(
    private readonly quizService: QuizzesService,
    private readonly reports: QuizReportsService,
    private readonly loaders: QuizLoaders,
  ) {}

  @Roles('TRAINER', 'ADMIN')
  @Query(() => [QuizModel], { description: 'Every quiz, most recently changed first' })
  async quizzes(): Promise<QuizModel[]> {
    return (await this.quizService.list()).map(QuizModel.fromQuiz);
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => QuizModel)
  async quiz(@Args('id', { type: () => ID }) id: string): Promise<QuizModel> {
    return QuizModel.fromQuiz(await this.quizService.get(id));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuizModel, { description: 'Idempotent when the client chooses the id' })
  async createQuiz(@Args('input') input: QuizInput, @CurrentViewer() viewer: Viewer): Promise<QuizModel> {
    return QuizModel.fromQuiz(await this.quizService.create(viewer.personId, input));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuizModel)
  async updateQuiz(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: QuizInput,
  ): Promise<QuizModel> {
    return QuizModel.fromQuiz(await this.quizService.update(id, input));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuizModel, { description: 'Replaces all slots at once, in order' })
  async setQuizSlots(
    @Args('id', { type: () => ID }) id: string,
    @Args('slots', { type: () => [QuizSlotInput] }) slots: QuizSlotInput[],
  ): Promise<QuizModel> {
    return QuizModel.fromQuiz(await this.quizService.setSlots(id, slots));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => ID, { description: 'Deletes a quiz no lesson uses and nobody attempted' })
  deleteQuiz(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.quizService.delete(id);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => LessonModel, {
    description: 'Puts a quiz into a quiz lesson of a course draft (null removes it)',
  })
  async attachQuizToLesson(
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('quizId', { type: () => ID, nullable: true }) quizId: string | null,
  ): Promise<LessonModel> {
    return LessonModel.from(await this.quizService.attachToLesson(lessonId, quizId));
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => QuizResults, { description: 'Attempts, score distribution and item analysis' })
  quizResults(@Args('quizId', { type: () => ID }) quizId: string): Promise<QuizResults> {
    return this.reports.results(quizId);
  }

  @Roles('TRAINER', 'ADMIN')
  @ResolveField(() => [QuizSlotModel])
  async slots(@Parent() quiz: QuizModel, @Context() ctx: GqlContext): Promise<QuizSlotModel[]> {
    const slots = await this.loaders.of(ctx).slots.load(quiz.id);
    return Promise.all(
      slots.map(async (s) => {
        const model = QuizSlotModel.from(s, (await this.quizService.availableFor(s)).length);
        const question = s.questionId ? await this.loaders.of(ctx).question.load(s.questionId) : null;
        model.question = question ? QuestionModel.from(question) : null;
        return model;
      }),
    );
  }

  @Roles('TRAINER', 'ADMIN')
  @ResolveField(() => Int, { description: 'Questions in one attempt' })
  async questionCount(@Parent() quiz: QuizModel, @Context() ctx: GqlContext): Promise<number> {
    return (await this.loaders.of(ctx).slots.load(quiz.id)).reduce((sum, s) => sum + s.drawCount, 0);
  }

  @Roles('TRAINER', 'ADMIN')
  @ResolveField(() => Int, { description: 'Lessons (in any course version) that use this quiz' })
  lessonCount(@Parent() quiz: QuizModel): Promise<number> {
    return this.quizService.lessonsUsing(quiz.id);
  }
}
