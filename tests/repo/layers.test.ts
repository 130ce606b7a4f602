// The layer and cycle rules of .dependency-cruiser.cjs: the repository keeps them, and each rule catches its violation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(repo, '.dependency-cruiser.cjs')) as { forbidden: ICruiseOptions['ruleSet'] extends infer R ? R extends { forbidden?: infer F } ? F : never : never };

function violations(output: IReporterOutput): string[] {
  const result = output.output;
  if (typeof result === 'string') throw new Error('expected a cruise result');
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

async function cruiseIn(baseDir: string, roots: string[]) {
  return violations(await cruise(roots, { baseDir, validate: true, ruleSet: { forbidden: config.forbidden }, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } }));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-layers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes a tree of one-line modules: each file imports the files listed for it. */
function tree(name: string, files: Record<string, string[]>): string {
  const dir = path.join(tmp, name);
  for (const [file, imports] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const lines = imports.map((to, i) => `import * as m${i} from '${path.relative(path.dirname(full), path.join(dir, to)).replace(/^(?!\.)/, './')}';`);
    fs.writeFileSync(full, `${lines.join('\n')}\nexport const x = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`);
  }
  return dir;
}

describe('layers', () => {
  it('hold across the repository', async () => {
    expect(await cruiseIn(repo, ['core', 'server', 'firmware-bridge', 'schemas', 'web/src'])).toEqual([]);
  });

  const cases: [rule: string, files: Record<string, string[]>][] = [
    ['no-cycles', { 'server/src/a/a.ts': ['server/src/a/b.ts'], 'server/src/a/b.ts': ['server/src/a/a.ts'] }],
    ['no-folder-cycles', { 'server/src/a/a.ts': ['server/src/b/b.ts'], 'server/src/b/b.ts': ['server/src/a/c.ts'], 'server/src/a/c.ts': [] }],
    ['schemas-stand-alone', { 'schemas/a.ts': ['core/b.ts'], 'core/b.ts': [] }],
    ['core-below-processes', { 'core/a.ts': ['server/src/b.ts'], 'server/src/b.ts': [] }],
    ['bridge-not-into-server', { 'firmware-bridge/src/a.ts': ['server/src/config.ts'], 'server/src/config.ts': [] }],
    ['server-not-into-bridge', { 'server/src/devices/a.ts': ['firmware-bridge/src/b.ts'], 'firmware-bridge/src/b.ts': [] }],
    ['simulator-only-schemas', { 'firmware-bridge/src/simulator/a.ts': ['firmware-bridge/src/config.ts'], 'firmware-bridge/src/config.ts': [] }],
    ['web-only-schemas', { 'web/src/a.ts': ['core/b.ts'], 'core/b.ts': [] }],
    ['domain-not-into-http', { 'server/src/users/users.service.ts': ['server/src/http/types.ts'], 'server/src/http/types.ts': [] }],
  ];
  it.each(cases)('%s catches its violation', async (rule, files) => {
    const dir = tree(rule, files);
    const found = await cruiseIn(dir, Object.keys(files).map((f) => f.split('/')[0]!).filter((v, i, a) => a.indexOf(v) === i));
    expect(found.map((v) => v.split(':')[0])).toContain(rule);
  });

  it('runtime-not-to-dev-dep catches a devDependency imported by code the processes run', async () => {
    const dir = path.join(tmp, 'dev-dep');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('package.json', JSON.stringify({ name: 'x', dependencies: { prodonly: '1.0.0' }, devDependencies: { devonly: '1.0.0' } }));
    for (const name of ['prodonly', 'devonly']) {
      write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
      write(`node_modules/${name}/index.js`, 'module.exports = 1;\n');
    }
    write('core/a.ts', "import x from 'devonly';\nexport const a = x;\n");
    write('server/src/b.ts', "import y from 'prodonly';\nexport const b = y;\n");
    write('server/bench/c.ts', "import z from 'devonly';\nexport const c = z;\n");
    const found = await cruiseIn(dir, ['core', 'server']);
    expect(found).toEqual(['runtime-not-to-dev-dep: core/a.ts -> node_modules/devonly/index.js']);
  });

  it('lets the entry point start the embedded bridge and the simulator use schemas', async () => {
    const dir = tree('allowed', {
      'server/src/main.ts': ['firmware-bridge/src/telemetry-service.ts'],
      'firmware-bridge/src/telemetry-service.ts': ['core/db/client.ts'],
      'firmware-bridge/src/simulator/chair.ts': ['schemas/telemetry.ts'],
      'core/db/client.ts': ['schemas/telemetry.ts'],
      'schemas/telemetry.ts': [],
    });
    expect(await cruiseIn(dir, ['server', 'firmware-bridge', 'core', 'schemas'])).toEqual([]);
  });
});
