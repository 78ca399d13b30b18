import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/**
 * Tells other modules that people or departments changed (after the change committed), so that
 * what depends on the organisation — campaign audiences — can follow.
 */
@Injectable()
export class OrgEvents {
  readonly changed$ = new Subject<void>();

  notifyChanged(): void {
    this.changed$.next();
  }
}
