// A simulated electric chair that behaves like its firmware: a boot id per power-up, a sequence
// number per sample, a ring buffer of unacknowledged samples resent above the retained ack after
// each reconnect and again when acks stall (a retransmit timeout), a Last Will, battery physics and
// occasional controller faults.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import mqtt, { type MqttClient } from 'mqtt';
import { AckV1, chairTopics, type TelemetryV1 } from '../../../schemas/telemetry.ts';
import { Battery, type Chemistry } from './battery.ts';
import { BAD_KINDS, badPayload, type BadKind, carriesSeq } from './bad-payloads.ts';
import { type Random, UsageModel } from './usage-model.ts';

export interface SimulatedChairOptions {
  deviceId: string;
  secret: string;
  url: string;
  prefix?: string;
  chemistry?: Chemistry;
  ratedAh?: number;
  random: Random;
  /** Simulated seconds of battery physics per real second (1 = real time). */
  physicsSpeed?: number;
  ringSize?: number;
  faultRate?: number;
  badRate?: number;
  badKinds?: BadKind[];
  /** Device clock skew in ms (a chair whose clock is wrong). */
  clockSkewMs?: number;
  activity?: number;
  initialSoc?: number;
  health?: number;
  cycles?: number;
  now?: () => number;
  /**
   * Retransmit timeout in real ms: when the ack has not moved for this long, samples published
   * that long ago and still unacknowledged are sent again, even on the same connection (a broker
   * may have had no subscriber when they arrived). Doubles while nothing moves, up to 8×.
   */
  retransmitMs?: number;
}

interface RingEntry {
  bootId: string;
  seq: number;
  payload: string;
  /** The connection it was last published on (0: never): a resend skips what this one carried. */
  sentOn: number;
  /** When it was last published (real ms), for the retransmit timeout. */
  sentAt: number;
}

export class SimulatedChair extends EventEmitter {
  readonly deviceId: string;
  bootId = '';
  seq = 0;
  produced = 0;
  /** Samples produced per boot id (a power cycle starts a new boot). */
  readonly producedByBoot = new Map<string, number>();
  badSent = 0;
  readonly ring: RingEntry[] = [];
  readonly battery: Battery;
  private client: MqttClient | undefined;
  private readonly usage: UsageModel;
  /** Lifetime counters with their fractions: rounding each tick would lose short ticks' progress. */
  private odometerM: number;
  private motorSeconds: number;
  private simMs: number;
  private lastTick: number;
  private faults = new Map<string, boolean>();
  private resendPending = false;
  private connection = 0;
  private resendTimer: NodeJS.Timeout | undefined;
  private retransmitTimer: NodeJS.Timeout | undefined;
  /** Real time of the last ack that shrank the ring (or of the last retransmit). */
  private progressAt = 0;
  private retransmitBackoff = 1;
  private readonly o: Required<Omit<SimulatedChairOptions, 'badKinds'>> & { badKinds: BadKind[] };

  constructor(options: SimulatedChairOptions) {
    super();
    this.o = {
      prefix: 'atensi', chemistry: 'lifepo4', ratedAh: 20, physicsSpeed: 1, ringSize: 20_000, faultRate: 0.0005, badRate: 0,
      badKinds: [...BAD_KINDS], clockSkewMs: 0, retransmitMs: 5000,
      activity: 0.6, initialSoc: 0.6 + options.random() * 0.4, health: 1, cycles: 0, now: Date.now, ...options,
    };
    this.deviceId = options.deviceId;
    this.battery = new Battery({ chemistry: this.o.chemistry, ratedAh: this.o.ratedAh }, { soc: this.o.initialSoc, health: this.o.health, cycles: this.o.cycles });
    this.usage = new UsageModel(this.o.random, this.o.activity);
    this.odometerM = Math.floor(this.o.random() * 500_000);
    this.motorSeconds = Math.floor(this.odometerM / 1.1);
    this.simMs = this.o.now();
    this.lastTick = this.o.now();
  }

  get topics() {
    return chairTopics(this.deviceId, this.o.prefix);
  }

  get connected() {
    return this.client?.connected ?? false;
  }

