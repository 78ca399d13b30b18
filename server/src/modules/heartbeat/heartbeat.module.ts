import { Module } from '@nestjs/common';
import { HeartbeatResolver } from './heartbeat.resolver.js';

@Module({ providers: [HeartbeatResolver] })
export class HeartbeatModule {}
