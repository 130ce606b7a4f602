// What a command writes to and reads the time from, so tests can call a command's run() and read
// its output; and the one way a command file runs itself when started as a script.
import { ConfigError } from '../config.ts';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
}

export const stdIo: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), now: () => new Date() };

/** Exit codes of the commands: done, refused or failed, and a command line that is wrong. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** Runs `run` with the process's arguments when `file` is the script node was started with (not when a test imports it). */
export function runAsScript(file: RegExp, name: string, run: (argv: string[]) => Promise<number>) {
  if (!process.argv[1] || !file.test(process.argv[1])) return;
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `${name} failed: ${(err as Error).message}\n`);
      process.exit(err instanceof ConfigError ? EXIT.usage : EXIT.refused);
    },
  );
}
