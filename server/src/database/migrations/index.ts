import { Foundation1795379271272 } from './1795379271272-foundation.js';
import { LedgerAndCourses1795381740480 } from './1795381740480-ledger-and-courses.js';
import { CampaignsAndCertificates1795382839649 } from './1795382839649-campaigns-and-certificates.js';
import { NotificationsAndOutbox1795384335126 } from './1795384335126-notifications-and-outbox.js';
import { QuizEngine1795389323208 } from './1795389323208-quiz-engine.js';
import { Events1795399292274 } from './1795399292274-events.js';
import { LiveGames1795411216259 } from './1795411216259-live-games.js';
import { Gamification1795420006181 } from './1795420006181-gamification.js';
import { RegistrationBatches1795432976374 } from './1795432976374-registration-batches.js';

/** Every migration, in order. Classes, not globs: the server is ESM. */
export const MIGRATIONS = [
  Foundation1795379271272,
  LedgerAndCourses1795381740480,
  CampaignsAndCertificates1795382839649,
  NotificationsAndOutbox1795384335126,
  QuizEngine1795389323208,
  Events1795399292274,
  LiveGames1795411216259,
  Gamification1795420006181,
  RegistrationBatches1795432976374,
];