  /** Powers up: a new boot id, connects, announces itself and resends what is unacknowledged. */
  async powerUp(): Promise<void> {
    this.bootId = randomUUID().slice(0, 8);
    this.seq = 0;
    const client = mqtt.connect(this.o.url, {
      clientId: this.deviceId,
      username: this.deviceId,
      password: this.o.secret,
      clean: true,
      reconnectPeriod: 500,
      connectTimeout: 5000,
      // "Server unavailable" (the server is still starting) is worth retrying; bad credentials are
      // not, so those end the client below.
      reconnectOnConnackError: true,
      will: { topic: this.topics.status, payload: Buffer.from(JSON.stringify({ v: 1, state: 'offline' })), qos: 1, retain: true },
    });
    this.client = client;
    client.on('connect', () => {
      this.connection++;
      client.publish(this.topics.status, JSON.stringify({ v: 1, state: 'online', bootId: this.bootId, fw: 'sim-1.0', ts: this.deviceNow() }), { qos: 1, retain: true });
      // The retained ack arrives right after subscribing and triggers the resend; a chair that
      // has never been acknowledged gets no ack, so resend after a short wait anyway.
      this.resendPending = true;
      client.subscribe(this.topics.ack, { qos: 1 });
      clearTimeout(this.resendTimer);
      this.resendTimer = setTimeout(() => this.resendPending && this.resend(), 1000);
      this.progressAt = Date.now();
      this.retransmitBackoff = 1;
      this.emit('connect');
    });
    clearInterval(this.retransmitTimer);
    this.retransmitTimer = setInterval(() => this.retransmit(), Math.max(50, this.o.retransmitMs / 4));
    this.retransmitTimer.unref();
    client.on('message', (_topic, payload) => this.onAck(payload));
    client.on('error', (err) => {
      const code = (err as { code?: unknown }).code;
      if (code === 3) return; // server unavailable: retried after reconnectPeriod
      if (code === 4 || code === 5) client.end(true);
      this.emit('error', err);
    });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  }

  private onAck(payload: Buffer) {
    let ack: AckV1;
    try {
      ack = AckV1.parse(JSON.parse(payload.toString('utf8')));
    } catch {
      return;
    }
    // An ack speaks only of its own boot. After a power cut the ring may still hold samples of the
    // previous boot, whose seqs overlap this boot's: they stay until an ack of their boot.
    let kept = 0;
    for (const e of this.ring) if (e.bootId !== ack.bootId || e.seq > ack.seq) this.ring[kept++] = e;
    if (kept < this.ring.length) {
      this.progressAt = Date.now();
      this.retransmitBackoff = 1;
    }
    this.ring.length = kept;
    this.emit('ack', ack.bootId === this.bootId ? ack.seq : -1);
    if (this.resendPending) this.resend();
  }

  /** After a (re)connect: publish again everything above the committed position. */
  private resend() {
    this.resendPending = false;
    clearTimeout(this.resendTimer);
    const now = Date.now();
    for (const e of this.ring) {
      if (e.sentOn === this.connection || !this.client) continue;
      this.client.publish(this.topics.telemetry, e.payload, { qos: 1 });
      e.sentOn = this.connection;
      e.sentAt = now;
    }
  }

  /** The retransmit timeout: acks have stalled, so send again what has waited too long. */
  private retransmit() {
    const now = Date.now();
    const timeout = this.o.retransmitMs * this.retransmitBackoff;
    if (!this.client?.connected || this.resendPending || !this.ring.length || now - this.progressAt < timeout) return;
    let sent = 0;
    for (const e of this.ring) {
      if (e.sentOn === 0 || now - e.sentAt < timeout) continue;
      this.client.publish(this.topics.telemetry, e.payload, { qos: 1 });
      e.sentOn = this.connection;
      e.sentAt = now;
      sent++;
    }
    this.progressAt = now;
    this.retransmitBackoff = Math.min(8, this.retransmitBackoff * 2);
    if (sent) this.emit('retransmit', sent);
  }

  private deviceNow() {
    return this.o.now() + this.o.clockSkewMs;
  }

