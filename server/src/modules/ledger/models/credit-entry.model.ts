import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CreditSourceKind, XpRuleKey } from '@palma/shared';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { CreditEntry } from '../credit-entry.entity.js';

registerEnumType(CreditSourceKind, { name: 'CreditSourceKind' });
registerEnumType(XpRuleKey, { name: 'XpRuleKey' });

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

@ObjectType('XpRule', {
  description: 'How much XP an achievement earns, with its cooldown for repeatable ones.',
})
export class XpRuleModel {
  @Field(() => XpRuleKey) key: XpRuleKey;
  @Field(() => Int) xp: number;
  @Field(() => Int, { description: 'Minutes after XP under this rule during which it earns none again' })
  cooldownMinutes: number;
  @Field(() => Int) defaultXp: number;
  @Field(() => Int) defaultCooldownMinutes: number;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}
