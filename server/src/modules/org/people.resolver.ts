import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { PeopleArgs, PersonInput } from './dto/org.inputs.js';
import { DepartmentModel } from './models/department.model.js';
import { PersonConnection, PersonModel } from './models/person.model.js';
import { Locale } from './org.enums.js';
import { OrgLoaders } from './org.loaders.js';
import { PeopleService } from './people.service.js';

@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(
    private readonly peopleService: PeopleService,
    private readonly loaders: OrgLoaders,
  ) {}

  @Roles('ADMIN', 'MANAGER')
  @Query(() => PersonConnection, {
    description: 'People the viewer may see: admins everyone, managers their subtree.',
  })
  async people(@Args() args: PeopleArgs, @CurrentViewer() viewer: Viewer): Promise<PersonConnection> {
    const page = await this.peopleService.list(viewer, args.filter, args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: PersonModel.from(e.node) })) };
  }

  @Authenticated()
  @Query(() => PersonModel, { description: 'One person: yourself, or someone in your scope.' })
  async person(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PersonModel> {
    return PersonModel.from(await this.peopleService.get(viewer, id));
  }

  @Roles('ADMIN', 'MANAGER')
  @Query(() => [String], { description: 'Ranks (직급) in use, for filters.' })
  ranks(): Promise<string[]> {
    return this.peopleService.ranks();
  }

  @Roles('ADMIN')
  @Mutation(() => PersonModel, {
    description: 'Creates a person (retrying with the same fields returns the same person).',
  })
  async createPerson(@Args('input') input: PersonInput): Promise<PersonModel> {
    return PersonModel.from(await this.peopleService.create(input));
  }

  @Roles('ADMIN')
  @Mutation(() => PersonModel, {
    description: 'Replaces a person’s fields (also moves them to another department).',
  })
  async updatePerson(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PersonInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PersonModel> {
    return PersonModel.from(await this.peopleService.update(viewer, id, input));
  }

  @Roles('ADMIN')
  @Mutation(() => PersonModel, {
    description: 'Deactivates (active: false) or reactivates a person; history is kept.',
  })
  async setPersonActive(
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PersonModel> {
    return PersonModel.from(await this.peopleService.setActive(viewer, id, active));
  }

  @Authenticated()
  @Mutation(() => PersonModel, { description: 'Sets the viewer’s interface language.' })
  async updateMyLocale(
    @Args('locale', { type: () => Locale }) locale: Locale,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PersonModel> {
    return PersonModel.from(await this.peopleService.updateLocale(viewer.personId, locale));
  }

  @Authenticated()
  @ResolveField(() => DepartmentModel)
  async department(@Parent() person: PersonModel, @Ctx() ctx: GqlContext): Promise<DepartmentModel> {
    const department = await this.loaders.of(ctx).department.load(person.departmentId);
    if (!department) throw new Error(`Person ${person.id} has no department row`);
    return DepartmentModel.from(department);
  }
}
