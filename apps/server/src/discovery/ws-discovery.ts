// WS-Discovery Probe (SOAP-over-UDP) for ONVIF NetworkVideoTransmitters: multicast to
// 239.255.255.250:3702 and/or unicast to given hosts, collecting ProbeMatches until the timeout.
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { randomUUID } from 'node:crypto';
import { find, findAll, parseXml, textOf } from './xml';

export const WSD_MULTICAST = { host: '239.255.255.250', port: 3702 };

export interface ProbeTarget {
  host: string;
  port: number;
}

/** One device's answer: endpoint reference, service addresses and scopes. */
export interface ProbeMatch {
  address: string;
  xaddrs: string[];
  scopes: string[];
  types: string[];
  /** The IP the answer came from. */
  from: string;
}

export function probeMessage(messageId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
    'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">' +
    '<s:Header><a:Action s:mustUnderstand="1">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>' +
    `<a:MessageID>${messageId}</a:MessageID>` +
    '<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>' +
    '<a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>' +
    '<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>'
  );
}

/** The ProbeMatch elements of an answer to our probe; answers to other probes are ignored. */
export function parseProbeMatches(xml: string, messageId: string, from: string): ProbeMatch[] {
  const env = parseXml(xml);
  const relates = textOf(env, 'Header', 'RelatesTo');
  if (relates !== null && relates !== messageId) return [];
  const list = (s: string | null) => (s ?? '').split(/\s+/).filter(Boolean);
  return findAll(find(env, 'Body') ?? env, 'ProbeMatch').map((m) => ({
    address: textOf(m, 'EndpointReference', 'Address') ?? '',
    xaddrs: list(textOf(m, 'XAddrs')),
    scopes: list(textOf(m, 'Scopes')),
    types: list(textOf(m, 'Types')),
    from,
  }));
}

/** Reads an ONVIF scope such as onvif://www.onvif.org/name/Cam%201 -> "Cam 1". */
export function scopeValue(scopes: readonly string[], key: 'name' | 'hardware' | 'location'): string | null {
  const prefix = `onvif://www.onvif.org/${key}/`;
  const vals = scopes.filter((s) => s.toLowerCase().startsWith(prefix)).map((s) => safeDecode(s.slice(prefix.length)));
  return vals.length ? vals.join(' ') : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch (err) {
    if (err instanceof URIError) return s;
    throw err;
  }
}

/** Sends the probe and gathers answers for `timeoutMs`; matches are merged per endpoint address. */
export async function probe(opts: { targets: ProbeTarget[]; multicast: boolean; timeoutMs: number; onError?: (err: Error) => void }): Promise<ProbeMatch[]> {
  const messageId = `uuid:${randomUUID()}`;
  const msg = Buffer.from(probeMessage(messageId));
  const found = new Map<string, ProbeMatch>();
  const sockets: Socket[] = [];
  const open = async (type: 'udp4' | 'udp6') => {
    const s = createSocket({ type, reuseAddr: false });
    s.on('message', (buf, rinfo) => {
      let matches: ProbeMatch[];
      try {
        matches = parseProbeMatches(buf.toString('utf8'), messageId, rinfo.address);
      } catch (err) {
        // A garbled datagram from some other device must not end the scan.
        opts.onError?.(err as Error);
        return;
      }
      for (const m of matches) {
        const key = m.address || m.xaddrs[0] || m.from;
        const prev = found.get(key);
        if (prev) prev.xaddrs = [...new Set([...prev.xaddrs, ...m.xaddrs])];
        else found.set(key, m);
      }
    });
    s.on('error', (err) => opts.onError?.(err));
    await new Promise<void>((res) => s.bind(0, res));
    sockets.push(s);
    return s;
  };
  const v4 = await open('udp4');
  const v6Targets = opts.targets.filter((t) => isIPv6(t.host));
  const v6 = v6Targets.length ? await open('udp6') : null;
  const sendAll = () => {
    const send = (s: Socket, t: ProbeTarget) => s.send(msg, t.port, t.host, (err) => err && opts.onError?.(err));
    if (opts.multicast) send(v4, WSD_MULTICAST);
    for (const t of opts.targets) send(isIPv6(t.host) ? v6! : v4, t);
  };
  try {
    sendAll();
    // UDP may drop the first datagram; WS-Discovery repeats the probe once.
    await sleep(Math.min(500, opts.timeoutMs / 3));
    sendAll();
    await sleep(opts.timeoutMs - Math.min(500, opts.timeoutMs / 3));
  } finally {
    for (const s of sockets) s.close();
  }
  return [...found.values()];
}

const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** "host", "1.2.3.4:8000", "[fe80::1]:3702" -> host and port (default 3702). */
export function parseTarget(t: string): ProbeTarget {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(t) ?? /^([^:]+)(?::(\d+))?$/.exec(t);
  if (!m) return { host: t, port: 3702 };
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 3702 };
}
