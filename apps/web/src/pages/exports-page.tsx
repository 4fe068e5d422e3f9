// `#/exports`: evidence exports with their hash, requester, download and chain-of-custody sheet.
import { useState } from 'react';
import { exportsApi, withToken, type EvidenceExport } from '../api/video';
import { ErrorAlert } from '../components/ui/alert';
import { Pager } from '../components/ui/pager';
import { fmtDateTime, fmtTime } from '../components/video/vn-time';
import { useAsync } from '../hooks/use-async';
import { useT } from '../i18n/i18n';

const PAGE_SIZE = 50;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function ExportsPage() {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>();
  const list = useAsync((signal) => exportsApi.list({ limit: PAGE_SIZE, offset }, signal), [offset]);

  // The file needs the bearer token: fetch it as a blob, then hand it to the browser.
  async function download(e: EvidenceExport) {
    setError(undefined);
    try {
      const blob = await exportsApi.file(e);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${e.cameraName}-${e.from.slice(0, 19).replace(/[:T]/g, '-')}.${e.kind === 'still' ? 'jpg' : 'mp4'}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <section className="page" data-testid="exports-page">
      <div className="page__head">
        <h1>{t('video.export.list')}</h1>
        <div className="page__tools">
          <a className="button" href="#/playback">{t('nav.playback')}</a>
        </div>
      </div>
      <ErrorAlert error={list.error} />
      <ErrorAlert error={error} testId="export-download-error" />
      {list.data && !items.length && <div className="empty">{t('video.export.empty')}</div>}
      {items.length > 0 && (
        <table className="table" data-testid="exports-table">
          <thead>
            <tr>
              <th>{t('video.export.created')}</th>
              <th>{t('video.export.camera')}</th>
              <th>{t('video.export.kind')}</th>
              <th>{t('video.export.span')}</th>
              <th>{t('video.export.reason')}</th>
              <th>{t('video.export.requester')}</th>
              <th>{t('video.export.hash')}</th>
              <th>{t('video.export.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-testid="export-row" data-sha256={e.sha256}>
                <td className="nowrap">{fmtDateTime(e.createdAt)}</td>
                <td>
                  <a href={`#/playback/${encodeURIComponent(e.cameraId)}`}>{e.cameraName}</a>
                </td>
                <td>{e.kind === 'still' ? t('video.export.still') : t('video.export.clip')}</td>
                <td className="nowrap">
                  {fmtTime(e.from)}
                  {e.kind === 'clip' && ` – ${fmtTime(e.to)}`}
                  {e.gaps.length > 0 && <div className="small muted">{t('video.export.gaps', { n: e.gaps.length })}</div>}
                </td>
                <td className="details" title={e.reason}>{e.reason}</td>
                <td>{e.requestedBy}</td>
                <td>
                  <code className="hash" data-testid="export-hash">{e.sha256}</code>
                </td>
                <td className="nowrap">{size(e.bytes)}</td>
                <td className="col-actions">
                  <button type="button" className="button--small" onClick={() => void download(e)} data-testid="export-download">
                    {t('video.export.download')}
                  </button>
                  <a className="button button--small" href={withToken(e.custodyUrl)} target="_blank" rel="noreferrer" data-testid="export-custody">
                    {t('video.export.custody')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && <Pager offset={offset} limit={PAGE_SIZE} total={list.data!.total} onChange={setOffset} />}
    </section>
  );
}
