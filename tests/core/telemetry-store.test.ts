// Runs the telemetry store contract against the SQLite store.
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { runTelemetryStoreContract } from './telemetry-store.case.ts';

runTelemetryStoreContract('SQLite', (h, { now }) => new SqliteTelemetryStore(h.db.raw, { now }));
