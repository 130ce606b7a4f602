// Types shared by every HTTP feature: the app's dependencies and the request's variables.
import type { HttpBindings } from '@hono/node-server';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../../../core/audit/audit.service.ts';
import type { LoginLimiters } from '../sessions/login-limit.ts';
import type { SessionService } from '../sessions/sessions.service.ts';
import type { Config } from '../config.ts';
import type { AnyDatabase, Db } from '../../../core/db/client.ts';
import type { Clock } from '../../../core/clock.ts';
import type { Logger } from '../../../core/log/logger.ts';
import type { TelemetryStore } from '../../../core/telemetry/telemetry-store.ts';
import type { MetricsRegistry } from '../../../core/metrics/registry.ts';
import type { ReadinessCheck } from '../../../core/health/readiness.ts';

export interface Deps {
  db: Db;
  /** The opened database: `prisma` is `db`; SQLite's `raw` connection or PostgreSQL's `pool` for SQL of our own. */
  database: AnyDatabase;
  /** Every telemetry read goes through the store. */
  telemetry: TelemetryStore;
  config: Config;
  clock: Clock;
  log: Logger;
  sessions: SessionService;
  audit: AuditService;
  loginLimiters: LoginLimiters;
  /** This process's Prometheus registry (/metrics). */
  metrics: MetricsRegistry;
  /** What /api/health/ready checks. */
  readiness: readonly ReadinessCheck[];
  /** Told when a chair's MQTT secret changed (the embedded broker then ends the chair's open connection). */
  onCredentialsIssued?: (deviceId: string) => void;
}

export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    deps: Deps;
    actor: Actor | null;
    sessionToken: string | undefined;
    /** The id of the request's session row (for "this device" and ending the others). */
    sessionId: string | undefined;
  };
}
