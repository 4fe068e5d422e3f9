import type { DiscoveredDevice, DiscoveryRequest } from '@vigil/types';
import { readDevice, OnvifError } from './onvif-client';
import { parseTarget, probe, scopeValue, type ProbeMatch } from './ws-discovery';

/** The device address to call: an http(s) XAddr on the host that answered, else the first http(s) one. */
function pickXaddr(m: ProbeMatch): string | null {
  const http = m.xaddrs.filter((x) => URL.canParse(x) && /^https?:$/.test(new URL(x).protocol));
  return http.find((x) => new URL(x).hostname.replace(/^\[|\]$/g, '') === m.from) ?? http[0] ?? null;
}

/** Probes, then reads each device found (a few at a time); a device that refuses keeps its scopes and an error. */
export async function discover(req: DiscoveryRequest, log: (obj: object, msg: string) => void): Promise<DiscoveredDevice[]> {
  const matches = await probe({
    targets: req.targets.map(parseTarget),
    multicast: req.multicast ?? req.targets.length === 0,
    timeoutMs: req.timeoutMs,
    onError: (err) => log({ err: err.message }, 'ws-discovery'),
  });
  const credentials = req.username ? { username: req.username, password: req.password ?? '' } : undefined;
  const callTimeout = Math.min(5000, Math.max(1000, req.timeoutMs));
  const one = async (m: ProbeMatch): Promise<DiscoveredDevice> => {
    const xaddr = pickXaddr(m);
    const base: DiscoveredDevice = {
      xaddr: xaddr ?? m.xaddrs[0] ?? '',
      address: m.address,
      scopes: m.scopes,
      manufacturer: null,
      model: null,
      firmware: null,
      serial: null,
      hardware: scopeValue(m.scopes, 'hardware'),
      name: scopeValue(m.scopes, 'name'),
      location: scopeValue(m.scopes, 'location'),
      profiles: [],
      error: null,
    };
    if (!xaddr) return { ...base, error: 'no http(s) service address in the probe answer' };
    try {
      const { info, profiles } = await readDevice(xaddr, credentials, callTimeout);
      return { ...base, manufacturer: info.manufacturer, model: info.model ?? base.hardware, firmware: info.firmware, serial: info.serial, profiles };
    } catch (err) {
      const reason = err instanceof OnvifError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      return { ...base, error: reason };
    }
  };
  const out: DiscoveredDevice[] = [];
  for (let i = 0; i < matches.length; i += 8) out.push(...(await Promise.all(matches.slice(i, i + 8).map(one))));
  return out.sort((a, b) => a.xaddr.localeCompare(b.xaddr));
}
