import { useState } from 'react';
import { ApiError } from '../api/client';
import { type VehicleType, casesApi } from '../api/cases';
import { ErrorAlert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { UnitSelect } from '../components/ui/unit-select';
import { useAsync } from '../hooks/use-async';
import { navigate } from '../hooks/use-hash-route';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import '../styles/cases.css';

/** An operator records a violation seen in live or recorded video; a reviewer verifies it later. */
export function CaseIntakePage() {
  const t = useT();
  const units = useUnits();
  const catalogue = useAsync(() => casesApi.catalogue(new Date().toISOString().slice(0, 10)), []);
  const [f, setF] = useState({ unitId: '', place: '', occurredAt: '', typeCode: '', vehicleType: 'motorbike' as VehicleType, plate: '', colour: 'white', subjectVi: '', evidenceRef: '' });
  const [error, setError] = useState<unknown>();
  const errors = error instanceof ApiError ? error.fieldErrors() : {};
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const v = await casesApi.intake({
        unitId: f.unitId || units.ordered[0]?.unit.id, place: f.place, typeCode: f.typeCode, source: 'operator',
        occurredAt: f.occurredAt ? new Date(`${f.occurredAt}:00+07:00`).toISOString() : new Date().toISOString(),
        plate: f.vehicleType === 'none' ? undefined : { text: f.plate, vehicleType: f.vehicleType, colour: f.colour },
        subjectVi: f.subjectVi || undefined, evidence: f.evidenceRef ? [{ kind: 'reference', ref: f.evidenceRef }] : [],
      });
      navigate(`/cases/${v.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page page--form">
      <div className="page__head"><h1>{t('cases.new')}</h1><a href="#/cases" className="button">{t('common.back')}</a></div>
      <ErrorAlert error={error} />
      <form className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="intake-form">
        <Field label={t('cases.unit')} name="unitId" error={errors.unitId}>
          <UnitSelect nodes={units.ordered} value={f.unitId || units.ordered[0]?.unit.id || ''} onChange={(unitId) => setF({ ...f, unitId })} testId="intake-unit" />
        </Field>
        <Field label={t('cases.col.place')} name="place" error={errors.place}><input value={f.place} onChange={set('place')} data-testid="intake-place" /></Field>
        <Field label={t('cases.occurredAt')} name="occurredAt" error={errors.occurredAt}><input type="datetime-local" value={f.occurredAt} onChange={set('occurredAt')} data-testid="intake-time" /></Field>
        <Field label={t('cases.col.violation')} name="typeCode" error={errors.typeCode} wide>
          <select value={f.typeCode} onChange={set('typeCode')} data-testid="intake-type">
            <option value="">—</option>
            {(catalogue.data ?? []).map((r) => <option key={r.code} value={r.code}>{r.code} · {r.titleVi}</option>)}
          </select>
        </Field>
        <Field label={t('cases.vehicleType')} name="plate.vehicleType" error={errors['plate.vehicleType']}>
          <select value={f.vehicleType} onChange={set('vehicleType')} data-testid="intake-vehicle">
            {(['motorbike', 'car', 'ebike', 'none'] as const).map((v) => <option key={v} value={v}>{t(`vehicle.${v}`)}</option>)}
          </select>
        </Field>
        <Field label={t('cases.col.plate')} name="plate.text" error={errors['plate.text'] ?? errors.plate}><input value={f.plate} onChange={set('plate')} data-testid="intake-plate" placeholder="29B1-123.45" /></Field>
        <Field label={t('cases.plateColour')} name="plate.colour">
          <select value={f.colour} onChange={set('colour')}>{(['white', 'yellow', 'blue', 'red'] as const).map((c) => <option key={c} value={c}>{t(`colour.${c}`)}</option>)}</select>
        </Field>
        <Field label={t('cases.subject')} name="subjectVi" error={errors.subjectVi}><input value={f.subjectVi} onChange={set('subjectVi')} /></Field>
        <Field label={t('cases.evidence')} name="evidence" hint="export://…, event://…"><input value={f.evidenceRef} onChange={set('evidenceRef')} /></Field>
        <div className="form-actions"><button type="submit" className="button--primary" data-testid="intake-submit">{t('common.save')}</button></div>
      </form>
    </section>
  );
}
