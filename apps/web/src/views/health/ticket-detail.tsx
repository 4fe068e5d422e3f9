// One repair ticket: status moves, notes, site photos, and the camera's maintenance windows.
import { useEffect, useState } from 'react';
import { NEXT_STATUS, type Ticket, maintenanceApi } from '../../api/health';
import { ErrorAlert } from '../../components/ui/alert';
import { useAsync } from '../../hooks/use-async';
import { useT } from '../../i18n/i18n';
import { ticketNoteText, vnTime } from './format';

function PhotoThumb({ ticketId, photo }: { ticketId: string; photo: Ticket['photos'][number] }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let u: string | undefined;
    let live = true;
    maintenanceApi.photoBlob(ticketId, photo.id).then(
      (b) => {
        if (!live) return;
        u = URL.createObjectURL(b);
        setUrl(u);
      },
      (err: unknown) => console.warn('photo not loaded', err),
    );
    return () => {
      live = false;
      if (u) URL.revokeObjectURL(u);
    };
  }, [ticketId, photo.id]);
  return (
    <figure data-testid="ticket-photo">
      {url && <a href={url} target="_blank" rel="noreferrer"><img src={url} alt={photo.name} /></a>}
      <figcaption className="small muted" title={photo.sha256}>{photo.name} · {photo.by} · {vnTime(photo.at)}</figcaption>
    </figure>
  );
}

export function TicketDetail({ id, canManage }: { id: string; canManage: boolean }) {
  const t = useT();
  const ticket = useAsync((signal) => maintenanceApi.ticket(id, signal), [id]);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const tk = ticket.data;
  const windows = useAsync((signal) => (tk ? maintenanceApi.windows({ cameraId: tk.cameraId }, signal) : Promise.resolve({ items: [] })), [tk?.cameraId]);
  const [win, setWin] = useState({ from: '', to: '', reason: '' });

  async function act(fn: () => Promise<unknown>) {
    setError(undefined);
    try {
      await fn();
      ticket.reload();
      windows.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  if (!tk) return <ErrorAlert error={ticket.error} />;
  return (
    <div className="ticket" data-testid="ticket-detail" data-status={tk.status}>
      <div className="card">
        <h2>{tk.cameraName} <span className="page__title-extra" data-testid="ticket-status">{t(`tickets.status.${tk.status}`)}</span></h2>
        <ErrorAlert error={error} />
        <p className="small">
          {t('tickets.assignee')}: <strong>{tk.assignee}</strong>{tk.contractor ? ` · ${tk.contractor}` : ''}<br />
          {t('tickets.created')}: {vnTime(tk.createdAt)} · {tk.createdBy}
          {tk.alertId && <><br /><a href="#/alerts">{t('tickets.alert')}</a></>}
        </p>
        <p className="small muted">{t('tickets.autoVerify', { min: tk.verifyAfterMin })}</p>
        {canManage && (
          <div className="hform">
            {NEXT_STATUS[tk.status].map((s) => (
              <button key={s} type="button" className={s === 'in_progress' && tk.status === 'fixed' ? '' : 'button--primary'} data-testid={`ticket-to-${s}`} onClick={() => void act(() => maintenanceApi.update(tk.id, { status: s, note: note || undefined }).then(() => setNote('')))}>
                {t(`tickets.to.${s as Exclude<typeof s, 'open'>}`)}
              </button>
            ))}
          </div>
        )}
        <h3>{t('tickets.history')}</h3>
        <ol className="ticket__history" data-testid="ticket-history">
          {tk.notes.map((n, i) => (
            <li key={i} className={`k-${n.kind}`}><span className="small muted">{vnTime(n.at)} · {n.by}</span><div>{ticketNoteText(t, n)}</div></li>
          ))}
        </ol>
        {canManage && tk.status !== 'verified' && (
          <form className="hform" onSubmit={(e) => { e.preventDefault(); if (note.trim()) void act(() => maintenanceApi.note(tk.id, note.trim())).then((ok) => ok && setNote('')); }}>
            <label style={{ flex: 1 }}>{t('tickets.note')}<input value={note} onChange={(e) => setNote(e.target.value)} data-testid="ticket-note" /></label>
            <button type="submit" data-testid="ticket-note-add">{t('tickets.addNote')}</button>
          </form>
        )}
      </div>
      <div className="card">
        <h3>{t('tickets.photos')}</h3>
        <div className="ticket__photos">{tk.photos.map((p) => <PhotoThumb key={p.id} ticketId={tk.id} photo={p} />)}</div>
        {canManage && (
          <form className="hform" onSubmit={(e) => { e.preventDefault(); if (file) void act(() => maintenanceApi.photo(tk.id, file)); }}>
            <label>{t('tickets.photo')}<input type="file" accept="image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="ticket-photo-input" /></label>
            <button type="submit" disabled={!file} data-testid="ticket-photo-upload">{t('tickets.upload')}</button>
          </form>
        )}
        <h3>{t('tickets.windows')}</h3>
        <ul className="small">{(windows.data?.items ?? []).map((w) => (
          <li key={w.id}>{vnTime(w.from)} – {vnTime(w.to)}: {w.reason}{canManage && <> <button type="button" className="link" onClick={() => void act(() => maintenanceApi.deleteWindow(w.id))}>{t('common.delete')}</button></>}</li>
        ))}</ul>
        {canManage && (
          <form className="hform" onSubmit={(e) => { e.preventDefault(); void act(() => maintenanceApi.addWindow({ cameraId: tk.cameraId, from: new Date(win.from).toISOString(), to: new Date(win.to).toISOString(), reason: win.reason })); }}>
            <label>{t('tickets.window.from')}<input type="datetime-local" value={win.from} onChange={(e) => setWin({ ...win, from: e.target.value })} /></label>
            <label>{t('tickets.window.to')}<input type="datetime-local" value={win.to} onChange={(e) => setWin({ ...win, to: e.target.value })} /></label>
            <label>{t('tickets.window.reason')}<input value={win.reason} onChange={(e) => setWin({ ...win, reason: e.target.value })} /></label>
            <button type="submit" disabled={!win.from || !win.to}>{t('tickets.window.add')}</button>
          </form>
        )}
      </div>
    </div>
  );
}
