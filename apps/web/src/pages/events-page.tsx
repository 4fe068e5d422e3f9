// `#/events`: analytics events in the user's scope, filtered by camera, rule kind, object class,
// plate and time, with snapshot thumbnails; new events arrive live from the server's SSE stream.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { analyticsApi, OBJECT_CLASSES, RULE_KINDS, type AnalyticsEvent, type EventFilter, type ObjectClass } from '../api/analytics';
import { getToken } from '../api/client';
import { camerasApi } from '../api/endpoints';
import { ErrorAlert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import '../styles/analytics.css';
import { fmtDateTime } from '../components/video/vn-time';

const PAGE = 100;
const LIVE_MAX = 500;

interface Form {
  cameraId: string;
  rule: string;
  class: ObjectClass | '';
  plate: string;
  from: string;
  to: string;
}

const emptyForm = (): Form => ({ cameraId: new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('cameraId') ?? '', rule: '', class: '', plate: '', from: '', to: '' });

/** datetime-local (local time) -> ISO with offset, as the server's query schema wants. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

function toFilter(f: Form): EventFilter {
  return { cameraId: f.cameraId || undefined, rule: f.rule || undefined, class: f.class || undefined, plate: f.plate.trim() || undefined, from: toIso(f.from), to: toIso(f.to), limit: PAGE };
}

/** Whether a live event belongs in the list the user filtered (same rules as the server's query). */
function matches(e: AnalyticsEvent, q: EventFilter): boolean {
  if (q.cameraId && e.cameraId !== q.cameraId) return false;
  if (q.rule && e.ruleKind !== q.rule && e.ruleId !== q.rule) return false;
  if (q.class && e.class !== q.class) return false;
  if (q.plate && !(e.plate ?? '').toUpperCase().includes(q.plate.toUpperCase())) return false;
  if (q.from && e.at < q.from) return false;
  if (q.to && e.at > q.to) return false;
  return true;
}

export function EventsPage() {
  const t = useT();
  const user = useUser();
  const canEditRules = user.role === 'admin' || user.role === 'operator';
  const [form, setForm] = useState<Form>(emptyForm);
  const [filter, setFilter] = useState<EventFilter>(() => toFilter(form));
  const [live, setLive] = useState<AnalyticsEvent[]>([]);
  const [connected, setConnected] = useState(false);
  const list = useAsync((signal) => analyticsApi.events(filter, signal), [filter]);
  const cameras = useAsync((signal) => camerasApi.listAll(signal), []);
  const names = useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c.name])), [cameras.data]);

  useEffect(() => {
    setLive([]);
    if (!getToken()) return;
    const es = new EventSource(analyticsApi.streamUrl());
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    es.addEventListener('event', (msg: MessageEvent<string>) => {
      const e = JSON.parse(msg.data) as AnalyticsEvent;
      if (matches(e, filter)) setLive((l) => [e, ...l.filter((x) => x.id !== e.id)].slice(0, LIVE_MAX));
    });
    return () => es.close();
  }, [filter]);

  const rows = useMemo(() => {
    const loaded = list.data?.items ?? [];
    const ids = new Set(live.map((e) => e.id));
    return [...live, ...loaded.filter((e) => !ids.has(e.id))];
  }, [live, list.data]);
  const total = (list.data?.total ?? 0) + live.filter((e) => !(list.data?.items ?? []).some((x) => x.id === e.id)).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(toFilter(form));
  };
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <section className="page" data-testid="events-page">
      <div className="page__head">
        <h1>{t('events.title')}</h1>
        <div className="page__tools">
          <span className={`live-dot${connected ? ' live-dot--on' : ''}`} data-testid="events-live" data-connected={connected}>{connected ? t('events.live') : t('events.liveOff')}</span>
          {canEditRules && form.cameraId && <a className="button" href={`#/rules/${encodeURIComponent(form.cameraId)}`} data-testid="events-edit-rules">{t('events.editRules')}</a>}
        </div>
      </div>
      <form className="card filters events-filters" onSubmit={submit} data-testid="events-filters">
        <Field label={t('events.camera')} name="cameraId">
          <select value={form.cameraId} onChange={(e) => set({ cameraId: e.target.value })} data-testid="events-camera">
            <option value="">{t('events.allCameras')}</option>
            {(cameras.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field label={t('events.kind')} name="rule">
          <select value={form.rule} onChange={(e) => set({ rule: e.target.value })} data-testid="events-kind">
            <option value="">{t('events.allKinds')}</option>
            {RULE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        </Field>
        <Field label={t('events.class')} name="class">
          <select value={form.class} onChange={(e) => set({ class: e.target.value as ObjectClass | '' })} data-testid="events-class">
            <option value="">{t('events.allClasses')}</option>
            {OBJECT_CLASSES.map((c) => <option key={c} value={c}>{t(`class.${c}`)}</option>)}
          </select>
        </Field>
        <Field label={t('events.plate')} name="plate">
          <input value={form.plate} onChange={(e) => set({ plate: e.target.value })} placeholder="30A-123.45" data-testid="events-plate" />
        </Field>
        <Field label={t('events.from')} name="from">
          <input type="datetime-local" value={form.from} onChange={(e) => set({ from: e.target.value })} data-testid="events-from" />
        </Field>
        <Field label={t('events.to')} name="to">
          <input type="datetime-local" value={form.to} onChange={(e) => set({ to: e.target.value })} data-testid="events-to" />
        </Field>
        <div className="filters__actions">
          <button type="submit" className="button--primary" data-testid="events-apply">{t('events.apply')}</button>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      <p className="small muted" data-testid="events-total">{t('events.total', { count: total })}</p>
      {rows.length === 0 && !list.loading && <p className="muted" data-testid="events-empty">{t('events.empty')}</p>}
      {rows.length > 0 && (
        <table className="table events-table" data-testid="events-table">
          <thead>
            <tr><th>{t('events.snapshot')}</th><th>{t('events.time')}</th><th>{t('events.camera')}</th><th>{t('events.rule')}</th><th>{t('events.class')}</th><th>{t('events.plate')}</th><th>{t('events.details')}</th><th>{t('events.case')}</th></tr>
          </thead>
          <tbody>{rows.map((e) => <EventRow key={e.id} e={e} cameraName={names.get(e.cameraId) ?? e.cameraId} />)}</tbody>
        </table>
      )}
    </section>
  );
}

function EventRow({ e, cameraName }: { e: AnalyticsEvent; cameraName: string }) {
  const t = useT();
  const facts = Object.entries(e.details)
    .filter(([k, v]) => v !== null && typeof v !== 'object' && !k.startsWith('plate'))
    .map(([k, v]) => detailText(t, k, v as string | number | boolean));
  const plate = typeof e.details.plateDisplay === 'string' ? e.details.plateDisplay : e.plate;
  if (e.speedKmh !== null) facts.unshift(t('events.speed', { speed: e.speedKmh }));
  return (
    <tr data-testid="event-row" data-event-id={e.id} data-kind={e.ruleKind}>
      <td>
        {e.snapshotUrl && (
          <a href={analyticsApi.snapshotUrl(e.id)} target="_blank" rel="noreferrer">
            <img className="event-thumb" src={analyticsApi.snapshotUrl(e.id)} alt={e.ruleName} loading="lazy" data-testid="event-thumb" />
          </a>
        )}
      </td>
      <td>{fmtDateTime(e.at)}</td>
      <td><a href={`#/cameras/${encodeURIComponent(e.cameraId)}`}>{cameraName}</a></td>
      <td>{e.ruleName}<div className="small muted">{t(`kind.${e.ruleKind}`)}</div></td>
      <td>{t(`class.${e.class}`)} <span className="small muted">#{e.trackId}</span></td>
      <td data-testid="event-plate">{plate ?? '—'}</td>
      <td className="small" data-testid="event-details">{facts.join(' · ')}</td>
      <td>{e.caseId ? <a href={`#/cases/${encodeURIComponent(e.caseId)}`} data-testid="event-case">{t('nav.cases')}</a> : '—'}</td>
    </tr>
  );
}

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** One fact of an event in the reader's language; a key this page does not know shows as key: value. */
function detailText(t: ReturnType<typeof useT>, key: string, v: string | number | boolean): string {
  const n = typeof v === 'number' ? nf.format(v) : String(v);
  switch (key) {
    case 'direction':
      return v === 'forward' || v === 'backward' ? t(`events.detail.direction.${v}`) : `${key}: ${n}`;
    case 'phase':
      return v === 'red' || v === 'amber' || v === 'green' || v === 'unknown' ? t(`events.detail.phase.${v}`) : `${key}: ${n}`;
    case 'seconds':
      return t('events.detail.seconds', { n });
    case 'frames':
      return t('events.detail.frames', { n });
    case 'redForSeconds':
      return t('events.detail.redFor', { n });
    case 'count':
      return t('events.detail.count', { n });
    default:
      return `${key}: ${n}`;
  }
}
