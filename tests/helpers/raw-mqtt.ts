// MQTT 3.1.1 packets built by hand, for what mqtt.js will not send: empty topics, topics of any
// depth, headers announcing more bytes than follow. Plus a bare-socket client to send them.
import net from 'node:net';

/** The variable-length "remaining length" of the fixed header. */
export function remainingLength(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const str = (s: string | Buffer) => {
  const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
  return Buffer.concat([u16(b.length), b]);
};
const packet = (firstByte: number, body: Buffer) => Buffer.concat([Buffer.from([firstByte]), remainingLength(body.length), body]);

export interface ConnectFields {
  clientId: string;
  username?: string;
  password?: string;
  clean?: boolean;
  keepaliveS?: number;
}

export function connectPacket(c: ConnectFields): Buffer {
  let flags = c.clean === false ? 0 : 0x02;
  if (c.username !== undefined) flags |= 0x80;
  if (c.password !== undefined) flags |= 0x40;
  const body = Buffer.concat([
    str('MQTT'),
    Buffer.from([4, flags]),
    u16(c.keepaliveS ?? 30),
    str(c.clientId),
    ...(c.username !== undefined ? [str(c.username)] : []),
    ...(c.password !== undefined ? [str(c.password)] : []),
  ]);
  return packet(0x10, body);
}

export function publishPacket(topic: string | Buffer, payload: string | Buffer, o: { qos?: 0 | 1; retain?: boolean; messageId?: number } = {}): Buffer {
  const qos = o.qos ?? 0;
  const first = 0x30 | (qos << 1) | (o.retain ? 1 : 0);
  const body = Buffer.concat([str(topic), ...(qos > 0 ? [u16(o.messageId ?? 1)] : []), Buffer.from(payload)]);
  return packet(first, body);
}

export function subscribePacket(filter: string, messageId = 1, qos: 0 | 1 = 1): Buffer {
  return packet(0x82, Buffer.concat([u16(messageId), str(filter), Buffer.from([qos])]));
}

/** Only a fixed header (and a few bytes) claiming a packet of `announced` bytes. */
export function announcePacket(firstByte: number, announced: number, sample = 16): Buffer {
  return Buffer.concat([Buffer.from([firstByte]), remainingLength(announced), Buffer.alloc(sample, 0x61)]);
}

export interface RawMqttClient {
  /** The CONNACK return code (0 = accepted), or null when the broker closed without one. */
  connack: number | null;
  send(bytes: Buffer): void;
  /** Every byte received after the CONNACK. */
  received(): Buffer;
  closed(): boolean;
  /** Resolves once the broker has closed the connection, or false after `ms`. */
  waitClosed(ms: number): Promise<boolean>;
  end(): void;
}

/** Connects over a bare socket and waits for the CONNACK (or the close). */
export function rawConnect(port: number, c: ConnectFields, timeoutMs = 5000): Promise<RawMqttClient> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buf: Buffer = Buffer.alloc(0);
    let isClosed = false;
    let settled = false;
    const waiters: (() => void)[] = [];
    const client: RawMqttClient = {
      connack: null,
      send: (bytes) => void (isClosed ? undefined : socket.write(bytes)),
      received: () => buf,
      closed: () => isClosed,
      waitClosed: (ms) =>
        new Promise((res) => {
          if (isClosed) return res(true);
          const t = setTimeout(() => res(false), ms);
          waiters.push(() => (clearTimeout(t), res(true)));
        }),
      end: () => socket.destroy(),
    };
    const timer = setTimeout(() => settle(() => reject(new Error('no CONNACK in time'))), timeoutMs);
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    socket.on('connect', () => socket.write(connectPacket(c)));
    socket.on('data', (d: Buffer) => {
      if (client.connack === null && !settled && d[0] === 0x20 && d.length >= 4) {
        client.connack = d[3]!;
        buf = d.subarray(4);
        settle(() => resolve(client));
      } else {
        buf = Buffer.concat([buf, d]);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      isClosed = true;
      for (const w of waiters.splice(0)) w();
      settle(() => resolve(client));
    });
  });
}
