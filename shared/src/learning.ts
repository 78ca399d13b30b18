/** Course categories: general integrity law and the five vulnerable areas. */
export const CourseCategory = {
  INTEGRITY_LAW: 'INTEGRITY_LAW',
  PERSONNEL: 'PERSONNEL',
  CONTRACTS_CONSTRUCTION: 'CONTRACTS_CONSTRUCTION',
  PERMITS_LICENCES: 'PERMITS_LICENCES',
  FINANCE_TAX: 'FINANCE_TAX',
  GRANTS_OUTSOURCING: 'GRANTS_OUTSOURCING',
} as const;
export type CourseCategory = (typeof CourseCategory)[keyof typeof CourseCategory];

export const LessonKind = {
  READING: 'READING',
  VIDEO: 'VIDEO',
  DILEMMA: 'DILEMMA',
  PLEDGE: 'PLEDGE',
  /** Filled in by the quiz engine; a quiz lesson cannot be completed before it exists. */
  QUIZ: 'QUIZ',
} as const;
export type LessonKind = (typeof LessonKind)[keyof typeof LessonKind];

export const CourseVersionStatus = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  /** A published version replaced by a newer one; people enrolled in it keep it. */
  RETIRED: 'RETIRED',
} as const;
export type CourseVersionStatus = (typeof CourseVersionStatus)[keyof typeof CourseVersionStatus];

/** What a credit ledger entry is for. (person, kind, source id) is unique: one credit per achievement. */
export const CreditSourceKind = {
  LESSON: 'LESSON',
  COURSE_COMPLETION: 'COURSE_COMPLETION',
  PLEDGE: 'PLEDGE',
  QUIZ: 'QUIZ',
  /** The bonus for a quiz attempt with every point. */
  QUIZ_PERFECT: 'QUIZ_PERFECT',
  EVENT_ATTENDANCE: 'EVENT_ATTENDANCE',
  LIVE_GAME: 'LIVE_GAME',
  /** A campaign finished well before its due date (the source is the assignment). */
  EARLY_COMPLETION: 'EARLY_COMPLETION',
  ADJUSTMENT: 'ADJUSTMENT',
} as const;
export type CreditSourceKind = (typeof CreditSourceKind)[keyof typeof CreditSourceKind];

export const CourseLimits = {
  titleMax: 200,
  descriptionMax: 4_000,
  tagsMax: 10,
  tagMax: 40,
  creditMinutesMax: 6_000,
  markdownMax: 50_000,
  pledgeTextMax: 4_000,
  modulesMax: 50,
  lessonsPerModuleMax: 50,
  dilemmaNodesMax: 60,
  dilemmaChoicesMax: 6,
  dilemmaTextMax: 2_000,
  minReadingSecondsMax: 3_600,
} as const;
