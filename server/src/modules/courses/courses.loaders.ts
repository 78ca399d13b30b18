import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/auth/viewer.js';
import { CourseCatalogService } from './course-catalog.service.js';
import type { CourseSection } from './entities/course-section.entity.js';
import type { CourseVersion } from './entities/course-version.entity.js';
import type { Lesson } from './entities/lesson.entity.js';

export interface CourseLoaderSet {
  version: DataLoader<string, CourseVersion | null>;
  structure: DataLoader<string, { section: CourseSection; lessons: Lesson[] }[]>;
}

/** Per-request DataLoaders for course versions and their sections/lessons. */
@Injectable()
export class CourseLoaders {
  private readonly perRequest = new WeakMap<object, CourseLoaderSet>();

  constructor(private readonly catalog: CourseCatalogService) {}

  of(ctx: GqlContext): CourseLoaderSet {
    let set = this.perRequest.get(ctx);
    if (!set) {
      set = {
        version: new DataLoader(async (ids) => {
          const rows = new Map((await this.catalog.versionsByIds(ids)).map((v) => [v.id, v]));
          return ids.map((id) => rows.get(id) ?? null);
        }),
        structure: new DataLoader(async (ids) => {
          const map = await this.catalog.structureOf(ids);
          return ids.map((id) => map.get(id) ?? []);
        }),
      };
      this.perRequest.set(ctx, set);
    }
    return set;
  }
}
