// The deployment recipe (Dockerfile, compose.yaml, Caddyfile, systemd units) stays true to the code:
// it names only variables the processes read, files and scripts that exist, and the layout the
// issue asks for. No Docker engine runs on the build machines, so this is the check that can run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseEnv, telemetryEnv } from '../../core/config/env.ts';
import { httpEnv } from '../../server/src/config.ts';
import { bridgeEnv } from '../../firmware-bridge/src/config.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');
const known = new Set([...Object.keys(baseEnv), ...Object.keys(telemetryEnv), ...Object.keys(httpEnv), ...Object.keys(bridgeEnv)]);
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const appServices = Object.entries(compose.services).filter(([, s]) => s.image === 'atensi-mobility:latest');

/** The files a command runs: `node --import tsx FILE` or `npm run SCRIPT`. */
function checkCommand(command: string[]): void {
  const run = command.indexOf('run');
  if (command[0] === 'npm') expect(scripts, command.join(' ')).toHaveProperty([command[run + 1]!]);
  else expect(fs.existsSync(path.join(repo, command.at(-1)!)), command.join(' ')).toBe(true);
}

describe('compose.yaml', () => {
  it('has PostgreSQL, Mosquitto, two API processes, two bridges and an HTTPS proxy', () => {
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    expect(compose.services.mosquitto?.image).toMatch(/^eclipse-mosquitto:/);
    expect(compose.services.proxy?.ports).toEqual(expect.arrayContaining(['443:443']));
    const apis = appServices.filter(([, s]) => !s.command);
    const bridges = appServices.filter(([, s]) => s.command?.includes('firmware-bridge/src/main.ts'));
    expect(apis.map(([n]) => n)).toEqual(['api-1', 'api-2']);
    expect(bridges.map(([n]) => n)).toEqual(['bridge-1', 'bridge-2']);
    for (const [, api] of apis) expect(api.environment?.TELEMETRY).toBe('off');
    // Each bridge keeps its own persistent session: distinct client ids, one shared subscription.
    const ids = bridges.map(([, b]) => b.environment?.BRIDGE_CLIENT_ID);
    expect(new Set(ids).size).toBe(2);
    // Bridges use the bridges' listener that mosquitto:config writes (--bridge-port), chairs the other.
    const config = compose.services['mosquitto-config']!.command!;
    const bridgePort = config[config.indexOf('--bridge-port') + 1];
    expect(bridgePort).toBe('1884');
    for (const [, b] of bridges) expect(b.environment?.MQTT_URL).toBe(`mqtt://mosquitto:${bridgePort}`);
    expect(compose.services.mosquitto?.ports).toEqual(['1883:1883']);
  });

  it('gives the app only variables the processes read, PostgreSQL for data, and the metrics token', () => {
    for (const [name, service] of appServices) {
      for (const key of Object.keys(service.environment ?? {})) expect(known, `${name}: ${key}`).toContain(key);
      expect(service.environment?.DATABASE_URL, name).toMatch(/^postgresql:\/\//);
    }
    for (const [name, service] of appServices.filter(([n]) => /^(api|bridge)-/.test(n))) expect(service.environment?.METRICS_TOKEN, name).toBeTruthy();
  });

  it('migrates once before any instance starts, and runs commands that exist', () => {
    expect(compose.services.migrate?.command).toEqual(['npm', 'run', 'db:migrate']);
    for (const [name, service] of appServices) {
      if (service.command) checkCommand(service.command);
      if (/^(api|bridge)-/.test(name)) expect(service.depends_on?.migrate?.condition, name).toBe('service_completed_successfully');
    }
    expect(compose.services['api-1']?.healthcheck?.test.join(' ')).toContain('/api/health/ready');
  });
});

describe('Dockerfile', () => {
  const docker = read('Dockerfile');
  const stages = docker.split(/^FROM /m).slice(1);

  it('builds in one stage and runs production dependencies only, as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(docker).toMatch(/npm prune --omit=dev/);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER (?!root)\w+/m);
    expect(runtime).not.toMatch(/npm install(?!.*--omit=dev)/);
  });

  it('copies paths that exist and starts the API entry point', () => {
    const made = new Set(['/app/node_modules', '/app/web/dist']);
    for (const [, from] of docker.matchAll(/^COPY --from=build ((?:\/app\/\S+ )+)\S+$/gm)) {
      for (const source of from!.trim().split(' ')) {
        if (!made.has(source)) expect(fs.existsSync(path.join(repo, source.replace('/app/', ''))), source).toBe(true);
      }
    }
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(docker)![1]!) as string[];
    checkCommand(cmd);
  });
});

describe('Caddyfile', () => {
  const caddy = read('deploy/caddy/Caddyfile');
  it('balances over both API processes by readiness and keeps /metrics inside', () => {
    expect(caddy).toMatch(/reverse_proxy api-1:3000 api-2:3000/);
    expect(caddy).toMatch(/health_uri \/api\/health\/ready/);
    expect(caddy).toMatch(/@metrics path \/metrics/);
    expect(caddy).toMatch(/respond @metrics 404/);
  });
});

describe('systemd units', () => {
  const dir = path.join(repo, 'deploy', 'systemd');
  const units = fs.readdirSync(dir).filter((f) => /\.(service|timer)$/.test(f));

  it('pass systemd-analyze verify', () => {
    const result = spawnSync('systemd-analyze', ['verify', ...units.map((u) => `./${u}`)], { cwd: dir, encoding: 'utf8' });
    expect(result.error, 'systemd-analyze is installed by .ci/run').toBeUndefined();
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  });

  it('run entry points and scripts that exist, with variables the processes read', () => {
    for (const unit of units.filter((u) => u.endsWith('.service'))) {
      const text = fs.readFileSync(path.join(dir, unit), 'utf8');
      for (const [, exec] of text.matchAll(/^ExecStart=(\/usr\/bin\/(?:node|npm) .*)$/gm)) {
        const words = exec!.split(' ');
        checkCommand(words[0]!.endsWith('npm') ? ['npm', ...words.slice(1).filter((w) => !w.startsWith('--') && w !== '--')] : words);
      }
      for (const [, assignments] of text.matchAll(/^Environment=(.*)$/gm)) {
        for (const pair of assignments!.split(' ')) expect(known, `${unit}: ${pair}`).toContain(pair.split('=')[0]);
      }
    }
    const example = read('deploy/systemd/atensi.env.example');
    for (const [, key] of example.matchAll(/^([A-Z_]+)=/gm)) expect(known, `atensi.env.example: ${key}`).toContain(key);
  });
});
