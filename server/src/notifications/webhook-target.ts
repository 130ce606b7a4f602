// Where a webhook may be sent, and what a failed delivery is called. A target that resolves to
// loopback, link-local or private space is refused (unless WEBHOOK_ALLOW_PRIVATE=1), and failures
// are recorded as a category, never the raw socket error: together they keep the webhook form from
// serving as a scanner of the server's own network.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { WebhookError } from '../../../schemas/notifications.ts';

const privateSpace = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) privateSpace.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) privateSpace.addSubnet(net, prefix, 'ipv6');

/** True for loopback, link-local, private, shared, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateSpace.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never a place to send to
  return privateSpace.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type Resolve = (host: string) => Promise<string[]>;
const resolveAll: Resolve = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Whether the URL's host is, or resolves to, an address a webhook may not reach. */
export async function privateTarget(url: string, resolve: Resolve = resolveAll): Promise<boolean> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolve(host);
  return addresses.length === 0 || addresses.some(isPrivateAddress);
}

const tlsCode = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY)_|HOSTNAME_MISMATCH)/;

/** The category of a failed attempt: what a centre can act on, without the network's details. */
export function errorCategory(err: unknown): WebhookError {
  const e = err as Error & { code?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  const code = e.cause?.code ?? e.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return 'dns';
  if (tlsCode.test(code)) return 'tls';
  return 'network';
}
