import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import {
  QuestionCategoryInput,
  QuestionCategoryModel,
  QuestionConnection,
  QuestionExport,
  QuestionFilterInput,
  QuestionImportFormat,
  QuestionImportInput,
  QuestionImportReport,
  QuestionInput,
  QuestionModel,
  QuestionUsageModel,
} from './models/question-bank.models.js';
import { QuestionBankService } from './question-bank.service.js';
import { QuestionTransferService } from './question-transfer.service.js';
import { QuizLoaders } from './quizzes.loaders.js';

/** The question bank: trainers and admins only (it holds the answer keys). */
@Resolver(() => QuestionModel)
export class QuestionBankResolver {
  constructor(
    private readonly bank: QuestionBankService,
    private readonly transfer: QuestionTransferService,
    private readonly loaders: QuizLoaders,
  ) {}

  @Roles('TRAINER', 'ADMIN')
  @Query(() => [QuestionCategoryModel], { description: 'Every category of the bank (a tree by parentId)' })
  async questionCategories(): Promise<QuestionCategoryModel[]> {
    const { categories, counts } = await this.bank.categoriesWithCounts();
    return categories.map((c) => QuestionCategoryModel.from(c, counts.get(c.id) ?? 0));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuestionCategoryModel, {
    description: 'Idempotent: the same name under the same parent is found',
  })
  async createQuestionCategory(@Args('input') input: QuestionCategoryInput): Promise<QuestionCategoryModel> {
    return QuestionCategoryModel.from(await this.bank.createCategory(input), 0);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuestionCategoryModel)
  async updateQuestionCategory(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: QuestionCategoryInput,
  ): Promise<QuestionCategoryModel> {
    return QuestionCategoryModel.from(await this.bank.updateCategory(id, input), 0);
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => ID, { description: 'Deletes an empty category; returns its id' })
  deleteQuestionCategory(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.bank.deleteCategory(id);
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => QuestionConnection)
  async questions(
    @Args('filter', { type: () => QuestionFilterInput, nullable: true }) filter: QuestionFilterInput | null,
    @Args() args: ConnectionArgs,
  ): Promise<QuestionConnection> {
    const page = await this.bank.list(filter ?? {}, args.first, args.after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: QuestionModel.from(e.node) })),
    };
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => QuestionModel)
  async question(@Args('id', { type: () => ID }) id: string): Promise<QuestionModel> {
    return QuestionModel.from(await this.bank.get(id));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuestionModel, { description: 'Idempotent when the client chooses the id' })
  async createQuestion(
    @Args('input') input: QuestionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QuestionModel> {
    return QuestionModel.from(await this.bank.create(viewer.personId, input));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuestionModel, {
    description: 'Saves a new version; attempts keep the version they showed',
  })
  async updateQuestion(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: QuestionInput,
  ): Promise<QuestionModel> {
    return QuestionModel.from(await this.bank.update(id, input));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuestionModel)
  async setQuestionArchived(
    @Args('id', { type: () => ID }) id: string,
    @Args('archived') archived: boolean,
  ): Promise<QuestionModel> {
    return QuestionModel.from(await this.bank.setArchived(id, archived));
  }

  @Roles('TRAINER', 'ADMIN')
  @Mutation(() => QuestionImportReport, {
    description: 'GIFT or CSV; all-or-nothing with line-numbered errors; dryRun only checks',
  })
  importQuestions(
    @Args('input') input: QuestionImportInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QuestionImportReport> {
    return this.transfer.import(viewer.personId, input);
  }

  @Roles('TRAINER', 'ADMIN')
  @Query(() => QuestionExport, { description: 'The active questions of a category (or all) as GIFT or CSV' })
  exportQuestions(
    @Args('format', { type: () => QuestionImportFormat }) format: QuestionImportFormat,
    @Args('categoryId', { type: () => ID, nullable: true }) categoryId: string | null,
  ): Promise<QuestionExport> {
    return this.transfer.export(format, categoryId);
  }

  @Roles('TRAINER', 'ADMIN')
  @ResolveField(() => QuestionUsageModel)
  usage(@Parent() question: QuestionModel, @Context() ctx: GqlContext): Promise<QuestionUsageModel> {
    return this.loaders.of(ctx).usage.load(question.id);
  }
}
