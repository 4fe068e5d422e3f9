// `#/rules/<cameraId>`: the camera's analytics rules drawn on its snapshot (zones, lines with the
// counted direction, lane directions, signal regions, ignored regions), their parameters, and
// saving them with the server's field errors shown beside the rule they belong to.
import { useEffect, useState } from 'react';
import { analyticsApi, type CameraRules, type Pt, type Rule } from '../api/analytics';
import { ApiError } from '../api/client';
import { camerasApi } from '../api/endpoints';
import type { Camera } from '../api/types';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { useT } from '../i18n/i18n';
import { RuleCanvas, type DragTarget } from '../views/analytics/rule-canvas';
import { cleanRule, getShape, newRuleId, ruleOfKind, SHAPE_TYPE, setShape, shapeField, shapesOf, type ShapeKey, type ShapeType } from '../views/analytics/rule-model';
import { RuleParams } from '../views/analytics/rule-params';
import '../styles/analytics.css';

type DrawTarget = { rule: number; key: ShapeKey } | { mask: 'new' };
interface Drawing {
  target: DrawTarget;
  type: ShapeType;
  points: Pt[];
}

const DRAW_LABEL = { polygon: 'rules.draw.polygon', line: 'rules.draw.line', stopLine: 'rules.draw.stopLine', direction: 'rules.draw.direction', signal: 'rules.draw.signal' } as const;

