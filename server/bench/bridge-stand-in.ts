// Starts server/bench/telemetry-writer.ts in a child process (a bridge writing telemetry on its own
// connection) and stops it, for the import bench and the test that imports never lock it out.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface TelemetryWriterResult {
  commits: number;
  stored: number;
  refused: number;
  errors: string[];
  slowestMs: number;
}

const script = fileURLToPath(new URL('./telemetry-writer.ts', import.meta.url));

/** Resolves once the writer has committed its first sample; `stop()` ends it and gives its counts. */
export async function startTelemetryWriter(dbFile: string, deviceId: string): Promise<{ stop(): Promise<TelemetryWriterResult> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbFile, deviceId], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('ready\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`telemetry writer exited (${code}) before its first commit: ${output}`)));
  });
  return {
    async stop() {
      child.stdin.write('stop\n');
      const code = await exited;
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) throw new Error(`telemetry writer exited with ${code}: ${output}`);
      return JSON.parse(last) as TelemetryWriterResult;
    },
  };
}
