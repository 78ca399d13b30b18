import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { LiveMode, LiveRoundKind } from '@palma/shared';

@InputType()
export class LiveRoundInput {
  @Field(() => LiveRoundKind) kind: LiveRoundKind;
  @Field(() => ID, {
    nullable: true,
    description: 'A bank question (its current version); null for a balloon round',
  })
  questionId?: string | null;
  @Field(() => Int, { description: '5–240 seconds' }) timeLimitSeconds: number;
  @Field(() => Int, { defaultValue: 0, description: 'Seconds the question is read before answers open' })
  leadInSeconds: number;
}

@InputType({ description: 'A new game: its rounds, or a quiz whose questions become the rounds.' })
export class CreateLiveGameInput {
  @Field() title: string;
  @Field(() => LiveMode) mode: LiveMode;
  @Field({ defaultValue: true }) speedWeighted: boolean;
  @Field({ defaultValue: true }) streakBonus: boolean;
  @Field(() => Int, { defaultValue: 3 }) winners: number;
  @Field(() => Int, { defaultValue: 10, description: 'Credit minutes for every signed-in player' })
  creditMinutes: number;
  @Field(() => Int, { defaultValue: 2000 }) maxPlayers: number;
  @Field(() => [String], { defaultValue: [], description: 'Teams guests may pick in a team battle' })
  guestTeams: string[];
  @Field(() => ID, { nullable: true }) eventSessionId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Take the rounds from this quiz (fixed and drawn questions)',
  })
  quizId?: string | null;
  @Field(() => Int, { defaultValue: 20, description: 'Time limit of rounds taken from a quiz' })
  quizTimeLimitSeconds: number;
  @Field(() => Int, { defaultValue: 0 }) quizLeadInSeconds: number;
  @Field(() => [LiveRoundInput], { defaultValue: [], description: 'Rounds after the quiz’s, in order' })
  rounds: LiveRoundInput[];
}

@InputType({ description: 'A player’s answer: exactly the field of the round’s type.' })
export class LiveAnswerInput {
  @Field(() => [String], { nullable: true }) optionIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) booleanValue?: boolean | null;
  @Field(() => [String], { nullable: true }) itemIds?: string[] | null;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => Float, { nullable: true }) numberValue?: number | null;
  @Field(() => [String], { nullable: true, description: 'Balloon round: the balloons popped' })
  poppedIds?: string[] | null;
}
