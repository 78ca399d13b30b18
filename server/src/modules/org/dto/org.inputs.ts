import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '../../../common/graphql/connection.js';
import { Locale, Role } from '../org.enums.js';

@InputType()
export class DepartmentInput {
  @Field() code: string;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field(() => ID, { nullable: true, description: 'Parent department; null for a top-level department' })
  parentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Head of the department (their manager scope)' })
  headId?: string | null;
}

@InputType()
export class UpdateDepartmentInput {
  @Field() code: string;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field(() => ID, { nullable: true }) headId?: string | null;
}

@InputType()
export class PersonInput {
  @Field() employeeNumber: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => String, { nullable: true }) rank?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => ID) departmentId: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => Locale, { defaultValue: 'ko' }) locale: Locale;
}

@InputType()
export class PeopleFilter {
  @Field(() => String, { nullable: true, description: 'Matches name, email or employee number' })
  search?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field({ defaultValue: true, description: 'With departmentId: include its sub-departments' })
  includeSubdepartments: boolean;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => String, { nullable: true }) rank?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'null: everyone; default: active people only',
    defaultValue: true,
  })
  active?: boolean | null;
}

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => PeopleFilter, { nullable: true }) filter?: PeopleFilter | null;
}
