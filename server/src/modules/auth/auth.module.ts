import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { Credential } from './credential.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionCookie } from './session-cookie.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { ViewerMiddleware } from './viewer.middleware.js';

/** Sign-in, sessions (HTTP and websocket), passwords. */
@Module({
  imports: [TypeOrmModule.forFeature([Credential, Session]), OrgModule],
  providers: [AuthService, SessionsService, PasswordHasher, SessionCookie, AuthResolver, ViewerMiddleware],
  exports: [AuthService, SessionsService, SessionCookie, ViewerMiddleware],
})
export class AuthModule {}
