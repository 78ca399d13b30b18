import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CreditSourceKind } from '@palma/shared';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { CreditEntry } from '../credit-entry.entity.js';

registerEnumType(CreditSourceKind, { name: 'CreditSourceKind' });

@ObjectType('CreditEntry', { description: 'One credited achievement in the ledger.' })
export class CreditEntryModel {
  @Field(() => ID) id: string;
  @Field(() => CreditSourceKind) sourceKind: CreditSourceKind;
  @Field(() => ID) sourceId: string;
  @Field(() => Int) minutes: number;
  @Field(() => Int) xp: number;
  @Field() label: string;
  @Field() occurredAt: Date;

  static from(e: CreditEntry): CreditEntryModel {
    return Object.assign(new CreditEntryModel(), {
      id: e.id,
      sourceKind: e.sourceKind,
      sourceId: e.sourceId,
      minutes: e.minutes,
      xp: e.xp,
      label: e.label,
      occurredAt: e.occurredAt,
    });
  }
}

@ObjectType()
export class CreditEntryConnection extends ConnectionType(CreditEntryModel, 'CreditEntry') {}

@ObjectType()
export class CreditSummary {
  @Field(() => Int, { description: 'All credit minutes ever earned' }) minutes: number;
  @Field(() => Int) xp: number;
}
