// Full-screen verdict in large type and colour: green pass, amber officer, red deny.
import type { ScanResult } from '../../api/checkpoints';
import { type MessageKey, useLang, useT } from '../../i18n/i18n';

export function VerdictScreen({ result, onDismiss }: { result: ScanResult; onDismiss: () => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <div className={`verdict verdict--${result.verdict}`} data-testid="verdict" data-verdict={result.verdict} onClick={onDismiss} role="alert">
      <div className="verdict__word">{t(`station.${result.verdict}` as MessageKey)}</div>
      {result.person && (
        <div className="verdict__person" data-testid="verdict-person">
          {result.person.name} · {result.person.idMasked}
          {result.person.dateOfBirth ? ` · ${result.person.dateOfBirth}` : ''}
        </div>
      )}
      <ul className="verdict__reasons" data-testid="verdict-reasons">
        {result.reasons.map((r) => (
          <li key={r.code} data-code={r.code}>{lang === 'vi' ? r.message : r.messageEn}</li>
        ))}
      </ul>
      <div className="verdict__meta">
        {result.offline && <span>{t('station.offlineVerdict')} · </span>}
        {t('station.latency', { ms: Math.round(result.latencyMs) })} · {t('station.dismiss')}
      </div>
    </div>
  );
}
