import { Badge } from '../modules/gamification/entities/badge.entity.js';
import { BadgeAward } from '../modules/gamification/entities/badge-award.entity.js';
import { GamificationOutbox } from '../modules/gamification/entities/gamification-outbox.entity.js';
import { LeaderboardPolicyRow } from '../modules/gamification/entities/leaderboard-policy.entity.js';
import { SigningKey } from '../modules/gamification/entities/signing-key.entity.js';
import { XpRuleRow } from '../modules/ledger/xp-rule.entity.js';
import { Credential } from '../modules/auth/credential.entity.js';
import { CampaignAssignment } from '../modules/campaigns/entities/campaign-assignment.entity.js';
import { CampaignRequiredCourse } from '../modules/campaigns/entities/campaign-required-course.entity.js';
import { CampaignTier } from '../modules/campaigns/entities/campaign-tier.entity.js';
import { Campaign } from '../modules/campaigns/entities/campaign.entity.js';
import { DueDateExtension } from '../modules/campaigns/entities/due-date-extension.entity.js';
import { Event } from '../modules/events/entities/event.entity.js';
import { EventSession } from '../modules/events/entities/event-session.entity.js';
import { EventAudienceDepartment } from '../modules/events/entities/event-audience.entity.js';
import { EventStaff } from '../modules/events/entities/event-staff.entity.js';
import { EventCover } from '../modules/events/entities/event-cover.entity.js';
import { Registration } from '../modules/events/entities/registration.entity.js';
import { CheckIn } from '../modules/events/entities/check-in.entity.js';
import { CalendarFeed } from '../modules/events/entities/calendar-feed.entity.js';
import { LiveAnswer } from '../modules/live/entities/live-answer.entity.js';
import { LiveGame } from '../modules/live/entities/live-game.entity.js';
import { LivePlayer } from '../modules/live/entities/live-player.entity.js';
import { LiveRound } from '../modules/live/entities/live-round.entity.js';
import { Certificate } from '../modules/certificates/certificate.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { OutboxEmail } from '../modules/notifications/outbox-email.entity.js';
import { CourseSection } from '../modules/courses/entities/course-section.entity.js';
import { CourseVersion } from '../modules/courses/entities/course-version.entity.js';
import { Course } from '../modules/courses/entities/course.entity.js';
import { Enrolment } from '../modules/courses/entities/enrolment.entity.js';
import { LessonProgress } from '../modules/courses/entities/lesson-progress.entity.js';
import { Lesson } from '../modules/courses/entities/lesson.entity.js';
import { PledgeSignature } from '../modules/courses/entities/pledge-signature.entity.js';
import { CreditEntry } from '../modules/ledger/credit-entry.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Department } from '../modules/org/department.entity.js';
import { Person } from '../modules/org/person.entity.js';
import { AttemptQuestion } from '../modules/quizzes/entities/attempt-question.entity.js';
import { QuestionCategory } from '../modules/quizzes/entities/question-category.entity.js';
import { QuestionVersion } from '../modules/quizzes/entities/question-version.entity.js';
import { Question } from '../modules/quizzes/entities/question.entity.js';
import { QuizAttempt } from '../modules/quizzes/entities/quiz-attempt.entity.js';
import { QuizSlot } from '../modules/quizzes/entities/quiz-slot.entity.js';
import { Quiz } from '../modules/quizzes/entities/quiz.entity.js';

/** Every entity, for the DataSource and the migration drift check. Modules register theirs with forFeature. */
export const ENTITIES = [
  Department,
  Person,
  Credential,
  Session,
  CreditEntry,
  Course,
  CourseVersion,
  CourseSection,
  Lesson,
  Enrolment,
  LessonProgress,
  PledgeSignature,
  Campaign,
  CampaignTier,
  CampaignRequiredCourse,
  CampaignAssignment,
  DueDateExtension,
  Certificate,
  Notification,
  OutboxEmail,
  QuestionCategory,
  Question,
  QuestionVersion,
  Quiz,
  QuizSlot,
  QuizAttempt,
  AttemptQuestion,
  Event,
  EventSession,
  EventAudienceDepartment,
  EventStaff,
  EventCover,
  Registration,
  CheckIn,
  CalendarFeed,
  LiveGame,
  LiveRound,
  LivePlayer,
  LiveAnswer,
  XpRuleRow,
  Badge,
  BadgeAward,
  GamificationOutbox,
  LeaderboardPolicyRow,
  SigningKey,
];
