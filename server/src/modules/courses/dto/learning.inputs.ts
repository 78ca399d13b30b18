import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Learner state saved for resuming on another device; give only what changed.' })
export class LessonStateInput {
  @Field(() => Int, { nullable: true, description: 'Video lessons: where to resume, in seconds' })
  videoPositionSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Video lessons: share watched, 0–100 (the maximum is kept)',
  })
  watchedPercent?: number | null;

  @Field(() => [String], { nullable: true, description: 'Dilemma lessons: the choice ids taken so far' })
  dilemmaPath?: string[] | null;
}

@InputType()
export class ReadingCompletionInput {
  @Field({ description: 'The learner confirms they have read the lesson' }) acknowledged: boolean;
}

@InputType()
export class VideoCompletionInput {
  @Field(() => Int, { description: 'Share of the video watched, 0–100, as the player measured it' })
  watchedPercent: number;
}

@InputType()
export class DilemmaCompletionInput {
  @Field(() => [String], { description: 'The choice ids taken, in order, from the start to an ending' })
  path: string[];
}

@InputType()
export class PledgeCompletionInput {
  @Field({ description: 'The learner’s name, typed as a signature' }) typedName: string;
  @Field({ description: 'The learner ticked “I pledge”' }) confirmed: boolean;
}

@InputType({ description: 'Completes a lesson; give exactly the part that matches the lesson’s kind.' })
export class CompleteLessonInput {
  @Field(() => ID) enrolmentId: string;
  @Field(() => ID) lessonId: string;
  @Field(() => ReadingCompletionInput, { nullable: true }) reading?: ReadingCompletionInput | null;
  @Field(() => VideoCompletionInput, { nullable: true }) video?: VideoCompletionInput | null;
  @Field(() => DilemmaCompletionInput, { nullable: true }) dilemma?: DilemmaCompletionInput | null;
  @Field(() => PledgeCompletionInput, { nullable: true }) pledge?: PledgeCompletionInput | null;
}
