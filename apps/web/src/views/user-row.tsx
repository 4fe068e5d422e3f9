import { useState } from 'react';
import { usersApi } from '../api/endpoints';
import type { User } from '../api/types';
import { useT } from '../i18n/i18n';
import { fmtDateTime } from '../components/video/vn-time';

interface Props {
  user: User;
  unitName: string;
  isSelf: boolean;
  onChanged: (u: User, notice?: string) => void;
  onError: (err: unknown) => void;
}

/** One user: state, enable/disable, and an inline "set password" editor. */
export function UserRow({ user: u, unitName, isSelf, onChanged, onError }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();

  async function patch(body: Parameters<typeof usersApi.update>[1], notice?: string) {
    setBusy(true);
    try {
      onChanged(await usersApi.update(u.id, body), notice);
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid="user-row" data-username={u.username}>
      <td className="strong">{u.username}</td>
      <td>{u.displayName}</td>
      <td>{t(`role.${u.role}`)}</td>
      <td>{unitName}</td>
      <td>
        {u.disabled ? (
          <span className="badge badge--offline">{t('users.disabled')}</span>
        ) : locked ? (
          <span className="badge badge--unknown">{t('users.locked', { until: fmtDateTime(u.lockedUntil!) })}</span>
        ) : (
          <span className="badge badge--online">{t('users.active')}</span>
        )}
      </td>
      <td className="col-actions">
        {!isSelf && (
          <button type="button" className="button--small" disabled={busy} onClick={() => void patch({ disabled: !u.disabled })} data-testid="user-toggle">
            {u.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
        {editing ? (
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await patch({ password }, t('users.passwordSet', { name: u.username }))) {
                setEditing(false);
                setPassword('');
              }
            }}
          >
            <input type="password" autoComplete="new-password" placeholder={t('users.newPassword')} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-new-password" />
            <button type="submit" className="button--small button--primary" disabled={busy || !password}>{t('common.save')}</button>
            <button type="button" className="button--small" onClick={() => setEditing(false)}>{t('common.cancel')}</button>
          </form>
        ) : (
          <button type="button" className="button--small" onClick={() => setEditing(true)} data-testid="user-set-password">
            {t('users.setPassword')}
          </button>
        )}
      </td>
    </tr>
  );
}
