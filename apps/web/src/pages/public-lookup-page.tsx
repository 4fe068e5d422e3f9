import { useState } from 'react';
import { ApiError } from '../api/client';
import { type PublicViolation, publicApi } from '../api/cases';
import { Alert } from '../components/ui/alert';
import { useLang, useT } from '../i18n/i18n';
import { vnTime } from '../views/cases/format';
import '../styles/cases.css';

/** The public look-up (no login): by plate and vehicle type, never the owner's data. */
export function PublicLookupPage() {
  const t = useT();
  const { lang, setLang } = useLang();
  const [plate, setPlate] = useState('');
  const [vehicleType, setVehicleType] = useState('motorbike');
  const [challenge, setChallenge] = useState<{ challenge: string; question: string }>();
  const [answer, setAnswer] = useState('');
  const [items, setItems] = useState<PublicViolation[]>();
  const [error, setError] = useState<string>();

  async function search(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const res = await publicApi.lookup({ plate, vehicleType, ...(challenge && { challenge: challenge.challenge, answer }) });
      setItems(res.items);
      setChallenge(undefined);
      setAnswer('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 428) {
        setChallenge(await publicApi.challenge());
        setAnswer('');
      } else if (err instanceof ApiError && err.status === 429) setError(t('lookup.limited'));
      else setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div className="public-shell" data-testid="public-lookup">
      <div className="page__head">
        <h1>{t('lookup.title')}</h1>
        <div className="page__tools">
          <button type="button" className="button--small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>{lang === 'vi' ? 'EN' : 'VI'}</button>
          <a href="#/login" className="button--small button">{t('lookup.login')}</a>
        </div>
      </div>
      <form className="card form-row" onSubmit={(e) => void search(e)}>
        <label>{t('lookup.plate')}<input value={plate} onChange={(e) => setPlate(e.target.value)} placeholder="29B1-123.45" data-testid="lookup-plate" required /></label>
        <label>{t('cases.vehicleType')}
          <select value={vehicleType} onChange={(e) => setVehicleType(e.target.value)} data-testid="lookup-vehicle">
            {(['motorbike', 'car', 'ebike'] as const).map((v) => <option key={v} value={v}>{t(`vehicle.${v}`)}</option>)}
          </select>
        </label>
        {challenge && <label>{t('lookup.challenge', { question: challenge.question })}<input value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="lookup-answer" /></label>}
        <button type="submit" className="button--primary" data-testid="lookup-submit">{t('lookup.submit')}</button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      {items && items.length === 0 && <Alert kind="info" testId="lookup-none">{t('lookup.none')}</Alert>}
      {items?.map((v, i) => (
        <div className="card" key={i} data-testid="lookup-result">
          <dl className="kv">
            <dt>{t('lookup.plate')}</dt><dd><span className={`plate plate--${v.plateColour}`}>{v.plate}</span> · {t(`colour.${v.plateColour as 'white'}`)} · {t(`vehicle.${v.vehicleType as 'car'}`)}</dd>
            <dt>{t('cases.occurredAt')}</dt><dd>{vnTime(v.occurredAt)}</dd>
            <dt>{t('cases.col.place')}</dt><dd>{v.place}</dd>
            <dt>{t('cases.col.violation')}</dt><dd>{v.violation}</dd>
            <dt>{t('cases.col.status')}</dt><dd><strong data-testid="lookup-status">{v.statusVi}</strong></dd>
            <dt>{t('lookup.detecting')}</dt><dd>{v.detectingUnit}</dd>
            <dt>{t('lookup.resolving')}</dt><dd>{v.resolvingUnit.name}, {v.resolvingUnit.address} · ĐT {v.resolvingUnit.phone}</dd>
          </dl>
        </div>
      ))}
    </div>
  );
}
