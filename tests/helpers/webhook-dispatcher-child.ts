// A webhook dispatcher in a process of its own, as each API process runs one: the multi-instance
// test starts two on one database file and kills one mid-run. Usage: <database file> <timeout ms>.
import { systemClock } from '../../core/clock.ts';
import { openDatabase } from '../../core/db/client.ts';
import { createWebhookDispatcher } from '../../server/src/notifications/webhook-dispatcher.ts';

const [file, timeoutMs] = process.argv.slice(2);
const db = openDatabase(file!);
const dispatcher = createWebhookDispatcher({
  db: db.prisma, clock: systemClock, timeoutMs: Number(timeoutMs), pollMs: 50, batchSize: 10, backoffMs: [500], allowPrivate: true,
});
dispatcher.start();
// The dispatcher's timer does not hold a process open (the API's server does): this one waits to be stopped.
const alive = setInterval(() => undefined, 60_000);
process.stdout.write('dispatcher ready\n');
process.on('SIGTERM', () => (clearInterval(alive), void dispatcher.stop().then(() => db.close())));
