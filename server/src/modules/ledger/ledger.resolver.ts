import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { XpRuleKey, xpRuleInputSchema } from '@palma/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { Authenticated, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { LedgerService } from './ledger.service.js';
import {
  CreditEntryConnection,
  CreditEntryModel,
  CreditSummary,
  XpRuleModel,
} from './models/credit-entry.model.js';

@Resolver()
export class LedgerResolver {
  constructor(private readonly ledger: LedgerService) {}

  @Authenticated()
  @Query(() => CreditEntryConnection, { description: 'The viewer’s credited achievements, newest first.' })
  async myCredits(
    @Args() args: ConnectionArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CreditEntryConnection> {
    const page = await this.ledger.history(viewer.personId, args.first, args.after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: CreditEntryModel.from(e.node) })),
    };
  }

  @Authenticated()
  @Query(() => CreditSummary, { description: 'The viewer’s total credit minutes and XP.' })
  myCreditSummary(@CurrentViewer() viewer: Viewer): Promise<CreditSummary> {
    return this.ledger.totals(viewer.personId);
  }

  @Roles('ADMIN')
  @Query(() => [XpRuleModel], {
    description: 'How much XP each achievement earns (defaults in docs/gamification.md)',
  })
  xpRules(): Promise<XpRuleModel[]> {
    return this.ledger.xpRules();
  }

  @Roles('ADMIN')
  @Mutation(() => XpRuleModel, {
    description: 'Tunes one XP rule; applies to achievements credited from now on',
  })
  setXpRule(
    @Args('key', { type: () => XpRuleKey }) key: XpRuleKey,
    @Args('xp', { type: () => Int }) xp: number,
    @Args('cooldownMinutes', { type: () => Int }) cooldownMinutes: number,
    @CurrentViewer() viewer: Viewer,
  ): Promise<XpRuleModel> {
    const parsed = xpRuleInputSchema.safeParse({ key, xp, cooldownMinutes });
    if (!parsed.success)
      throw new DomainError('VALIDATION_FAILED', 'The XP rule is not valid', {
        fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      });
    return this.ledger.setXpRule(viewer.personId, key, { xp, cooldownMinutes });
  }
}
