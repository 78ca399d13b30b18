import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportKind, ImportRowErrorCode } from '@palma/shared';

registerEnumType(ImportKind, { name: 'ImportKind' });
registerEnumType(ImportRowErrorCode, { name: 'ImportRowErrorCode' });

@InputType()
export class ImportFileInput {
  @Field({ description: 'The CSV file, base64-encoded (UTF-8 with or without BOM, or EUC-KR/CP949)' })
  contentBase64: string;

  @Field({ defaultValue: true, description: 'Only check the file and report what would change' })
  dryRun: boolean;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' }) line: number;
  @Field(() => String, { nullable: true, description: 'Column header as written in the file' }) column:
    string | null;
  @Field(() => ImportRowErrorCode) code: ImportRowErrorCode;
  @Field({ description: 'English explanation; clients translate from code, value and relatedLine' })
  message: string;
  @Field(() => String, {
    nullable: true,
    description: 'The cell as written in the file (at most 100 characters)',
  })
  value: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'For duplicates: the line where the value first appeared',
  })
  relatedLine: number | null;
}

@ObjectType({ description: 'What an import did or would do. Nothing is written unless errors is empty.' })
export class ImportReport {
  @Field(() => ImportKind) kind: ImportKind;
  @Field() dryRun: boolean;
  @Field({ description: 'True when the changes were written' }) applied: boolean;
  @Field({ description: 'Detected encoding: UTF-8, UTF-8 BOM or CP949' }) encoding: string;
  @Field(() => Int) totalRows: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => [String]) ignoredColumns: string[];
  @Field(() => [ImportRowError]) errors: ImportRowError[];
}
