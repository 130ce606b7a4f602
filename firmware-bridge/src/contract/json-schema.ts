// JSON Schema of the MQTT payloads, generated from the Zod source of truth (schemas/telemetry.ts)
// and committed under docs/schemas/ for firmware makers; docs/asyncapi.yaml references the files.
import { z } from 'zod';
import { AckV1, StatusV1, TelemetryV1 } from '../../../schemas/telemetry.ts';

/** Where the generated files live, relative to the repository root. */
export const SCHEMA_DIR = 'docs/schemas';

/** File name (without `.json`) of each payload's schema. */
export const CONTRACT_SCHEMAS = { 'telemetry-v1': TelemetryV1, 'status-v1': StatusV1, 'ack-v1': AckV1 } as const;
export type ContractSchemaName = keyof typeof CONTRACT_SCHEMAS;

/**
 * Draft-07, not Zod's default 2020-12: AsyncAPI 3.0 payloads are draft-07 based and its parser
 * only validates `application/schema+json;version=draft-07` among the JSON Schema formats.
 */
export function contractJsonSchemas(): Record<ContractSchemaName, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(CONTRACT_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-07', uri: (id) => `${id}.json` });
  // Shared definitions would need a file of their own; the payloads are small enough to inline.
  if ('__shared' in schemas) throw new Error('contract schemas must not share definitions');
  return schemas as Record<ContractSchemaName, Record<string, unknown>>;
}

/** The committed files: file name → text (two-space JSON and a final newline). */
export function contractSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(contractJsonSchemas())) files.set(`${name}.json`, `${JSON.stringify(schema, null, 2)}\n`);
  return files;
}
