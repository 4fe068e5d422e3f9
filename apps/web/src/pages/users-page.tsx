import { useState } from 'react';
import { usersApi } from '../api/endpoints';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { UserCreateForm } from '../views/user-create-form';
import { UserRow } from '../views/user-row';

export function UsersPage() {
  const t = useT();
  const me = useUser();
  const units = useUnits();
  const users = useAsync(() => usersApi.list(), []);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('users.title')}</h1>
      </div>
      {notice && <Alert kind="success" testId="users-notice">{notice}</Alert>}
      <ErrorAlert error={error ?? users.error} />
      <div className="split">
        <div className="card card--flush">
          <table className="table" data-testid="user-table">
            <thead>
              <tr>
                <th>{t('users.username')}</th>
                <th>{t('users.displayName')}</th>
                <th>{t('users.role')}</th>
                <th>{t('users.unit')}</th>
                <th>{t('users.state')}</th>
                <th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  unitName={u.unitId ? (units.byId.get(u.unitId)?.name ?? u.unitId) : '—'}
                  isSelf={u.id === me.id}
                  onChanged={(_, msg) => {
                    setError(undefined);
                    setNotice(msg);
                    users.reload();
                  }}
                  onError={(err) => {
                    setNotice(undefined);
                    setError(err);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
        <UserCreateForm
          units={units.ordered}
          onCreated={() => {
            setError(undefined);
            users.reload();
          }}
        />
      </div>
    </section>
  );
}
