// The synchronous form of an asynchronous store interface: what the SQLite parts implement inside
// (better-sqlite3 answers at once), wrapped by SqliteTelemetryStore into the async TelemetryStore.
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};
