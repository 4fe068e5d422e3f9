// A simulated ONVIF camera for tests and demos: answers WS-Discovery probes over UDP on 127.0.0.1
// and the device/media SOAP calls over HTTP, checking the WS-UsernameToken digest.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { passwordDigest } from './onvif-client';
import { find, parseXml, textOf } from './xml';

export interface SimProfile {
  token: string;
  name: string;
  width: number;
  height: number;
  encoding: string;
}

export interface SimOptions {
  username: string;
  password: string;
  name: string;
  hardware: string;
  location: string;
  manufacturer: string;
  model: string;
  firmware: string;
  serial: string;
  profiles: SimProfile[];
}

export interface OnvifSim {
  /** "127.0.0.1:<udp port>", a discovery target. */
  target: string;
  xaddr: string;
  /** SOAP actions answered, in order (for assertions). */
  calls: string[];
  close(): Promise<void>;
}

const env = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
const fault = (code: string, reason: string) => env(`<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value><SOAP-ENV:Subcode><SOAP-ENV:Value>${code}</SOAP-ENV:Value></SOAP-ENV:Subcode></SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang="en">${reason}</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>`);

const scope = (key: string, v: string) => `onvif://www.onvif.org/${key}/${encodeURIComponent(v)}`;

export async function startOnvifSim(o: SimOptions): Promise<OnvifSim> {
  const calls: string[] = [];
  const http: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const send = (status: number, xml: string) => res.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' }).end(xml);
      let doc;
      try {
        doc = parseXml(body);
      } catch {
        return send(400, fault('ter:WellFormed', 'not XML'));
      }
      const action = find(doc, 'Body')?.children[0]?.name ?? '';
      calls.push(action);
      const token = find(doc, 'Header', 'Security', 'UsernameToken');
      const nonce = textOf(token, 'Nonce');
      const created = textOf(token, 'Created');
      const ok = token && textOf(token, 'Username') === o.username && nonce && created && textOf(token, 'Password') === passwordDigest(Buffer.from(nonce, 'base64'), created, o.password);
      if (!ok) return send(400, fault('ter:NotAuthorized', 'Sender not Authorized'));
      const media = `http://127.0.0.1:${(http.address() as AddressInfo).port}/onvif/media_service`;
      switch (action) {
        case 'GetDeviceInformation':
          return send(200, env(`<tds:GetDeviceInformationResponse><tds:Manufacturer>${o.manufacturer}</tds:Manufacturer><tds:Model>${o.model}</tds:Model><tds:FirmwareVersion>${o.firmware}</tds:FirmwareVersion><tds:SerialNumber>${o.serial}</tds:SerialNumber><tds:HardwareId>${o.hardware}</tds:HardwareId></tds:GetDeviceInformationResponse>`));
        case 'GetCapabilities':
          return send(200, env(`<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Media><tt:XAddr>${media}</tt:XAddr></tt:Media></tds:Capabilities></tds:GetCapabilitiesResponse>`));
        case 'GetProfiles':
          if (req.url !== '/onvif/media_service') return send(400, fault('ter:ActionNotSupported', 'use the media service'));
          return send(200, env(`<trt:GetProfilesResponse>${o.profiles.map((p) => `<trt:Profiles token="${p.token}" fixed="true"><tt:Name>${p.name}</tt:Name><tt:VideoEncoderConfiguration token="enc_${p.token}"><tt:Name>enc</tt:Name><tt:Encoding>${p.encoding}</tt:Encoding><tt:Resolution><tt:Width>${p.width}</tt:Width><tt:Height>${p.height}</tt:Height></tt:Resolution></tt:VideoEncoderConfiguration></trt:Profiles>`).join('')}</trt:GetProfilesResponse>`));
        case 'GetStreamUri': {
          const tok = textOf(doc, 'Body', 'ProfileToken');
          if (!o.profiles.some((p) => p.token === tok)) return send(400, fault('ter:NoProfile', 'no such profile'));
          return send(200, env(`<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>rtsp://127.0.0.1:554/Streaming/${tok}?transport=tcp&amp;unicast=true</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect></trt:MediaUri></trt:GetStreamUriResponse>`));
        }
        default:
          return send(400, fault('ter:ActionNotSupported', `${action} not supported`));
      }
    });
  });
  await new Promise<void>((res) => http.listen(0, '127.0.0.1', res));
  const xaddr = `http://127.0.0.1:${(http.address() as AddressInfo).port}/onvif/device_service`;

  const udp: Socket = createSocket('udp4');
  udp.on('message', (buf, rinfo) => {
    let messageId: string | null;
    try {
      messageId = textOf(parseXml(buf.toString('utf8')), 'Header', 'MessageID');
    } catch {
      return;
    }
    calls.push('Probe');
    const scopes = [scope('type', 'video_encoder'), scope('name', o.name), scope('hardware', o.hardware), scope('location', o.location)].join(' ');
    const answer =
      '<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">' +
      `<SOAP-ENV:Header><wsa:MessageID>uuid:sim-${Date.now()}</wsa:MessageID><wsa:RelatesTo>${messageId}</wsa:RelatesTo><wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To><wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></SOAP-ENV:Header>` +
      `<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:sim-${o.serial}</wsa:Address></wsa:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>${scopes}</d:Scopes><d:XAddrs>${xaddr}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    udp.send(answer, rinfo.port, rinfo.address);
  });
  await new Promise<void>((res) => udp.bind(0, '127.0.0.1', res));
  return {
    target: `127.0.0.1:${udp.address().port}`,
    xaddr,
    calls,
    close: async () => {
      udp.close();
      await new Promise<void>((res) => http.close(() => res()));
    },
  };
}
