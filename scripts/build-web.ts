// Builds the web app (web/dist) unless it is newer than its sources. Used by `npm start`, the
// install step and the browser tests; a lock directory keeps parallel callers from building at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distIndex = path.join(root, 'web', 'dist', 'index.html');
const sources = [path.join(root, 'web', 'src'), path.join(root, 'web', 'public'), path.join(root, 'web', 'index.html'), path.join(root, 'schemas'), path.join(root, 'vite.config.ts')];
const lockDir = path.join(root, 'node_modules', '.atensi-web-build.lock');

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

function buildIsCurrent(): boolean {
  if (!fs.existsSync(distIndex)) return false;
  return fs.statSync(distIndex).mtimeMs >= Math.max(...sources.filter(fs.existsSync).map(newestMtime));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds web/dist unless current; a lock directory keeps parallel test files from building at once. */
export async function ensureWebBuild(): Promise<void> {
  if (buildIsCurrent()) return;
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than two minutes is left over from a killed run.
      if (waited > 120_000 || Date.now() - fs.statSync(lockDir).mtimeMs > 120_000) fs.rmSync(lockDir, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (buildIsCurrent()) return;
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const fresh = buildIsCurrent();
  ensureWebBuild().then(
    () => {
      if (!fresh) process.stdout.write(`Built the web app in ${Math.round(performance.now() - started)} ms.\n`);
    },
    (err: unknown) => {
      process.stderr.write(`Building the web app failed: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
