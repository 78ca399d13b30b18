import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { CourseAuthoringResolver } from './course-authoring.resolver.js';
import { CourseAuthoringService } from './course-authoring.service.js';
import { CourseCatalogService } from './course-catalog.service.js';
import { CourseLearningResolver } from './course-learning.resolver.js';
import { CourseLearningService } from './course-learning.service.js';
import { CourseLoaders } from './courses.loaders.js';
import { CourseVersionResolver, CoursesResolver } from './courses.resolver.js';

/** Courses: authoring with versions, the catalogue, and (learning side) enrolment and progress. */
@Module({
  imports: [LedgerModule],
  providers: [
    CourseAuthoringService,
    CourseCatalogService,
    CourseLoaders,
    CoursesResolver,
    CourseVersionResolver,
    CourseAuthoringResolver,
    CourseLearningService,
    CourseLearningResolver,
  ],
  exports: [CourseCatalogService, CourseAuthoringService, CourseLearningService],
})
export class CoursesModule {}
