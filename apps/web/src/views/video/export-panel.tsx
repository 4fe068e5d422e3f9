// Evidence export from playback: mark in / mark out (or the current time ± N s), a required
// reason, clip or still; shows the resulting hash and the chain-of-custody sheet.
import { useState, type FormEvent } from 'react';
import { exportsApi, withToken, type EvidenceExport, type ExportKind } from '../../api/video';
import { Alert, ErrorAlert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { fmtTime, vnDay, vnDayStart } from '../../components/video/vn-time';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/i18n';

interface ExportPanelProps {
  cameras: { id: string; name: string }[];
  pos: number;
  markIn?: number;
  markOut?: number;
  onMarks: (markIn: number | undefined, markOut: number | undefined) => void;
}

/** 'HH:MM:SS' in Vietnam time on the day of `ref` -> epoch ms. */
function parseVnTime(value: string, ref: number): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  return vnDayStart(vnDay(ref)) + (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** The fields this form shows; the server's other refusals go above it. */
const FIELDS = ['reason', 'from', 'to'] as const;

export function ExportPanel({ cameras, pos, markIn, markOut, onMarks }: ExportPanelProps) {
  const t = useT();
  const [cameraId, setCameraId] = useState(cameras[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<ExportKind>('clip');
  const [around, setAround] = useState(10);
  const { busy, errors, error, setErrors, run } = useSubmit(FIELDS);
  const [done, setDone] = useState<EvidenceExport>();
  const camId = cameras.some((c) => c.id === cameraId) ? cameraId : cameras[0]?.id ?? '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    // Without marks: the last N seconds up to the play head (a still is taken at the play head).
    const from = kind === 'still' ? markIn ?? pos : markIn ?? pos - around * 1000;
    const to = kind === 'still' ? from + 1000 : markOut ?? pos;
    if (reason.trim().length < 3) {
      setErrors({ reason: t('video.export.reasonRequired') });
      return;
    }
    await run(async () => setDone(await exportsApi.create({ cameraId: camId, from: new Date(from).toISOString(), to: new Date(to).toISOString(), reason: reason.trim(), kind })));
  }

  const timeValue = (x: number | undefined) => (x === undefined ? '' : fmtTime(x));
  return (
    <form className="card form" onSubmit={submit} data-testid="export-form" noValidate>
      <h2>{t('video.export.title')}</h2>
      <div className="pb-controls">
        <button type="button" onClick={() => onMarks(pos, markOut !== undefined && markOut > pos ? markOut : undefined)} data-testid="mark-in">
          [ {t('video.export.markIn')}
        </button>
        <button type="button" onClick={() => onMarks(markIn !== undefined && markIn < pos ? markIn : undefined, pos)} data-testid="mark-out">
          {t('video.export.markOut')} ]
        </button>
        <span className="muted small">{t('video.export.around')}</span>
        <input type="number" min={1} max={1800} value={around} onChange={(e) => setAround(Math.max(1, Number(e.target.value) || 1))} style={{ width: '5rem' }} data-testid="export-around" />
        <button type="button" onClick={() => onMarks(pos - around * 1000, pos + around * 1000)} data-testid="export-around-apply">
          {t('video.export.apply')}
        </button>
      </div>
      <div className="export-form">
        <Field label={t('video.export.camera')} name="cameraId" error={errors.cameraId}>
          <select value={camId} onChange={(e) => setCameraId(e.target.value)} data-testid="export-camera">
            {cameras.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </Field>
        <Field label={t('video.export.from')} name="from" error={errors.from}>
          <input type="time" step={1} value={timeValue(markIn)} onChange={(e) => onMarks(parseVnTime(e.target.value, pos), markOut)} data-testid="export-from" />
        </Field>
        <Field label={t('video.export.to')} name="to" error={errors.to}>
          <input type="time" step={1} value={timeValue(markOut)} disabled={kind === 'still'} onChange={(e) => onMarks(markIn, parseVnTime(e.target.value, pos))} data-testid="export-to" />
        </Field>
        <Field label={t('video.export.kind')} name="kind">
          <select value={kind} onChange={(e) => setKind(e.target.value as ExportKind)} data-testid="export-kind">
            <option value="clip">{t('video.export.clip')}</option>
            <option value="still">{t('video.export.still')}</option>
          </select>
        </Field>
        <Field label={t('video.export.reason')} name="reason" error={errors.reason} hint={t('video.export.reasonHint')} wide>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} data-testid="export-reason" />
        </Field>
      </div>
      <ErrorAlert error={error} testId="export-error" />
      {done && (
        <Alert kind="success" testId="export-done">
          {t('video.export.done', { sha: '' })}
          <code className="hash" data-testid="export-sha">{done.sha256}</code>{' '}
          <a href={withToken(done.custodyUrl)} target="_blank" rel="noreferrer">{t('video.export.custody')}</a> ·{' '}
          <a href="#/exports">{t('video.export.list')}</a>
        </Alert>
      )}
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={busy || !camId} data-testid="export-submit">
          {t('video.export.submit')}
        </button>
      </div>
    </form>
  );
}
