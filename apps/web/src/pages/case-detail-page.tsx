import { useEffect, useState } from 'react';
import { type ActionBody, type ViolationAction, type ViolationDetail, type ViolationStatus, casesApi, saveBlob } from '../api/cases';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import { deadlineText, money, vnTime } from '../views/cases/format';
import '../styles/cases.css';

/** Mirrors the server's workflow table to offer only the buttons that can work. */
const NEXT: Record<ViolationStatus, ViolationAction[]> = {
  detected: ['verify', 'reject'], verified: ['identify_owner', 'close'], rejected: ['close'], owner_identified: ['issue_notice', 'close'],
  notice_issued: ['resolve', 'escalate'], escalated: ['resolve', 'close'], resolved: ['close'], closed: [],
};

export function CaseDetailPage({ id }: { id: string }) {
  const t = useT();
  const user = useUser();
  const [tick, setTick] = useState(0);
  const c = useAsync(() => casesApi.get(id), [id, tick]);
  const [error, setError] = useState<unknown>();
  const [check, setCheck] = useState<boolean>();
  const v = c.data;
  const canAct = user.role === 'admin' || user.role === 'officer';

  async function act(body: ActionBody) {
    setError(undefined);
    try {
      await casesApi.act(id, body);
      setTick((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  }
  async function run(fn: () => Promise<void>) {
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err);
    }
  }

  if (!v) return <section className="page"><ErrorAlert error={c.error} />{c.loading && <p className="muted">{t('common.loading')}</p>}</section>;
  return (
    <section className="page" data-testid="case-detail" data-status={v.status}>
      <div className="page__head">
        <h1>
          {v.plateDisplay ? <span className={`plate plate--${v.plateColour}`}>{v.plateDisplay}</span> : v.subjectVi}
          <span className="page__title-extra" data-testid="case-status">{t(`cases.status.${v.status}`)}</span>
        </h1>
        <a href="#/cases" className="button">{t('common.back')}</a>
      </div>
      <ErrorAlert error={error} />
      {v.deadline && <Alert kind={v.deadline.state === 'ok' ? 'info' : 'error'} testId="case-deadline">{deadlineText(t, v.deadline)}</Alert>}
      <div className="case-grid">
        <div className="card">
          <dl className="kv">
            <dt>{t('cases.col.violation')}</dt><dd>{v.rule.titleVi}</dd>
            <dt>{t('cases.rule')}</dt><dd>{v.rule.legalBasisVi} ({v.rule.code})</dd>
            <dt>{t('cases.fine')}</dt><dd>{money(v.rule.fineMin)} – {money(v.rule.fineMax)} đ{v.rule.additionalVi.length ? `; ${v.rule.additionalVi.join('; ')}` : ''}</dd>
            <dt>{t('cases.occurredAt')}</dt><dd>{vnTime(v.occurredAt)}</dd>
            <dt>{t('cases.col.place')}</dt><dd>{v.place}</dd>
            <dt>{t('cases.vehicleType')}</dt><dd>{t(`vehicle.${v.vehicleType}`)}{v.plateColour ? ` · ${t('cases.plateColour')}: ${t(`colour.${v.plateColour as 'white'}`)}` : ''}</dd>
            <dt>{t('cases.unit')}</dt><dd>{v.unitName}</dd>
            {v.owner && <><dt>{t('cases.owner')}</dt><dd data-testid="case-owner">{v.owner.name}, {v.owner.address}</dd></>}
            {v.noticeNo && <><dt>{t('cases.notice')}</dt><dd data-testid="case-notice">{v.noticeNo} · {v.appearPlace} · {vnTime(v.appearAt)}{v.routedToUnitId ? ` · ${t('cases.routed')}` : ''}</dd></>}
            {v.decisionNo && <><dt>{t('cases.decisionNo')}</dt><dd data-testid="case-decision">{v.decisionNo} · {money(v.fineAmount ?? 0)} đ · {v.paid ? t('cases.paid') : ''}</dd></>}
            {v.rejectReason && <><dt>{t('cases.reason')}</dt><dd>{v.rejectReason}</dd></>}
          </dl>
          <h2>{t('cases.evidence')}</h2>
          <EvidenceList v={v} />
          <div className="row">
            <button type="button" className="button" data-testid="evidence-check" onClick={() => void run(async () => setCheck((await casesApi.checkEvidence(id)).ok))}>{t('cases.evidenceCheck')}</button>
            <label className="button">{t('cases.evidenceUpload')}
              <input type="file" hidden accept="image/*,video/*" data-testid="evidence-upload" onChange={(e) => { const f = e.target.files?.[0]; if (f) void run(async () => { await casesApi.uploadEvidence(id, f, 'frame'); setTick((n) => n + 1); }); }} />
            </label>
          </div>
          {check !== undefined && <Alert kind={check ? 'success' : 'error'} testId="evidence-result">{t(check ? 'cases.evidenceOk' : 'cases.evidenceBad')}</Alert>}
          <h2>{t('cases.history')}</h2>
          <ol className="history" data-testid="case-history">
            {v.history.map((h, i) => <li key={i}>{vnTime(h.at)} · {h.actorName} · {h.action} → {t(`cases.status.${h.toStatus as ViolationStatus}`)}{h.note ? ` · ${h.note}` : ''}</li>)}
          </ol>
        </div>
        <div className="card actions-panel">
          {v.noticeNo && <button type="button" className="button" data-testid="notice-pdf" onClick={() => void run(async () => saveBlob(await casesApi.noticePdf(id), `${v.noticeNo}.pdf`, true))}>{t('cases.noticePdf')}</button>}
          {canAct && <ActionForm status={v.status} onAct={(b) => void act(b)} />}
        </div>
      </div>
    </section>
  );
}

function EvidenceList({ v }: { v: ViolationDetail }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void (async () => {
      for (const e of v.evidence.filter((x) => x.mime?.startsWith('image/'))) {
        const url = URL.createObjectURL(await casesApi.evidenceBlob(v.id, e.id));
        made.push(url);
        if (live) setUrls((u) => ({ ...u, [e.id]: url }));
      }
    })();
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [v.id, v.evidence]);
  return (
    <div className="evidence-list" data-testid="evidence-list">
      {v.evidence.map((e) => (
        <figure key={e.id}>
          {urls[e.id] ? <img src={urls[e.id]} alt={e.kind} /> : null}
          <figcaption>{e.kind} · {e.fileName ?? e.ref} · SHA-256 {e.sha256?.slice(0, 16) ?? '—'}…</figcaption>
        </figure>
      ))}
    </div>
  );
}

