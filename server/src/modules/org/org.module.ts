import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from './department.entity.js';
import { DepartmentsResolver } from './departments.resolver.js';
import { DepartmentsService } from './departments.service.js';
import { OrgImportResolver } from './import/org-import.resolver.js';
import { OrgImportService } from './import/org-import.service.js';
import { OrgEvents } from './org.events.js';
import { OrgLoaders } from './org.loaders.js';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { Person } from './person.entity.js';

/** The organisation: department tree, people, manager scope and CSV import. */
@Module({
  imports: [TypeOrmModule.forFeature([Department, Person])],
  providers: [
    DepartmentsService,
    PeopleService,
    OrgLoaders,
    OrgEvents,
    OrgImportService,
    DepartmentsResolver,
    PeopleResolver,
    OrgImportResolver,
  ],
  exports: [DepartmentsService, PeopleService, OrgLoaders, OrgEvents],
})
export class OrgModule {}
