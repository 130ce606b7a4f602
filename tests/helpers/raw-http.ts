// Requests that fetch() and app.request() cannot make: exact (unnormalised) paths, chunked bodies
// without Content-Length, oversized or malformed headers. Sent over node:http or a bare socket to
// the app listening on an ephemeral loopback port.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

/** A response from any transport, reduced to what the checks need. */
export interface Outcome {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
}

export async function fromResponse(res: Response): Promise<Outcome> {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  return { status: res.status, headers, text: await res.text() };
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Serves a fetch handler (e.g. the harness's app) on 127.0.0.1 and an ephemeral port. */
export async function listen(fetch: Parameters<typeof serve>[0]['fetch']): Promise<Listening> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    server.once('error', reject);
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server!.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as written: no normalisation of `..`, `%2e` or backslashes. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A body streamed with Transfer-Encoding: chunked (no Content-Length): `count` chunks of `size` bytes. */
  chunked?: { size: number; count: number; byte?: number };
}

/**
 * One request over node:http. A chunked body is written with back-pressure and stops as soon as the
 * server answers or closes (an early 413 is the point of sending one).
 */
export function httpRequest(port: number, r: RawRequest, timeoutMs = 20_000): Promise<Outcome & { bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const headers: Record<string, string> = { connection: 'close', ...r.headers };
    if (r.body !== undefined && !r.chunked) headers['content-length'] ??= String(Buffer.byteLength(r.body));
    const req = http.request({ host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path, headers, setHost: true });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${r.method ?? 'GET'} ${r.path.slice(0, 80)} in ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = () => {
        clearTimeout(timer);
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8'), bytesSent });
      };
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.on('error', (err) => {
      // The server may close the connection right after answering while the body is still going out.
      if (answered) return;
      clearTimeout(timer);
      reject(err);
    });
    if (r.chunked) {
      const chunk = Buffer.alloc(r.chunked.size, r.chunked.byte ?? 0x61);
      let left = r.chunked.count;
      const pump = () => {
        while (left > 0 && !answered && !req.destroyed) {
          left -= 1;
          bytesSent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    } else {
      if (r.body !== undefined) bytesSent = Buffer.byteLength(r.body);
      req.end(r.body);
    }
  });
}

/** Raw bytes over a bare socket (for requests node:http refuses to send); reads until the server closes. */
export function socketRequest(port: number, raw: string | Buffer, timeoutMs = 10_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    const timer = setTimeout(() => finish(), timeoutMs);
    let finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text);
      if (!m) return reject(new Error(`no HTTP response: ${JSON.stringify(text.slice(0, 120))}`));
      const end = text.indexOf('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of text.slice(m[0].length, end === -1 ? undefined : end).split('\r\n')) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(m[1]), headers, text: end === -1 ? '' : text.slice(end + 4) });
    }
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', () => finish());
  });
}