function ActionForm({ status, onAct }: { status: ViolationStatus; onAct: (b: ActionBody) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [decisionNo, setDecisionNo] = useState('');
  const [amount, setAmount] = useState('');
  const [paid, setPaid] = useState(true);
  const actions = NEXT[status];
  if (!actions.length) return null;
  return (
    <>
      <label className="field">{t('cases.reason')}<input value={reason} data-testid="action-reason" onChange={(e) => setReason(e.target.value)} /></label>
      {actions.includes('resolve') && (
        <>
          <label className="field">{t('cases.decisionNo')}<input value={decisionNo} data-testid="action-decision" onChange={(e) => setDecisionNo(e.target.value)} /></label>
          <label className="field">{t('cases.amount')}<input value={amount} inputMode="numeric" data-testid="action-amount" onChange={(e) => setAmount(e.target.value)} /></label>
          <label><input type="checkbox" checked={paid} onChange={(e) => setPaid(e.target.checked)} /> {t('cases.paid')}</label>
        </>
      )}
      <div className="row">
        {actions.map((a) => (
          <button key={a} type="button" className={a === 'reject' || a === 'close' ? 'button' : 'button--primary'} data-testid={`action-${a}`}
            onClick={() => onAct({ action: a, reason: reason || undefined, ...(a === 'resolve' && { decisionNo, amount: Number(amount.replace(/\D/g, '')), paid }) })}>
            {t(`cases.action.${a}`)}
          </button>
        ))}
      </div>
    </>
  );
}
