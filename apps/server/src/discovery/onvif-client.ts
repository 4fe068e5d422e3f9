// A small ONVIF SOAP client: GetDeviceInformation, GetCapabilities (to find the media service),
// GetProfiles and GetStreamUri, authenticated with a WS-Security UsernameToken (PasswordDigest).
import { createHash, randomBytes } from 'node:crypto';
import type { DiscoveredProfile } from '@vigil/types';
import { esc, find, findAll, parseXml, textOf, type XmlNode } from './xml';

const NS = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  trt: 'http://www.onvif.org/ver10/media/wsdl',
  tt: 'http://www.onvif.org/ver10/schema',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
};
const DIGEST_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

export interface Credentials {
  username: string;
  password: string;
}

/** PasswordDigest = Base64(SHA-1(nonce + created + password)), nonce as raw bytes. */
export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1').update(Buffer.concat([nonce, Buffer.from(created + password, 'utf8')])).digest('base64');
}

function securityHeader(c: Credentials, now: Date): string {
  const nonce = randomBytes(16);
  const created = now.toISOString();
  return (
    `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}"><wsse:UsernameToken>` +
    `<wsse:Username>${esc(c.username)}</wsse:Username>` +
    `<wsse:Password Type="${DIGEST_TYPE}">${passwordDigest(nonce, created, c.password)}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${BASE64_TYPE}">${nonce.toString('base64')}</wsse:Nonce>` +
    `<wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`
  );
}

/** A SOAP fault or HTTP failure from the device, with the device's reason. */
export class OnvifError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'OnvifError';
  }
}

/** One SOAP 1.2 call; returns the Body element of the answer. */
export async function soapCall(opts: { url: string; body: string; credentials?: Credentials; timeoutMs: number }): Promise<XmlNode> {
  const header = opts.credentials?.username ? `<s:Header>${securityHeader(opts.credentials, new Date())}</s:Header>` : '';
  const envelope = `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${NS.s}" xmlns:tds="${NS.tds}" xmlns:trt="${NS.trt}" xmlns:tt="${NS.tt}">${header}<s:Body>${opts.body}</s:Body></s:Envelope>`;
  const res = await fetch(opts.url, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: envelope,
    signal: AbortSignal.timeout(opts.timeoutMs),
    redirect: 'error',
  });
  const text = await res.text();
  let doc: XmlNode;
  try {
    doc = parseXml(text);
  } catch (err) {
    throw new OnvifError(`HTTP ${res.status}: not a SOAP answer (${(err as Error).message})`, res.status);
  }
  const body = find(doc, 'Body');
  const fault = find(body, 'Fault');
  if (fault) {
    const reason = textOf(fault, 'Reason', 'Text') ?? textOf(fault, 'faultstring') ?? 'SOAP fault';
    const sub = textOf(fault, 'Subcode', 'Subcode', 'Value') ?? textOf(fault, 'Subcode', 'Value');
    throw new OnvifError(sub ? `${reason} (${sub})` : reason, res.status);
  }
  if (!res.ok || !body) throw new OnvifError(`HTTP ${res.status}`, res.status);
  return body;
}

export interface DeviceInfo {
  manufacturer: string | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  hardwareId: string | null;
}

/** Device information, profiles and their RTSP URIs of one device service address. */
export async function readDevice(xaddr: string, credentials: Credentials | undefined, timeoutMs: number): Promise<{ info: DeviceInfo; profiles: DiscoveredProfile[] }> {
  const call = (url: string, body: string) => soapCall({ url, body, credentials, timeoutMs });
  const infoBody = await call(xaddr, '<tds:GetDeviceInformation/>');
  const info: DeviceInfo = {
    manufacturer: textOf(infoBody, 'Manufacturer'),
    model: textOf(infoBody, 'Model'),
    firmware: textOf(infoBody, 'FirmwareVersion'),
    serial: textOf(infoBody, 'SerialNumber'),
    hardwareId: textOf(infoBody, 'HardwareId'),
  };
  // Most devices serve media on its own path; ask instead of guessing, fall back to the device address.
  let mediaUrl = xaddr;
  try {
    const caps = await call(xaddr, '<tds:GetCapabilities><tds:Category>Media</tds:Category></tds:GetCapabilities>');
    mediaUrl = textOf(caps, 'Media', 'XAddr') || xaddr;
  } catch (err) {
    if (!(err instanceof OnvifError)) throw err;
  }
  const profBody = await call(mediaUrl, '<trt:GetProfiles/>');
  const profiles: DiscoveredProfile[] = [];
  for (const p of findAll(profBody, 'Profiles')) {
    const token = p.attrs.token ?? '';
    const enc = find(p, 'VideoEncoderConfiguration');
    const num = (s: string | null) => (s && Number.isFinite(Number(s)) ? Number(s) : null);
    let streamUri: string | null = null;
    try {
      const uriBody = await call(
        mediaUrl,
        `<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>${esc(token)}</trt:ProfileToken></trt:GetStreamUri>`,
      );
      streamUri = textOf(uriBody, 'MediaUri', 'Uri');
    } catch (err) {
      // One profile without a stream (e.g. metadata only) leaves the others usable.
      if (!(err instanceof OnvifError)) throw err;
    }
    profiles.push({
      token,
      name: textOf(p, 'Name') ?? token,
      width: num(textOf(enc, 'Resolution', 'Width')),
      height: num(textOf(enc, 'Resolution', 'Height')),
      encoding: textOf(enc, 'Encoding'),
      streamUri,
    });
  }
  return { info, profiles };
}
