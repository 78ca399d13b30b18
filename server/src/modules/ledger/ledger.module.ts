import { Module } from '@nestjs/common';
import { LedgerResolver } from './ledger.resolver.js';
import { LedgerService } from './ledger.service.js';

/** The append-only credit ledger (minutes and XP). */
@Module({ providers: [LedgerService, LedgerResolver], exports: [LedgerService] })
export class LedgerModule {}