export function RulesPage({ cameraId }: { cameraId: string }) {
  const t = useT();
  const [camera, setCamera] = useState<Camera>();
  const [config, setConfig] = useState<CameraRules>();
  const [loadError, setLoadError] = useState<unknown>();
  const [selected, setSelected] = useState<number | null>(null);
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [noImage, setNoImage] = useState(false);
  const [imageUrl] = useState(() => analyticsApi.cameraSnapshotUrl(cameraId));

  useEffect(() => {
    const ctrl = new AbortController();
    Promise.all([camerasApi.get(cameraId), analyticsApi.rules(cameraId, ctrl.signal)]).then(
      ([cam, rules]) => {
        setCamera(cam);
        setConfig(rules);
        setSelected(rules.rules.length ? 0 : null);
      },
      (err: unknown) => !ctrl.signal.aborted && setLoadError(err),
    );
    return () => ctrl.abort();
  }, [cameraId]);

  if (loadError) return <section className="page"><ErrorAlert error={loadError} /></section>;
  if (!config) return <div className="muted">{t('common.loading')}</div>;

  const update = (fn: (c: CameraRules) => CameraRules) => {
    setSaved(false);
    setConfig((c) => (c ? fn(c) : c));
  };
  const updateRule = (i: number, rule: Rule) => update((c) => ({ ...c, rules: c.rules.map((r, j) => (j === i ? rule : r)) }));

  const startDraw = (target: DrawTarget, type: ShapeType) => setDrawing({ target, type, points: [] });
  const finish = (d: Drawing | null = drawing) => {
    if (!d) return;
    const min = d.type === 'segment' ? 2 : 3;
    if (d.points.length >= min) {
      const pts = d.type === 'segment' ? d.points.slice(0, 2) : d.points;
      const tgt = d.target;
      if ('mask' in tgt) update((c) => ({ ...c, masks: [...c.masks, pts] }));
      else update((c) => ({ ...c, rules: c.rules.map((r, j) => (j === tgt.rule ? setShape(r, tgt.key, pts) : r)) }));
    }
    setDrawing(null);
  };
  const addPoint = (p: Pt) => {
    if (!drawing) return;
    // A double-click also sends two clicks: ignore a point on top of the previous one.
    const last = drawing.points[drawing.points.length - 1];
    if (last && Math.hypot(last.x - p.x, last.y - p.y) < 0.005) return;
    const next = { ...drawing, points: [...drawing.points, p] };
    if (next.type === 'segment' && next.points.length === 2) finish(next);
    else setDrawing(next);
  };
  const move = (target: DragTarget, vertex: number, p: Pt) => {
    if ('mask' in target) update((c) => ({ ...c, masks: c.masks.map((m, i) => (i === target.mask ? m.map((q, k) => (k === vertex ? p : q)) : m)) }));
    else update((c) => ({ ...c, rules: c.rules.map((r, j) => (j === target.rule ? setShape(r, target.key, (getShape(r, target.key) ?? []).map((q, k) => (k === vertex ? p : q))) : r)) }));
  };
  const addRule = () => {
    const id = newRuleId(config.rules, 'zone');
    const rule = ruleOfKind('zone', { id, name: `${t('kind.zone')} ${config.rules.length + 1}` });
    update((c) => ({ ...c, rules: [...c.rules, rule] }));
    setSelected(config.rules.length);
    startDraw({ rule: config.rules.length, key: 'polygon' }, 'polygon');
  };
  const removeRule = (i: number) => {
    update((c) => ({ ...c, rules: c.rules.filter((_, j) => j !== i) }));
    setSelected(null);
    setDrawing(null);
  };

  async function save() {
    if (!config) return;
    setBusy(true);
    setSaved(false);
    setFormError(undefined);
    setErrors({});
    try {
      const body = { ...config, rules: config.rules.map(cleanRule) };
      setConfig(await analyticsApi.saveRules(cameraId, body));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  const rule = selected !== null ? config.rules[selected] : undefined;
  const ruleHasError = (i: number) => Object.keys(errors).some((k) => k === `rules.${i}` || k.startsWith(`rules.${i}.`));
  const shapeError = (i: number, key: ShapeKey) => Object.entries(errors).find(([k]) => k === shapeField(i, key) || k.startsWith(`${shapeField(i, key)}.`))?.[1];

  return (
    <section className="page rules-page" data-testid="rules-page">
      <div className="page__head">
        <h1>
          {t('rules.title')}
          {camera && <span className="page__title-extra">{camera.name}</span>}
        </h1>
        <div className="page__tools">
          <a href={`#/cameras/${encodeURIComponent(cameraId)}`} className="button">‹ {t('rules.backToCamera')}</a>
          <a href={`#/events?cameraId=${encodeURIComponent(cameraId)}`} className="button">{t('nav.events')}</a>
        </div>
      </div>
      {saved && <Alert kind="success" testId="rules-saved">{t('rules.saved')}</Alert>}
      {formError !== undefined && (
        <div data-testid="rules-error">
          {Object.keys(errors).length ? (
            <Alert kind="error" testId="rules-field-errors">
              {t('rules.errors')}
              <ul>{Object.entries(errors).map(([k, v]) => <li key={k} data-field={k}><code>{k}</code>: {v}</li>)}</ul>
            </Alert>
          ) : (
            <ErrorAlert error={formError} />
          )}
        </div>
      )}
      <div className="rules-page__grid">
        <div>
          {noImage && <p className="muted small">{t('rules.snapshotMissing')}</p>}
          <RuleCanvas
            imageUrl={imageUrl}
            rules={config.rules}
            masks={config.masks}
            selected={selected}
            drawing={drawing}
            onAddPoint={addPoint}
            onFinish={() => finish()}
            onMove={move}
            onSelect={setSelected}
            onImageError={() => setNoImage(true)}
          />
          <div className="rules-page__toolbar" data-testid="draw-toolbar">
            {drawing ? (
              <>
                <span className="small">{t('rules.drawing')} {t(drawing.type === 'polygon' ? 'rules.drawHelpPolygon' : 'rules.drawHelpLine')}</span>
                {drawing.type === 'polygon' && <button type="button" className="button--primary button--small" onClick={() => finish()} disabled={drawing.points.length < 3} data-testid="draw-finish">{t('rules.finish')}</button>}
                <button type="button" className="button--small" onClick={() => setDrawing(null)} data-testid="draw-cancel">{t('rules.cancel')}</button>
              </>
            ) : (
              <>
                {rule && selected !== null && shapesOf(rule).map((key) => (
                  <span key={key} className={`rules-page__shape${shapeError(selected, key) ? ' rules-page__shape--error' : ''}`}>
                    <button type="button" className="button--small" onClick={() => startDraw({ rule: selected, key }, SHAPE_TYPE[key])} data-testid={`draw-${key}`}>{t(DRAW_LABEL[key])}</button>
                    {!getShape(rule, key)?.length && <span className="small muted"> {t('rules.missingShape')}</span>}
                    {shapeError(selected, key) && <span className="field__error small" data-testid={`shape-error-${key}`}> {shapeError(selected, key)}</span>}
                  </span>
                ))}
                {(rule?.kind === 'line' || rule?.kind === 'red_light' || rule?.kind === 'stop_line') && selected !== null && (
                  <button type="button" className="button--small" onClick={() => { const k = rule.kind === 'line' ? 'line' : 'stopLine'; const pts = getShape(rule, k); if (pts) updateRule(selected, setShape(rule, k, [...pts].reverse())); }} data-testid="line-reverse">⇄ {t('rules.reverse')}</button>
                )}
                <button type="button" className="button--small" onClick={() => { setSelected(null); startDraw({ mask: 'new' }, 'polygon'); }} data-testid="draw-mask">{t('rules.addMask')}</button>
              </>
            )}
          </div>
          {config.masks.length > 0 && (
            <div className="rules-page__masks small">
              {t('rules.masks')}:{' '}
              {config.masks.map((_, i) => (
                <button key={i} type="button" className="button--small" onClick={() => update((c) => ({ ...c, masks: c.masks.filter((__, j) => j !== i) }))}>✕ {t('rules.removeMask', { n: i + 1 })}</button>
              ))}
              {Object.entries(errors).filter(([k]) => k.startsWith('masks')).map(([k, v]) => <div key={k} className="field__error">{k}: {v}</div>)}
            </div>
          )}
        </div>
        <aside className="card rules-page__side">
          <ul className="rules-page__list" data-testid="rule-list">
            {config.rules.map((r, i) => (
              <li key={i}>
                <button type="button" className={`${selected === i ? 'on' : ''}${ruleHasError(i) ? ' rules-page__item--error' : ''}`} onClick={() => { setDrawing(null); setSelected(i); }} data-testid="rule-item" data-rule-id={r.id}>
                  {r.name} <span className="small muted">· {t(`kind.${r.kind}`)}</span>
                </button>
              </li>
            ))}
          </ul>
          {config.rules.length === 0 && <p className="muted small">{t('rules.none')}</p>}
          <button type="button" className="button--small" onClick={addRule} disabled={!!drawing} data-testid="rule-add">+ {t('rules.add')}</button>
          {rule && selected !== null && (
            <>
              <RuleParams rule={rule} index={selected} errors={errors} onChange={(r) => updateRule(selected, r)} />
              <button type="button" className="button--small button--danger" onClick={() => removeRule(selected)} data-testid="rule-remove">{t('rules.remove')}</button>
            </>
          )}
          <hr />
          <Field label={t('rules.fps')} name="fps" error={errors.fps}>
            <input type="number" step="0.5" min={0.5} max={15} value={config.fps} onChange={(e) => update((c) => ({ ...c, fps: Number(e.target.value) }))} data-testid="rules-fps" />
          </Field>
          <button type="button" className="button--primary" onClick={() => void save()} disabled={busy || !!drawing} data-testid="rules-save">{t('rules.save')}</button>
        </aside>
      </div>
    </section>
  );
}
