/**
 * Which Host headers a request may carry (DNS rebinding guard), decided per connection: a loopback name is
 * only believed on a connection that arrived on the loopback interface, so a client on the network cannot
 * pass the check by sending `Host: 127.0.0.1`. Over any other interface, the Host must name the address
 * the connection actually reached (or the name the server was explicitly bound to).
 */
import { isIP } from 'node:net';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === '::1' || a === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** Binding to this exposes the server beyond this machine. */
export function isExposedBind(host: string): boolean {
  return !isLoopbackAddress(host);
}

const bracket = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);
const unmap = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export interface ConnectionInfo {
  /** The address the server listens on (`--host`), e.g. 127.0.0.1, 0.0.0.0, 192.168.1.5, myhost.lan. */
  bindHost: string;
  port: number;
  /** socket.localAddress: the interface this connection arrived on. */
  localAddress: string | undefined;
  /** socket.remoteAddress: who is asking. */
  remoteAddress: string | undefined;
}

/** The `host:port` values (lower case) accepted on this connection. */
export function allowedHostsFor(c: ConnectionInfo): Set<string> {
  const names = new Set<string>();
  const local = c.localAddress ? unmap(c.localAddress) : '';
  if (isLoopbackAddress(local) && isLoopbackAddress(c.remoteAddress)) for (const n of LOOPBACK_NAMES) names.add(n);
  if (local) names.add(bracket(local));
  // A host name given with --host is also what clients type (an address given is `local` already).
  if (!isIP(c.bindHost)) names.add(c.bindHost);
  return new Set([...names].map((n) => `${n}:${c.port}`.toLowerCase()));
}

export function hostAllowed(hostHeader: string | undefined, c: ConnectionInfo): boolean {
  return allowedHostsFor(c).has((hostHeader ?? '').toLowerCase());
}
