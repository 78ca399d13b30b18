import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { LedgerService } from './ledger.service.js';
import { CreditEntryConnection, CreditEntryModel, CreditSummary } from './models/credit-entry.model.js';

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
}
