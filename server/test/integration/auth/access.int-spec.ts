import { readFileSync } from 'node:fs';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_KEY } from '../../../src/common/auth/decorators.js';
import { signedIn } from '../../factories/org.factory.js';
import { operationFor } from '../../utils/schema-operations.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));

const rootFields = (['query', 'mutation'] as const).flatMap((kind) => {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type!.getFields()).map((field) => ({ kind, field }));
});

const PUBLIC = new Set([
  'me',
  'login',
  'logout',
  'verifyCertificate',
  'liveGameByPin',
  'joinLiveGame',
  'answerLiveRound',
]);
const FOR_EVERY_SIGNED_IN_PERSON = new Set([
  ...PUBLIC,
  'departments',
  'department',
  'person',
  'changePassword',
  'updateMyLocale',
  'ping',
  'courses',
  'course',
  'myCredits',
  'myCreditSummary',
  'myTraining',
  'myNotifications',
  'unreadNotificationCount',
  'markNotificationsRead',
  'myCertificates',
  'issueCourseCertificate',
  'issueCampaignCertificate',
  'enrolInCourse',
  'myEnrolments',
  'myEnrolment',
  'startLesson',
  'saveLessonState',
  'completeLesson',
  'lessonQuiz',
  'quizAttempt',
  'startQuizAttempt',
  'saveQuizAnswer',
  'checkQuizAnswer',
  'submitQuizAttempt',
  'events',
  'event',
  'checkInEvents',
  'myRegistrations',
  'registerForSession',
  'cancelRegistration',
  'checkIn',
  'undoCheckIn',
  'checkInSearch',
  'recentCheckIns',
  'myCalendarFeed',
  'rotateCalendarFeed',
  'revokeCalendarFeed',
  'badges',
  'badge',
  'myGamification',
  'myBadges',
  'myBadgeProgress',
  'celebrateBadges',
  'setLeaderboardOptOut',
  'peopleLeaderboard',
  'departmentLeaderboard',
  'departmentStanding',
]);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('deny by default', () => {
  it('every resolver method declares who may call it', () => {
    const modules = app.palma.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = app.palma.app.get(Reflector);
    const undeclared: string[] = [];
    let checked = 0;
    const providers = [...modules.values()].flatMap((m) => [...m.providers.values()]);
    for (const wrapper of providers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      for (const method of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[method] as () => unknown;
        // Set by @Query/@Mutation/@Subscription/@ResolveField on the method.
        const isGraphql =
          typeof handler === 'function' &&
          Reflect.getMetadata('graphql:resolver_type', handler) !== undefined;
        if (!isGraphql) continue;
        checked++;
        if (!reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype])) {
          undeclared.push(`${wrapper.name}.${method}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
  });

  it.each(rootFields.map((r) => [`${r.kind} ${r.field.name}`, r] as const))(
    'anonymous %s is refused unless public',
    async (_name, { kind, field }) => {
      const res = await app.client().gql(operationFor(kind, field));
      const code = res.errors?.[0]?.extensions?.code;
      if (PUBLIC.has(field.name)) expect(code).not.toBe('UNAUTHENTICATED');
      else expect(code).toBe('UNAUTHENTICATED');
    },
  );

  it('an employee reaches only the operations every person may use', async () => {
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    const refused: string[] = [];
    for (const { kind, field } of rootFields) {
      if (field.name === 'logout') continue;
      const code = (await client.gql(operationFor(kind, field))).errors?.[0]?.extensions?.code;
      if (code === 'FORBIDDEN') refused.push(field.name);
      if (FOR_EVERY_SIGNED_IN_PERSON.has(field.name)) expect(code, field.name).not.toBe('FORBIDDEN');
    }
    const expected = rootFields.map((r) => r.field.name).filter((n) => !FOR_EVERY_SIGNED_IN_PERSON.has(n));
    expect(refused.sort()).toEqual(expected.sort());
  });
});

describe('roles', () => {
  it('a trainer is not an admin, and a person may hold several roles', async () => {
    const { client: trainer } = await signedIn(app, { roles: ['TRAINER'] });
    expect(await trainer.code(`{ people { totalCount } }`)).toBe('FORBIDDEN');
    const { client: both } = await signedIn(app, { roles: ['TRAINER', 'ADMIN'] });
    expect((await both.ok(`{ people { totalCount } }`)).people.totalCount).toBeGreaterThan(0);
  });
});
