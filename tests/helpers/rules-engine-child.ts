// A rules engine in a process of its own, as each bridge runs one: the multi-instance test starts
// two on one database file and lets them judge the same chairs at once. Waits for a line on stdin,
// then evaluates every watched chair <rounds> times and prints what it raised as one JSON line.
// Usage: <database file> <now, ms since epoch> <rounds>.
import { openDatabase } from '../../core/db/client.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { type EvaluationSummary, RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';

const [file, nowMs, rounds] = process.argv.slice(2);
const now = Number(nowMs);
const db = openDatabase(file!);
const engine = new RulesEngine({ prisma: db.prisma, telemetry: new SqliteTelemetryStore(db.raw, { now: () => now }), now: () => now });
process.stdout.write('engine ready\n');
process.stdin.once('data', async () => {
  const raised: EvaluationSummary['raised'] = [];
  let yielded = 0;
  for (let i = 0; i < Number(rounds); i++) {
    const s = await engine.evaluateAll();
    raised.push(...s.raised);
    yielded += s.yielded;
  }
  process.stdout.write(`${JSON.stringify({ raised, yielded })}\n`);
  await db.close();
  process.exit(0);
});
