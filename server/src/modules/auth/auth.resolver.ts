import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, CurrentViewer, Public, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { DepartmentsService } from '../org/departments.service.js';
import { DepartmentModel } from '../org/models/department.model.js';
import { PersonModel } from '../org/models/person.model.js';
import type { Person } from '../org/person.entity.js';
import { PeopleService } from '../org/people.service.js';
import { AuthService } from './auth.service.js';
import { SessionCookie } from './session-cookie.js';
import { ChangePasswordInput, LoginInput, Me, TemporaryPassword } from './models/auth.models.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly people: PeopleService,
    private readonly departments: DepartmentsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Query(() => Me, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  async me(@Ctx() ctx: GqlContext): Promise<Me | null> {
    if (!ctx.viewer) return null;
    const person = await this.people.findById(ctx.viewer.personId);
    if (!person) return null;
    return this.describe(person, await this.auth.mustChangePassword(person.id));
  }

  private async describe(person: Person, mustChangePassword: boolean): Promise<Me> {
    const scope = await this.departments.headedScope(person.id);
    return {
      person: PersonModel.from(person),
      mustChangePassword,
      headedDepartments: scope.headed.map(DepartmentModel.from),
      managedDepartmentIds: scope.ids,
    };
  }

  @Public()
  @Mutation(() => Me, { description: 'Signs in with email or employee number; sets the session cookie.' })
  async login(@Args('input') input: LoginInput, @Ctx() ctx: GqlContext): Promise<Me> {
    const result = await this.auth.login(
      input.identifier,
      input.password,
      ctx.ip,
      ctx.req?.headers['user-agent'] ?? null,
    );
    if (ctx.res) this.cookie.set(ctx.res, result.token, result.expiresAt);
    // The rest of this response (e.g. me.person.department) is resolved as the person just signed in.
    ctx.viewer = {
      personId: result.person.id,
      sessionId: result.sessionId,
      roles: result.person.roles,
      departmentId: result.person.departmentId,
    };
    return this.describe(result.person, result.mustChangePassword);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the current session (safe to call when signed out).' })
  async logout(@Ctx() ctx: GqlContext): Promise<boolean> {
    if (ctx.viewer) await this.auth.logout(ctx.viewer);
    if (ctx.res) this.cookie.clear(ctx.res);
    return true;
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Changes your password and signs out your other sessions.' })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    await this.auth.changePassword(viewer, input.currentPassword, input.newPassword);
    return true;
  }

  @Roles('ADMIN')
  @Mutation(() => TemporaryPassword, {
    description: 'Issues a temporary password and signs the person out everywhere.',
  })
  async issueTemporaryPassword(
    @Args('personId', { type: () => ID }) personId: string,
  ): Promise<TemporaryPassword> {
    return { password: await this.auth.issueTemporaryPassword(personId) };
  }
}
