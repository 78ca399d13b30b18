import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { CourseCategory, LessonKind } from '@palma/shared';
import { ConnectionArgs } from '../../../common/graphql/connection.js';

@InputType()
export class CourseDetailsInput {
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field({ defaultValue: '' }) descriptionKo: string;
  @Field({ defaultValue: '' }) descriptionEn: string;
  @Field(() => CourseCategory) category: CourseCategory;
  @Field(() => Int, { description: 'Credit minutes granted on completion' }) creditMinutes: number;
  @Field(() => Int) estimatedMinutes: number;
  @Field(() => String, { nullable: true }) coverImageUrl?: string | null;
  @Field(() => [String], { defaultValue: [] }) tags: string[];
  @Field({ defaultValue: false, description: 'Lessons must be completed in order' }) sequential: boolean;
}

@InputType()
export class SectionInput {
  @Field() titleKo: string;
  @Field() titleEn: string;
}

@InputType()
export class ReadingContentInput {
  @Field() markdownKo: string;
  @Field() markdownEn: string;
  @Field(() => Int, { defaultValue: 0 }) minReadingSeconds: number;
}

@InputType()
export class VideoContentInput {
  @Field() url: string;
  @Field(() => Int, { defaultValue: 90 }) requiredWatchPercent: number;
}

@InputType()
export class DilemmaChoiceInput {
  @Field() id: string;
  @Field() labelKo: string;
  @Field() labelEn: string;
  @Field({ defaultValue: '' }) feedbackKo: string;
  @Field({ defaultValue: '' }) feedbackEn: string;
  @Field(() => String, { nullable: true }) next: string | null;
}

@InputType()
export class DilemmaNodeInput {
  @Field() id: string;
  @Field() textKo: string;
  @Field() textEn: string;
  @Field(() => [DilemmaChoiceInput]) choices: DilemmaChoiceInput[];
}

@InputType()
export class DilemmaContentInput {
  @Field() startNodeId: string;
  @Field(() => [DilemmaNodeInput]) nodes: DilemmaNodeInput[];
}

@InputType()
export class PledgeContentInput {
  @Field() textKo: string;
  @Field() textEn: string;
}

@InputType({ description: 'A lesson; give exactly the content input that matches kind (none for QUIZ).' })
export class LessonInput {
  @Field(() => LessonKind) kind: LessonKind;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field(() => ReadingContentInput, { nullable: true }) reading?: ReadingContentInput | null;
  @Field(() => VideoContentInput, { nullable: true }) video?: VideoContentInput | null;
  @Field(() => DilemmaContentInput, { nullable: true }) dilemma?: DilemmaContentInput | null;
  @Field(() => PledgeContentInput, { nullable: true }) pledge?: PledgeContentInput | null;
}

@InputType()
export class SectionOrderInput {
  @Field(() => ID) sectionId: string;
  @Field(() => [ID]) lessonIds: string[];
}

@ArgsType()
export class CoursesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Matches Korean or English titles' }) search?:
    string | null;
  @Field(() => CourseCategory, { nullable: true }) category?: CourseCategory | null;
  @Field({ defaultValue: false, description: 'Authors only: include courses never published' })
  includeDrafts: boolean;
}
