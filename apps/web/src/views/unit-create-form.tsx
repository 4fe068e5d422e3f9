import { useState, type FormEvent } from 'react';
import { unitsApi } from '../api/endpoints';
import { UNIT_LEVELS, type UnitLevel } from '../api/types';
import { ErrorAlert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { UnitSelect } from '../components/ui/unit-select';
import { useSubmit } from '../hooks/use-submit';
import type { UnitNode } from '../hooks/use-units';
import { useT } from '../i18n/i18n';

/** Create one unit (code, name, level, parent). */
export function UnitCreateForm({ nodes, onCreated }: { nodes: UnitNode[]; onCreated: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<UnitLevel>('commune');
  const [parentId, setParentId] = useState('');
  const { busy, errors, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() => unitsApi.create({ code: code.trim(), name: name.trim(), level, parentId: parentId || null }));
    if (!ok) return;
    setCode('');
    setName('');
    onCreated();
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="unit-form">
      <h2>{t('units.create')}</h2>
      <ErrorAlert error={error} />
      <Field label={t('units.code')} name="code" error={errors.code}>
        <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="unit-code" />
      </Field>
      <Field label={t('units.name')} name="name" error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="unit-name" />
      </Field>
      <Field label={t('units.level')} name="level" error={errors.level}>
        <select value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)} data-testid="unit-level">
          {UNIT_LEVELS.map((l) => (
            <option key={l} value={l}>{t(`level.${l}`)}</option>
          ))}
        </select>
      </Field>
      <Field label={t('units.parent')} name="parentId" error={errors.parentId}>
        <UnitSelect nodes={nodes} value={parentId} onChange={setParentId} emptyLabel={t('common.none')} testId="unit-parent" />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={busy} data-testid="unit-submit">
          {t('common.create')}
        </button>
      </div>
    </form>
  );
}
