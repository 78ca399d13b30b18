import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/graphql/connection.js';
import { Locale, Role } from '../org.enums.js';
import type { Person } from '../person.entity.js';

@ObjectType('Person', {
  description: 'A member of the organisation, as admins, their managers and they themselves see them.',
})
export class PersonModel {
  @Field(() => ID) id: string;
  @Field() employeeNumber: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => String, { nullable: true, description: 'Rank or grade (직급), e.g. 6급' }) rank: string | null;
  @Field(() => String, { nullable: true, description: 'Job title (직위)' }) jobTitle: string | null;
  @Field(() => ID) departmentId: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => Locale) locale: Locale;
  @Field() active: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(entity: Person): PersonModel {
    return Object.assign(new PersonModel(), {
      id: entity.id,
      employeeNumber: entity.employeeNumber,
      name: entity.name,
      email: entity.email,
      rank: entity.rank,
      jobTitle: entity.jobTitle,
      departmentId: entity.departmentId,
      roles: entity.roles,
      locale: entity.locale,
      active: entity.active,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

@ObjectType()
export class PersonConnection extends ConnectionType(PersonModel, 'Person') {}
