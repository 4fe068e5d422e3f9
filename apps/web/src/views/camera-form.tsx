import { OWNERSHIPS, PLACE_TYPES, PURPOSES, type Ownership, type PlaceType, type Purpose } from '../api/types';
import { Field } from '../components/ui/field';
import { UnitSelect } from '../components/ui/unit-select';
import type { UnitNode } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import type { CameraFormState } from './camera-form-state';

interface Props {
  value: CameraFormState;
  onChange: (patch: Partial<CameraFormState>) => void;
  errors: Record<string, string>;
  units: UnitNode[];
  /** Editing a camera that already stores credentials: password placeholder says "unchanged". */
  hasCredentials: boolean;
  readOnly: boolean;
}

/** The camera form's controls; each shows the server's error for its field beside it. */
export function CameraFormFields({ value: f, onChange, errors, units, hasCredentials, readOnly }: Props) {
  const t = useT();
  const unchanged = hasCredentials ? t('camera.passwordUnchanged') : '';
  const togglePurpose = (p: Purpose, on: boolean) =>
    onChange({ purposes: on ? [...f.purposes.filter((x) => x !== p), p] : f.purposes.filter((x) => x !== p) });

  return (
    <fieldset disabled={readOnly} className="form-grid">
      <Field label={t('camera.name')} name="name" error={errors.name}>
        <input name="name" value={f.name} onChange={(e) => onChange({ name: e.target.value })} data-testid="camera-name-input" />
      </Field>
      <Field label={t('camera.unit')} name="unitId" error={errors.unitId}>
        <UnitSelect nodes={units} value={f.unitId} onChange={(unitId) => onChange({ unitId })} emptyLabel="—" testId="camera-unit" />
      </Field>

      <h2 className="form-section">{t('camera.sectionStream')}</h2>
      <Field label={t('camera.mainUrl')} name="mainUrl" error={errors.mainUrl} wide>
        <input name="mainUrl" value={f.mainUrl} placeholder="rtsp://192.0.2.10:554/stream1" onChange={(e) => onChange({ mainUrl: e.target.value })} data-testid="camera-mainUrl" />
      </Field>
      <Field label={t('camera.subUrl')} name="subUrl" error={errors.subUrl} wide>
        <input name="subUrl" value={f.subUrl} placeholder="rtsp://192.0.2.10:554/stream2" onChange={(e) => onChange({ subUrl: e.target.value })} data-testid="camera-subUrl" />
      </Field>
      <Field label={t('camera.username')} name="username" error={errors.username}>
        <input name="username" autoComplete="off" value={f.username} placeholder={unchanged} onChange={(e) => onChange({ username: e.target.value })} data-testid="camera-username" />
      </Field>
      <Field label={t('camera.password')} name="password" error={errors.password} hint={t('camera.credentialsHint')}>
        <input name="password" type="password" autoComplete="new-password" value={f.password} placeholder={unchanged} onChange={(e) => onChange({ password: e.target.value })} data-testid="camera-password" />
      </Field>

      <h2 className="form-section">{t('camera.sectionLocation')}</h2>
      <Field label={t('camera.lat')} name="location.lat" error={errors['location.lat']}>
        <input name="lat" inputMode="decimal" value={f.lat} placeholder="21.0285" onChange={(e) => onChange({ lat: e.target.value })} data-testid="camera-lat" />
      </Field>
      <Field label={t('camera.lng')} name="location.lng" error={errors['location.lng']}>
        <input name="lng" inputMode="decimal" value={f.lng} placeholder="105.8542" onChange={(e) => onChange({ lng: e.target.value })} data-testid="camera-lng" />
      </Field>
      <Field label={t('camera.address')} name="location.address" error={errors['location.address']} wide>
        <input name="address" value={f.address} onChange={(e) => onChange({ address: e.target.value })} data-testid="camera-address" />
      </Field>
      <Field label={t('camera.placeType')} name="location.placeType" error={errors['location.placeType']}>
        <select value={f.placeType} onChange={(e) => onChange({ placeType: e.target.value as PlaceType })} data-testid="camera-placeType">
          {PLACE_TYPES.map((p) => (
            <option key={p} value={p}>{t(`place.${p}`)}</option>
          ))}
        </select>
      </Field>

      <h2 className="form-section">{t('camera.sectionOther')}</h2>
      <Field label={t('camera.purposes')} name="purposes" error={errors.purposes} group>
        <div className="checks" data-testid="camera-purposes">
          {PURPOSES.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={f.purposes.includes(p)} onChange={(e) => togglePurpose(p, e.target.checked)} data-testid={`camera-purpose-${p}`} />
              {t(`purpose.${p}`)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('camera.ownership')} name="ownership" error={errors.ownership}>
        <select value={f.ownership} onChange={(e) => onChange({ ownership: e.target.value as Ownership })} data-testid="camera-ownership">
          {OWNERSHIPS.map((o) => (
            <option key={o} value={o}>{t(`ownership.${o}`)}</option>
          ))}
        </select>
      </Field>
      <Field label={t('camera.recorderName')} name="recorder.name" error={errors['recorder.name'] ?? errors.recorder}>
        <input value={f.recorderName} placeholder="NVR-01" onChange={(e) => onChange({ recorderName: e.target.value })} data-testid="camera-recorderName" />
      </Field>
      <Field label={t('camera.recorderChannel')} name="recorder.channel" error={errors['recorder.channel']}>
        <input inputMode="numeric" value={f.recorderChannel} onChange={(e) => onChange({ recorderChannel: e.target.value })} data-testid="camera-recorderChannel" />
      </Field>
      <Field label={t('camera.tags')} name="tags" error={errors.tags} wide>
        <input value={f.tags} onChange={(e) => onChange({ tags: e.target.value })} data-testid="camera-tags" />
      </Field>
      <Field label={t('camera.enabled')} name="enabled" error={errors.enabled} group>
        <label className="check">
          <input type="checkbox" checked={f.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} data-testid="camera-enabled" />
          {f.enabled ? t('common.yes') : t('common.no')}
        </label>
      </Field>
    </fieldset>
  );
}
