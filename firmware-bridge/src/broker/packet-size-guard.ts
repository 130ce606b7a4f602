// Reads MQTT fixed headers off a raw connection and ends it as soon as a packet announces more
// bytes than allowed, before the broker buffers it (a 10 MB publish never reaches memory whole).
import { Transform, type TransformCallback } from 'node:stream';

export class PacketSizeGuard extends Transform {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;

  constructor(
    private readonly maxPacketBytes: number,
    private readonly onOversize: (announced: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback) {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'type') {
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        i++;
      } else if (this.state === 'length') {
        const byte = chunk[i++]!;
        this.length += (byte & 0x7f) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if ((byte & 0x80) === 0) {
          if (this.length > this.maxPacketBytes) {
            this.onOversize(this.length);
            callback(new Error(`MQTT packet of ${this.length} bytes exceeds the limit of ${this.maxPacketBytes}`));
            return;
          }
          this.remaining = this.length;
          this.state = this.remaining === 0 ? 'type' : 'body';
        } else if (this.lengthBytes >= 4) {
          callback(new Error('malformed MQTT remaining length'));
          return;
        }
      } else {
        const take = Math.min(this.remaining, chunk.length - i);
        i += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'type';
      }
    }
    callback(null, chunk);
  }
}
