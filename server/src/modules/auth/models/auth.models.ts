import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DepartmentModel } from '../../org/models/department.model.js';
import { PersonModel } from '../../org/models/person.model.js';

@ObjectType({ description: 'The signed-in person.' })
export class Me {
  @Field(() => PersonModel) person: PersonModel;
  @Field({ description: 'True after an admin issued a temporary password' }) mustChangePassword: boolean;
  @Field(() => [DepartmentModel], {
    description: 'Departments this person heads (their manager scope roots)',
  })
  headedDepartments: DepartmentModel[];
  @Field(() => [ID], { description: 'The headed departments and all their descendants: the manager scope' })
  managedDepartmentIds: string[];
}

@InputType()
export class LoginInput {
  @Field({ description: 'Email address or employee number' }) identifier: string;
  @Field() password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field() newPassword: string;
}

@ObjectType()
export class TemporaryPassword {
  @Field({ description: 'Shown once; the person must change it at next sign-in' }) password: string;
}
