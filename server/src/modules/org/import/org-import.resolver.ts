import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../../common/auth/decorators.js';
import type { Viewer } from '../../../common/auth/viewer.js';
import { ImportFileInput, ImportReport } from './org-import.models.js';
import { OrgImportService } from './org-import.service.js';

@Resolver()
export class OrgImportResolver {
  constructor(private readonly imports: OrgImportService) {}

  @Roles('ADMIN')
  @Mutation(() => ImportReport, {
    description: 'Imports people from CSV (upsert by employee number). All-or-nothing; dryRun only reports.',
  })
  importPeople(
    @Args('input') input: ImportFileInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ImportReport> {
    return this.imports.importPeople(viewer, input.contentBase64, input.dryRun);
  }

  @Roles('ADMIN')
  @Mutation(() => ImportReport, {
    description:
      'Imports departments from CSV (upsert by code, parent by code). All-or-nothing; dryRun only reports.',
  })
  importDepartments(@Args('input') input: ImportFileInput): Promise<ImportReport> {
    return this.imports.importDepartments(input.contentBase64, input.dryRun);
  }
}
