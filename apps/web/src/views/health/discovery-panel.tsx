// ONVIF discovery: probe the network (or given IPs), read each camera's profiles, and add one as a
// Vigil camera in a click; the camera's edit form then opens for the last details.
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { camerasApi } from '../../api/endpoints';
import { type DiscoveredDevice, discoveryApi } from '../../api/health';
import { ErrorAlert } from '../../components/ui/alert';
import { UnitSelect } from '../../components/ui/unit-select';
import { navigate } from '../../hooks/use-hash-route';
import { useUnits } from '../../hooks/use-units';
import { useT } from '../../i18n/i18n';

export function DiscoveryPanel() {
  const t = useT();
  const units = useUnits();
  const [targets, setTargets] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [unitId, setUnitId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [found, setFound] = useState<DiscoveredDevice[] | null>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  async function scan() {
    setBusy(true);
    setError(undefined);
    try {
      const list = targets.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
      setFound((await discoveryApi.onvif({ targets: list, timeoutMs: 3000, username: username || undefined, password: password || undefined })).items);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function add(d: DiscoveredDevice, mainUrl: string, subUrl: string | null) {
    setError(undefined);
    try {
      const cam = await camerasApi.create({
        name: d.name || `${d.manufacturer ?? 'ONVIF'} ${d.model ?? ''} ${new URL(d.xaddr).hostname}`.trim(),
        unitId: unitId || units.ordered[0]?.unit.id || '',
        mainUrl,
        subUrl,
        username: username || undefined,
        password: password || undefined,
        tags: ['onvif', ...(d.manufacturer ? [d.manufacturer.slice(0, 50)] : [])],
        location: { lat: null, lng: null, address: d.location ?? '', placeType: 'other' },
        purposes: ['security'],
        ownership: 'police',
        recorder: null,
        enabled: true,
      });
      navigate(`/cameras/${cam.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="card" data-testid="discovery">
      <h2>{t('discovery.title')}</h2>
      <form className="hform" onSubmit={(e) => { e.preventDefault(); void scan(); }}>
        <label style={{ minWidth: '20rem' }}>{t('discovery.targets')}<input value={targets} onChange={(e) => setTargets(e.target.value)} data-testid="discovery-targets" placeholder="192.168.1.64, 192.168.1.65" />{(fieldErrors['targets.0'] || fieldErrors.targets) && <span className="field__error">{fieldErrors['targets.0'] ?? fieldErrors.targets}</span>}</label>
        <label>{t('discovery.username')}<input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" /></label>
        <label>{t('discovery.password')}<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" /></label>
        <label>{t('camera.unit')}<UnitSelect nodes={units.ordered} value={unitId || units.ordered[0]?.unit.id || ''} onChange={setUnitId} /></label>
        <button type="submit" className="button--primary" disabled={busy} data-testid="discovery-run">{busy ? t('discovery.running') : t('discovery.run')}</button>
      </form>
      <ErrorAlert error={error} />
      {found && found.length === 0 && <p className="muted">{t('discovery.none')}</p>}
      {found && found.length > 0 && (
        <table className="table" data-testid="discovery-table">
          <thead><tr><th>{t('health.camera')}</th><th>{t('discovery.profiles')}</th><th /></tr></thead>
          <tbody>
            {found.map((d) => {
              const withUri = d.profiles.filter((p) => p.streamUri);
              return (
                <tr key={d.xaddr || d.address} data-testid="discovery-row">
                  <td>
                    <strong>{d.name ?? d.xaddr}</strong>
                    <div className="small muted">{[d.manufacturer, d.model, d.firmware, d.serial].filter(Boolean).join(' · ')}</div>
                    <div className="small muted">{d.xaddr}{d.location ? ` · ${d.location}` : ''}</div>
                    {d.error && <div className="field__error">{d.error}</div>}
                  </td>
                  <td className="small">{d.profiles.map((p) => <div key={p.token}>{p.name}: {p.width}×{p.height} {p.encoding} <code>{p.streamUri}</code></div>)}</td>
                  <td>
                    {withUri[0] && (
                      <button type="button" className="button--small" data-testid="discovery-add" onClick={() => void add(d, withUri[0]!.streamUri!, withUri[1]?.streamUri ?? null)}>
                        + {t('discovery.use')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
