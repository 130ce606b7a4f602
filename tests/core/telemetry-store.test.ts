// Runs the telemetry store contract against the SQLite store, each part on a fresh copy of the seeded database.
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { createHarness } from '../helpers/harness.ts';
import { runTelemetryStoreContract } from './telemetry-store.case.ts';

runTelemetryStoreContract('SQLite', async () => {
  const h = await createHarness();
  return { prisma: h.db.prisma, open: ({ now }) => new SqliteTelemetryStore(h.db.raw, { now }), close: () => h.close() };
});