  /** Advances physics to now and publishes one sample (and maybe an injected bad payload). */
  tick(): TelemetryV1 {
    const now = this.o.now();
    const dtS = Math.max(0.001, ((now - this.lastTick) / 1000) * this.o.physicsSpeed);
    this.lastTick = now;
    this.simMs += dtS * 1000;
    const act = this.usage.next(this.simMs, dtS, this.battery.soc);
    const current = act.driving ? -(8 + this.o.random() * 10) : act.charging ? 6 : -0.3;
    this.battery.step(current, dtS, 29 + 3 * Math.sin((this.simMs / 3_600_000 / 24) * 2 * Math.PI));
    if (act.driving && this.battery.soc > 0.01) {
      this.odometerM += act.speedMps * dtS;
      this.motorSeconds += dtS;
    }
    if (this.o.random() < this.o.faultRate) this.faults.set(['VR2-3', 'VR2-5', 'VR2-7', 'VR2-8', 'VR2-9'][Math.floor(this.o.random() * 5)]!, true);
    for (const [code, active] of this.faults) if (active && this.o.random() < 0.05) this.faults.set(code, false);

    const sample: TelemetryV1 = {
      v: 1,
      bootId: this.bootId,
      seq: this.seq++,
      ts: this.deviceNow(),
      battery: {
        socPct: Math.round(this.battery.soc * 1000) / 10,
        voltageV: Math.round(this.battery.voltageV * 100) / 100,
        currentA: Math.round(this.battery.currentA * 100) / 100,
        tempC: Math.round(this.battery.tempC * 10) / 10,
        charging: this.battery.currentA > 0,
        cycleCount: this.battery.cycles,
        fullChargeAh: Math.round(this.battery.fullChargeAh * 100) / 100,
      },
      usage: { odometerM: Math.floor(this.odometerM), motorSeconds: Math.floor(this.motorSeconds) },
      ...(this.faults.size ? { faults: [...this.faults].map(([code, active]) => ({ code, active })) } : {}),
    };
    const payload = JSON.stringify(sample);
    if (this.ring.length >= this.o.ringSize) this.ring.shift(); // oldest lost, as on the real board
    const entry: RingEntry = { bootId: sample.bootId, seq: sample.seq, payload, sentOn: 0, sentAt: 0 };
    this.ring.push(entry);
    this.produced++;
    this.producedByBoot.set(sample.bootId, (this.producedByBoot.get(sample.bootId) ?? 0) + 1);
    if (this.client?.connected) {
      this.client.publish(this.topics.telemetry, payload, { qos: 1 });
      entry.sentOn = this.connection;
      entry.sentAt = Date.now();
    }
    if (this.o.badRate > 0 && this.o.random() < this.o.badRate) this.sendBad();
    return sample;
  }

  /**
   * Publishes one invalid payload of the given (or a random) kind; it must end as a rejection. Like
   * firmware, a message whose boot id and seq are readable uses up its seq, and the bridge's record
   * of the rejection fills that slot; garbled bytes carry no seq and use none.
   */
  sendBad(kind?: BadKind) {
    const k = kind ?? this.o.badKinds[Math.floor(this.o.random() * this.o.badKinds.length)]!;
    this.badSent++;
    const seq = carriesSeq(k) ? this.seq++ : this.seq;
    this.client?.publish(this.topics.telemetry, badPayload(k, this.bootId, seq, this.deviceNow()), { qos: 1 });
  }

  /** Waits until every produced sample is acknowledged (or the timeout passes). */
  async drained(timeoutMs = 30_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.ring.length > 0) {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  }

  /** A graceful power cycle: drain the buffer, disconnect, and boot again with a new boot id. */
  async reboot() {
    await this.drained();
    await this.powerOff();
    await this.powerUp();
  }

  async powerOff() {
    clearTimeout(this.resendTimer);
    clearInterval(this.retransmitTimer);
    await this.client?.endAsync(true);
    this.client = undefined;
  }

  /** Drops the connection abruptly (the Last Will fires); the client reconnects by itself. */
  dropConnection() {
    (this.client as unknown as { stream?: { destroy(): void } } | undefined)?.stream?.destroy();
  }
}
