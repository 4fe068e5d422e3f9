import { useEffect, useState, type FormEvent } from 'react';
import { usersApi } from '../api/endpoints';
import { ROLES, type Role } from '../api/types';
import { ErrorAlert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { UnitSelect } from '../components/ui/unit-select';
import { useSubmit } from '../hooks/use-submit';
import type { UnitNode } from '../hooks/use-units';
import { useT } from '../i18n/i18n';

/** Create a user: username, display name, password, role, unit. */
export function UserCreateForm({ units, onCreated }: { units: UnitNode[]; onCreated: () => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [unitId, setUnitId] = useState('');
  const { busy, errors, error, run } = useSubmit();

  // Every user belongs to a unit (the server requires one): preselect the top of the tree.
  useEffect(() => {
    if (!unitId && units.length) setUnitId(units[0]!.unit.id);
  }, [unitId, units]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() => usersApi.create({ username: username.trim(), displayName: displayName.trim(), password, role, unitId: unitId || null }));
    if (!ok) return;
    setUsername('');
    setDisplayName('');
    setPassword('');
    onCreated();
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="user-form">
      <h2>{t('users.create')}</h2>
      <ErrorAlert error={error} />
      <Field label={t('users.username')} name="username" error={errors.username}>
        <input autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="user-username" />
      </Field>
      <Field label={t('users.displayName')} name="displayName" error={errors.displayName}>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="user-displayName" />
      </Field>
      <Field label={t('users.password')} name="password" error={errors.password}>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-password" />
      </Field>
      <Field label={t('users.role')} name="role" error={errors.role}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>{t(`role.${r}`)}</option>
          ))}
        </select>
      </Field>
      <Field label={t('users.unit')} name="unitId" error={errors.unitId}>
        <UnitSelect nodes={units} value={unitId} onChange={setUnitId} testId="user-unit" />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={busy} data-testid="user-submit">
          {t('common.create')}
        </button>
      </div>
    </form>
  );
}
