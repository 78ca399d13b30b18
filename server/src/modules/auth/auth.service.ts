import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { emailSchema, employeeNumberSchema, passwordSchema } from '@palma/shared';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { RateLimitService, type LimitPolicy } from '../../common/rate-limit/rate-limit.service.js';
import { parseInput } from '../../common/validation.js';
import { OrgErrors } from '../org/org.errors.js';
import { PeopleService } from '../org/people.service.js';
import type { Person } from '../org/person.entity.js';
import { AuthErrors } from './auth.errors.js';
import { Credential } from './credential.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';

/** Failed sign-ins per account: 5 in 15 minutes, then a 15-minute lock. */
export const LOGIN_PER_ACCOUNT: LimitPolicy = {
  key: 'login:account',
  points: 5,
  durationSeconds: 900,
  blockSeconds: 900,
};
/** Failed sign-ins per address: generous, because a whole city hall may sit behind one NAT. */
export const LOGIN_PER_IP: LimitPolicy = {
  key: 'login:ip',
  points: 100,
  durationSeconds: 900,
  blockSeconds: 900,
};

const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

export interface LoginResult {
  person: Person;
  sessionId: string;
  token: string;
  expiresAt: Date;
  mustChangePassword: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly rateLimit: RateLimitService,
  ) {}

  /** The account key for rate limiting: the identifier as the login lookup normalises it. */
  private accountKey(identifier: string): string {
    const trimmed = identifier.trim();
    if (trimmed.includes('@')) {
      const email = emailSchema.safeParse(trimmed);
      return email.success ? email.data : trimmed.toLowerCase();
    }
    const number = employeeNumberSchema.safeParse(trimmed);
    return number.success ? number.data : trimmed.toUpperCase();
  }

  async login(
    identifier: string,
    password: string,
    ip: string,
    userAgent: string | null,
  ): Promise<LoginResult> {
    const account = this.accountKey(identifier).slice(0, 256);
    await this.rateLimit.assertAllowed(LOGIN_PER_ACCOUNT, account);
    await this.rateLimit.assertAllowed(LOGIN_PER_IP, ip);
    const person = await this.people.findForLogin(identifier.trim());
    const credential = person
      ? await this.dataSource.getRepository(Credential).findOneBy({ personId: person.id })
      : null;
    // Always verify (against a decoy when needed) so that response time does not reveal accounts.
    const ok = await this.hasher.verify(credential?.passwordHash ?? null, password.slice(0, 1024));
    if (!ok || !person || !credential || !person.active) {
      await this.rateLimit.penalise(LOGIN_PER_ACCOUNT, account);
      await this.rateLimit.penalise(LOGIN_PER_IP, ip);
      throw AuthErrors.invalidCredentials();
    }
    await this.rateLimit.reset(LOGIN_PER_ACCOUNT, account);
    const session = await this.sessions.create(person.id, ip, userAgent);
    return { person, ...session, mustChangePassword: credential.mustChangePassword };
  }

  logout(viewer: Viewer): Promise<void> {
    return this.sessions.revoke(viewer.sessionId);
  }

  async mustChangePassword(personId: string): Promise<boolean> {
    const credential = await this.dataSource.getRepository(Credential).findOneBy({ personId });
    return credential?.mustChangePassword ?? false;
  }

  /** Changes the viewer's password and signs out their other sessions. */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string): Promise<void> {
    const password = parseInput(passwordSchema, newPassword);
    await this.rateLimit.assertAllowed(LOGIN_PER_ACCOUNT, `person:${viewer.personId}`);
    const credential = await this.dataSource
      .getRepository(Credential)
      .findOneBy({ personId: viewer.personId });
    if (!credential || !(await this.hasher.verify(credential.passwordHash, currentPassword.slice(0, 1024)))) {
      await this.rateLimit.penalise(LOGIN_PER_ACCOUNT, `person:${viewer.personId}`);
      throw AuthErrors.wrongPassword();
    }
    await this.setPassword(viewer.personId, password, false);
    await this.sessions.revokeAllFor(viewer.personId, viewer.sessionId);
  }

  /** Admin: issues a temporary password the person must change at next sign-in. */
  async issueTemporaryPassword(personId: string): Promise<string> {
    const person = await this.people.findById(personId);
    if (!person) throw OrgErrors.personNotFound(personId);
    const temporary = Array.from({ length: 14 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join(
      '',
    );
    await this.setPassword(personId, temporary, true);
    await this.sessions.revokeAllFor(personId);
    return temporary;
  }

  async setPassword(personId: string, password: string, mustChange: boolean): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Credential)
      .values({ personId, passwordHash, mustChangePassword: mustChange })
      .orUpdate(['password_hash', 'must_change_password', 'updated_at'], ['person_id'])
      .execute();
  }
}
