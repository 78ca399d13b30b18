import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Department } from '../department.entity.js';

@ObjectType({ description: 'A person as others in the organisation may see them.' })
export class PersonSummary {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) rank: string | null;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
}

@ObjectType('Department', { description: 'A unit of the organisation tree.' })
export class DepartmentModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() nameKo: string;
  @Field() nameEn: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => ID, { nullable: true }) headId: string | null;

  static from(entity: Department): DepartmentModel {
    return Object.assign(new DepartmentModel(), {
      id: entity.id,
      code: entity.code,
      nameKo: entity.nameKo,
      nameEn: entity.nameEn,
      parentId: entity.parentId,
      headId: entity.headId,
    });
  }
}
