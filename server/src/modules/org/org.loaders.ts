import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/auth/viewer.js';
import type { Department } from './department.entity.js';
import { DepartmentsService } from './departments.service.js';
import { PeopleService } from './people.service.js';
import type { Person } from './person.entity.js';

export interface OrgLoaderSet {
  department: DataLoader<string, Department | null>;
  person: DataLoader<string, Person | null>;
  headcount: DataLoader<string, number>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Per-request DataLoaders for relations resolved row by row (keyed by the GraphQL context). */
@Injectable()
export class OrgLoaders {
  private readonly perRequest = new WeakMap<object, OrgLoaderSet>();

  constructor(
    private readonly departments: DepartmentsService,
    private readonly people: PeopleService,
  ) {}

  of(ctx: GqlContext): OrgLoaderSet {
    let set = this.perRequest.get(ctx);
    if (!set) {
      set = {
        department: new DataLoader(async (ids) => byId(ids, await this.departments.findByIds(ids))),
        person: new DataLoader(async (ids) => byId(ids, await this.people.findByIds(ids))),
        headcount: new DataLoader(async (ids) => {
          const counts = await this.departments.headcounts(ids);
          return ids.map((id) => counts.get(id) ?? 0);
        }),
      };
      this.perRequest.set(ctx, set);
    }
    return set;
  }
}
