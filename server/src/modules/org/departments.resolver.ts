import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, Roles } from '../../common/auth/decorators.js';
import type { GqlContext } from '../../common/auth/viewer.js';
import { DepartmentsService } from './departments.service.js';
import { DepartmentInput, UpdateDepartmentInput } from './dto/org.inputs.js';
import { DepartmentModel, PersonSummary } from './models/department.model.js';
import { OrgLoaders } from './org.loaders.js';

@Resolver(() => DepartmentModel)
export class DepartmentsResolver {
  constructor(
    private readonly departmentsService: DepartmentsService,
    private readonly loaders: OrgLoaders,
  ) {}

  @Authenticated()
  @Query(() => [DepartmentModel], {
    description: 'The whole department tree as a flat list (parentId links).',
  })
  async departments(): Promise<DepartmentModel[]> {
    return (await this.departmentsService.list()).map(DepartmentModel.from);
  }

  @Authenticated()
  @Query(() => DepartmentModel)
  async department(@Args('id', { type: () => ID }) id: string): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.get(id));
  }

  @Roles('ADMIN')
  @Mutation(() => DepartmentModel)
  async createDepartment(@Args('input') input: DepartmentInput): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.create(input));
  }

  @Roles('ADMIN')
  @Mutation(() => DepartmentModel)
  async updateDepartment(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateDepartmentInput,
  ): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.update(id, input));
  }

  @Roles('ADMIN')
  @Mutation(() => DepartmentModel, {
    description: 'Moves a department and its subtree; parentId null = top level.',
  })
  async moveDepartment(
    @Args('id', { type: () => ID }) id: string,
    @Args('parentId', { type: () => ID, nullable: true }) parentId: string | null,
  ): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.move(id, parentId ?? null));
  }

  @Roles('ADMIN')
  @Mutation(() => Boolean, { description: 'Deletes a department that has no sub-departments and no people.' })
  deleteDepartment(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.departmentsService.delete(id);
  }

  @Authenticated()
  @ResolveField(() => PersonSummary, { nullable: true })
  async head(@Parent() department: DepartmentModel, @Ctx() ctx: GqlContext): Promise<PersonSummary | null> {
    if (!department.headId) return null;
    const person = await this.loaders.of(ctx).person.load(department.headId);
    return person && { id: person.id, name: person.name, rank: person.rank, jobTitle: person.jobTitle };
  }

  @Authenticated()
  @ResolveField(() => Int, { description: 'Active people directly in this department' })
  headcount(@Parent() department: DepartmentModel, @Ctx() ctx: GqlContext): Promise<number> {
    return this.loaders.of(ctx).headcount.load(department.id);
  }
}
