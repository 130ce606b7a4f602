// Invalid payloads a broken or hostile chair might send, for injection by the simulator and tests.
export const BAD_KINDS = ['bad_json', 'schema', 'unknown_field', 'oversize', 'future_ts', 'not_utf8', 'proto', 'nan'] as const;
export type BadKind = (typeof BAD_KINDS)[number];

const base = (bootId: string, seq: number, ts: number) => ({
  v: 1, bootId, seq, ts,
  battery: { socPct: 50, voltageV: 25, currentA: -2, tempC: 30, charging: false },
  usage: { odometerM: 100, motorSeconds: 100 },
});

export function badPayload(kind: BadKind, bootId: string, seq: number, ts: number): Buffer {
  const ok = base(bootId, seq, ts);
  switch (kind) {
    case 'bad_json':
      return Buffer.from('{"v":1,"bootId":');
    case 'schema':
      return Buffer.from(JSON.stringify({ ...ok, battery: { ...ok.battery, socPct: 140 } }));
    case 'unknown_field':
      return Buffer.from(JSON.stringify({ ...ok, firmwareSecret: 'x' }));
    case 'oversize':
      return Buffer.from(JSON.stringify({ ...ok, pad: 'x'.repeat(3000) }));
    case 'future_ts':
      return Buffer.from(JSON.stringify({ ...ok, ts: ts + 3 * 86_400_000 }));
    case 'not_utf8':
      return Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    case 'proto':
      return Buffer.from(`{"__proto__":{"admin":true},${JSON.stringify(ok).slice(1)}`);
    case 'nan':
      return Buffer.from(JSON.stringify(ok).replace('"socPct":50', '"socPct":NaN'));
  }
}

/** Whether the bridge can still read this kind's boot id and seq (so the payload fills a slot). */
export function carriesSeq(kind: BadKind): boolean {
  return kind !== 'bad_json' && kind !== 'not_utf8' && kind !== 'nan';
}
