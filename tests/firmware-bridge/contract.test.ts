// The published MQTT contract: docs/asyncapi.yaml is valid AsyncAPI 3.0 and describes the chair
// topics; docs/schemas/*.json are up to date with the Zod schemas; and the JSON Schema a firmware
// maker validates with accepts and refuses exactly what the bridge (Zod) does.
import fs from 'node:fs';
import path from 'node:path';
import { type AsyncAPIDocumentInterface, DiagnosticSeverity, fromFile, Parser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { chairTopics, MAX_PACKET_BYTES, MAX_TELEMETRY_BYTES } from '../../schemas/telemetry.ts';
import { CONTRACT_SCHEMAS, type ContractSchemaName, contractJsonSchemas, contractSchemaFiles, SCHEMA_DIR } from '../../firmware-bridge/src/contract/json-schema.ts';

const DOC = 'docs/asyncapi.yaml';
const generated = contractJsonSchemas();

/** Drops the `x-parser-*` annotations the AsyncAPI parser adds to every schema it resolves. */
function withoutParserKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParserKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-parser-')).map(([k, v]) => [k, withoutParserKeys(v)]));
}

describe('generated JSON Schema', () => {
  it('is committed and up to date with the Zod schemas (npm run contract:gen)', () => {
    const files = contractSchemaFiles();
    expect([...files.keys()].sort()).toEqual(['ack-v1.json', 'status-v1.json', 'telemetry-v1.json']);
    for (const [name, text] of files) {
      const file = path.join(SCHEMA_DIR, name);
      expect(fs.existsSync(file), `${file} missing: run npm run contract:gen`).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${file} is out of date: run npm run contract:gen`).toBe(text);
    }
  });

  it('is closed draft-07 JSON Schema', () => {
    for (const schema of Object.values(generated)) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    }
    expect(generated['telemetry-v1']).toMatchObject({ type: 'object', additionalProperties: false, required: ['v', 'bootId', 'seq', 'ts', 'battery', 'usage'] });
  });
});

describe('docs/asyncapi.yaml', () => {
  let document: AsyncAPIDocumentInterface;
  let errors: string[];
  let raw: { components: { messages: Record<string, { payload: unknown; examples: { payload: unknown }[] }> } };
  beforeAll(async () => {
    const parsed = await fromFile(new Parser(), DOC).parse();
    errors = parsed.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.path.join('.')}: ${d.message}`);
    document = parsed.document!; // undefined when invalid: the first test says why
    raw = parseYaml(fs.readFileSync(DOC, 'utf8'));
  });

  it('is valid AsyncAPI 3.0 with no error diagnostics', () => {
    expect(errors).toEqual([]);
    expect(document.version()).toBe('3.0.0');
  });

  it('has the three chair channels, each with the deviceId parameter', () => {
    const topics = chairTopics('{deviceId}', 'atensi');
    expect(document.channels().all().map((c) => c.id()).sort()).toEqual(['ack', 'status', 'telemetry']);
    for (const kind of ['telemetry', 'status', 'ack'] as const) {
      const channel = document.channels().get(kind)!;
      expect(channel.address()).toBe(topics[kind]);
      expect(channel.parameters().all().map((p) => p.id())).toEqual(['deviceId']);
    }
    expect(document.channels().get('telemetry')!.parameters().get('deviceId')!.description()).toContain('^[a-z0-9]{8,40}$');
  });

  it("describes the operations from the chair's side with QoS 1 and the retain flags of the contract", () => {
    const expected = { sendTelemetry: ['send', 'telemetry', false], sendStatus: ['send', 'status', true], receiveAck: ['receive', 'ack', true] } as const;
    expect(document.operations().all().map((o) => o.id()).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, [action, channel, retain]] of Object.entries(expected)) {
      const op = document.operations().get(id)!;
      expect(op.action()).toBe(action);
      expect(op.channels().all().map((c) => c.id())).toEqual([channel]);
      expect(op.bindings().get('mqtt')!.value()).toMatchObject({ qos: 1, retain });
    }
    expect(document.operations().get('sendTelemetry')!.description()).toMatch(/ring buffer[\s\S]*above the retained ack/);
  });

  it('offers the embedded broker and an external Mosquitto, with per-device credentials', () => {
    const embedded = document.servers().get('embedded')!;
    expect([embedded.protocol(), embedded.host()]).toEqual(['mqtt', 'localhost:1883']);
    expect(document.servers().get('mosquitto')!.protocol()).toBe('mqtt');
    const schemes = embedded.security().flatMap((req) => req.all().map((r) => r.scheme()));
    expect(schemes.map((s) => s.type())).toEqual(['userPassword', 'userPassword']);
    expect(schemes[0]!.description()).toMatch(/username = client id = device id/i);
  });

  it('states the payload and packet limits the brokers and the bridge enforce (schemas/telemetry.ts)', () => {
    const text = fs.readFileSync(DOC, 'utf8');
    for (const name of ['embedded', 'mosquitto']) {
      expect(document.servers().get(name)!.bindings().get('mqtt')!.value(), name).toMatchObject({ maximumPacketSize: MAX_PACKET_BYTES });
    }
    expect(text).toContain(`max_packet_size ${MAX_PACKET_BYTES}`);
    expect(text).toContain(`more than\n    ${MAX_TELEMETRY_BYTES} bytes of payload, or an MQTT packet over ${MAX_PACKET_BYTES / 1024} KiB`);
  });

  it('references the generated schemas as message payloads', () => {
    const expected: [component: string, channel: string, key: string, schema: ContractSchemaName][] = [
      ['telemetry', 'telemetry', 'telemetry', 'telemetry-v1'],
      ['statusOnline', 'status', 'online', 'status-v1'],
      ['statusOffline', 'status', 'offline', 'status-v1'],
      ['ack', 'ack', 'ack', 'ack-v1'],
    ];
    for (const [component, channel, key, schema] of expected) {
      expect(raw.components.messages[component]!.payload).toEqual({ schemaFormat: 'application/schema+json;version=draft-07', schema: { $ref: `./schemas/${schema}.json` } });
      const resolved = document.channels().get(channel)!.messages().get(key)!.payload()!.json() as { schema: unknown };
      expect(withoutParserKeys(resolved.schema)).toEqual(generated[schema]);
    }
  });

  it('gives examples that the bridge accepts', () => {
    const schemaOf: Record<string, ContractSchemaName> = { telemetry: 'telemetry-v1', statusOnline: 'status-v1', statusOffline: 'status-v1', ack: 'ack-v1' };
    let n = 0;
    for (const [id, message] of Object.entries(raw.components.messages)) {
      for (const example of message.examples) {
        expect(CONTRACT_SCHEMAS[schemaOf[id]!].safeParse(example.payload).error, id).toBeUndefined();
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(6);
  });
});

// ---- Zod and JSON Schema agree, payload by payload (as JSON text, the way it arrives) ----------

type Case = [name: string, schema: ContractSchemaName, json: string];
type Json = Record<string, unknown>;

const ok = {
  v: 1, bootId: '7f3a9c2e', seq: 12, ts: 1_767_225_600_000,
  battery: { socPct: 72.5, voltageV: 25.31, currentA: -11.2, tempC: 31.4, charging: false },
  usage: { odometerM: 153_210, motorSeconds: 139_280 },
};
const full = { ...ok, battery: { ...ok.battery, cycleCount: 212, fullChargeAh: 19.12 }, usage: { ...ok.usage, seatTiltDeg: 12 }, faults: [{ code: 'VR2-3', active: true }] };
const online = { v: 1, state: 'online', bootId: '7f3a9c2e', fw: '2.4.1', ts: 1_767_225_600_000 };
const ack = { v: 1, bootId: '7f3a9c2e', seq: 41 };

/** `ok` with one field set (or removed, with `undefined`) at a dotted path. */
function t(pathText: string, value: unknown, base: Json = ok): string {
  const copy = structuredClone(base);
  const keys = pathText.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Json>((o, k) => o[k] as Json, copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return JSON.stringify(copy);
}
const fault = (i: number) => ({ code: `E${i}`, active: i % 2 === 0 });

const valid: Case[] = [
  ['required fields only', 'telemetry-v1', JSON.stringify(ok)],
  ['every optional field', 'telemetry-v1', JSON.stringify(full)],
  ['every lower bound', 'telemetry-v1', JSON.stringify({ v: 1, bootId: 'a', seq: 0, ts: 0, battery: { socPct: 0, voltageV: 0, currentA: -300, tempC: -40, charging: true, cycleCount: 0, fullChargeAh: 0.001 }, usage: { odometerM: 0, motorSeconds: 0, seatTiltDeg: -10 } })],
  ['every upper bound', 'telemetry-v1', JSON.stringify({ v: 1, bootId: 'b'.repeat(36), seq: Number.MAX_SAFE_INTEGER, ts: 8.64e15, battery: { socPct: 100, voltageV: 80, currentA: 300, tempC: 100, charging: false, cycleCount: 1_000_000, fullChargeAh: 1000 }, usage: { odometerM: 1e9, motorSeconds: 1e10, seatTiltDeg: 60 } })],
  ['16 faults', 'telemetry-v1', t('faults', Array.from({ length: 16 }, (_, i) => fault(i)))],
  ['no faults in an empty list', 'telemetry-v1', t('faults', [])],
  ['bootId with every allowed punctuation', 'telemetry-v1', t('bootId', 'boot_2026-01-01T00:00.a')],
  ['16-character fault code with _ and -', 'telemetry-v1', t('faults', [{ code: 'VR2_MOTOR-LEFT-3', active: false }])],
  ['integers written as 1.0 and 12.0, and -0', 'telemetry-v1', JSON.stringify(ok).replace('"v":1', '"v":1.0').replace('"seq":12', '"seq":12.0').replace('"currentA":-11.2', '"currentA":-0')],
  ['status online', 'status-v1', JSON.stringify(online)],
  ['status offline (the Last Will)', 'status-v1', '{"v":1,"state":"offline"}'],
  ['ack of a boot with nothing committed', 'ack-v1', JSON.stringify({ ...ack, seq: -1 })],
  ['ack', 'ack-v1', JSON.stringify(ack)],
];

const invalid: Case[] = [
  ['v: 2', 'telemetry-v1', t('v', 2)],
  ['v as a string', 'telemetry-v1', t('v', '1')],
  ['v missing', 'telemetry-v1', t('v', undefined)],
  ['bootId empty', 'telemetry-v1', t('bootId', '')],
  ['bootId of 37 characters', 'telemetry-v1', t('bootId', 'b'.repeat(37))],
  ['bootId with a slash', 'telemetry-v1', t('bootId', 'boot/1')],
  ['bootId with a non-ASCII letter', 'telemetry-v1', t('bootId', 'bööt')],
  ['bootId as a number', 'telemetry-v1', t('bootId', 7)],
  ['seq negative', 'telemetry-v1', t('seq', -1)],
  ['seq not an integer', 'telemetry-v1', t('seq', 1.5)],
  ['seq as a string', 'telemetry-v1', t('seq', '12')],
  ['seq above 2^53 - 1', 'telemetry-v1', JSON.stringify(ok).replace('"seq":12', '"seq":9007199254740993')],
  ['seq null', 'telemetry-v1', t('seq', null)],
  ['ts negative', 'telemetry-v1', t('ts', -1)],
  ['ts with a fraction of a millisecond', 'telemetry-v1', t('ts', 1_767_225_600_000.5)],
  ['ts beyond the last representable date', 'telemetry-v1', t('ts', 8.64e15 + 1)],
  ['socPct above 100', 'telemetry-v1', t('battery.socPct', 100.1)],
  ['socPct below 0', 'telemetry-v1', t('battery.socPct', -0.1)],
  ['voltageV above 80', 'telemetry-v1', t('battery.voltageV', 80.01)],
  ['voltageV below 0', 'telemetry-v1', t('battery.voltageV', -1)],
  ['currentA below -300', 'telemetry-v1', t('battery.currentA', -300.5)],
  ['currentA above 300', 'telemetry-v1', t('battery.currentA', 301)],
  ['tempC below -40', 'telemetry-v1', t('battery.tempC', -41)],
  ['tempC above 100', 'telemetry-v1', t('battery.tempC', 100.5)],
  ['charging as a string', 'telemetry-v1', t('battery.charging', 'true')],
  ['charging as 1', 'telemetry-v1', t('battery.charging', 1)],
  ['cycleCount negative', 'telemetry-v1', t('battery.cycleCount', -1)],
  ['cycleCount not an integer', 'telemetry-v1', t('battery.cycleCount', 2.5)],
  ['cycleCount above a million', 'telemetry-v1', t('battery.cycleCount', 1_000_001)],
  ['fullChargeAh zero', 'telemetry-v1', t('battery.fullChargeAh', 0)],
  ['fullChargeAh above 1000', 'telemetry-v1', t('battery.fullChargeAh', 1000.5)],
  ['odometerM negative', 'telemetry-v1', t('usage.odometerM', -1)],
  ['odometerM not an integer', 'telemetry-v1', t('usage.odometerM', 10.5)],
  ['odometerM above 1e9', 'telemetry-v1', t('usage.odometerM', 1e9 + 1)],
  ['motorSeconds above 1e10', 'telemetry-v1', t('usage.motorSeconds', 1e10 + 1)],
  ['motorSeconds as a string', 'telemetry-v1', t('usage.motorSeconds', '100')],
  ['seatTiltDeg below -10', 'telemetry-v1', t('usage.seatTiltDeg', -10.5)],
  ['seatTiltDeg above 60', 'telemetry-v1', t('usage.seatTiltDeg', 61)],
  ['battery missing', 'telemetry-v1', t('battery', undefined)],
  ['usage missing', 'telemetry-v1', t('usage', undefined)],
  ['battery.charging missing', 'telemetry-v1', t('battery.charging', undefined)],
  ['usage.odometerM missing', 'telemetry-v1', t('usage.odometerM', undefined)],
  ['ts missing', 'telemetry-v1', t('ts', undefined)],
  ['an unknown top-level field', 'telemetry-v1', t('firmwareSecret', 'x')],
  ['an unknown field in battery', 'telemetry-v1', t('battery.cellVoltages', [3.2, 3.3])],
  ['an unknown field in usage', 'telemetry-v1', t('usage.speedMps', 1.2)],
  ['an unknown field in a fault', 'telemetry-v1', t('faults', [{ ...fault(0), detail: { nested: true } }])],
  ['a __proto__ key', 'telemetry-v1', `{"__proto__":{"admin":true},${JSON.stringify(ok).slice(1)}`],
  ['a __proto__ key inside battery', 'telemetry-v1', JSON.stringify(ok).replace('"battery":{', '"battery":{"__proto__":{"charging":true},')],
  ['a constructor key', 'telemetry-v1', t('constructor', { prototype: {} })],
  ['17 faults', 'telemetry-v1', t('faults', Array.from({ length: 17 }, (_, i) => fault(i)))],
  ['faults as an object', 'telemetry-v1', t('faults', { 0: fault(0) })],
  ['a fault without active', 'telemetry-v1', t('faults', [{ code: 'VR2-3' }])],
  ['a fault with an empty code', 'telemetry-v1', t('faults', [{ code: '', active: true }])],
  ['a fault code of 17 characters', 'telemetry-v1', t('faults', [{ code: 'C'.repeat(17), active: true }])],
  ['a fault code with a space', 'telemetry-v1', t('faults', [{ code: 'VR2 3', active: true }])],
  ['a fault active as "yes"', 'telemetry-v1', t('faults', [{ code: 'VR2-3', active: 'yes' }])],
  ['socPct overflowing to Infinity (1e400)', 'telemetry-v1', JSON.stringify(ok).replace('"socPct":72.5', '"socPct":1e400')],
  ['currentA overflowing to -Infinity', 'telemetry-v1', JSON.stringify(ok).replace('"currentA":-11.2', '"currentA":-1e400')],
  ['socPct as the string "NaN"', 'telemetry-v1', t('battery.socPct', 'NaN')],
  ['socPct null', 'telemetry-v1', t('battery.socPct', null)],
  ['battery as an array', 'telemetry-v1', t('battery', [ok.battery])],
  ['an array of samples', 'telemetry-v1', JSON.stringify([ok])],
  ['null', 'telemetry-v1', 'null'],
  ['a string', 'telemetry-v1', JSON.stringify(JSON.stringify(ok))],
  ['status with an unknown state', 'status-v1', t('state', 'sleeping', online)],
  ['status online without bootId', 'status-v1', t('bootId', undefined, online)],
  ['status online with an empty fw', 'status-v1', t('fw', '', online)],
  ['status online with a fw of 41 characters', 'status-v1', t('fw', 'f'.repeat(41), online)],
  ['status online with a negative ts', 'status-v1', t('ts', -5, online)],
  ['status offline with an extra field', 'status-v1', '{"v":1,"state":"offline","bootId":"7f3a9c2e"}'],
  ['status v: 2', 'status-v1', '{"v":2,"state":"offline"}'],
  ['ack below -1', 'ack-v1', t('seq', -2, ack)],
  ['ack seq not an integer', 'ack-v1', t('seq', 3.5, ack)],
  ['ack without bootId', 'ack-v1', t('bootId', undefined, ack)],
  ['ack with an unknown field', 'ack-v1', t('committedAt', 1, ack)],
];

describe('Zod and the generated JSON Schema (ajv) agree', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validators = Object.fromEntries(Object.entries(generated).map(([name, schema]) => [name, ajv.compile(schema)]));
  const verdicts = (schema: ContractSchemaName, json: string) => {
    const value: unknown = JSON.parse(json);
    return { zod: CONTRACT_SCHEMAS[schema].safeParse(value).success, jsonSchema: validators[schema]!(value) };
  };

  it('has a corpus of at least 10 valid and 25 invalid payloads', () => {
    expect(valid.length).toBeGreaterThanOrEqual(10);
    expect(invalid.length).toBeGreaterThanOrEqual(25);
    expect(new Set([...valid, ...invalid].map(([name]) => name)).size).toBe(valid.length + invalid.length);
  });

  it.each(valid)('accept %s (%s)', (_name, schema, json) => {
    expect(verdicts(schema, json)).toEqual({ zod: true, jsonSchema: true });
  });

  it.each(invalid)('refuse %s (%s)', (_name, schema, json) => {
    expect(verdicts(schema, json)).toEqual({ zod: false, jsonSchema: false });
  });
});
