// The parameters of one rule: name, kind, classes, violation case, and the fields of its kind
// (direction, seconds, frames, signal source, amber grace, threshold, schedule), each showing the
// error the server reported for it.
import { OBJECT_CLASSES, RULE_KINDS, type LineDirection, type Rule, type RuleKind } from '../../api/analytics';
import { Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';
import { ruleOfKind } from './rule-model';

interface Props {
  rule: Rule;
  index: number;
  errors: Record<string, string>;
  onChange(rule: Rule): void;
}

export function RuleParams({ rule, index, errors, onChange }: Props) {
  const t = useT();
  const f = (name: string) => `rules.${index}.${name}`;
  const err = (name: string) => errors[f(name)];
  const set = (patch: Partial<Rule>) => onChange({ ...rule, ...patch });
  const num = (v: string) => (v === '' ? undefined : Number(v));

  return (
    <div className="rule-params form" data-testid="rule-params">
      <Field label={t('rules.name')} name={f('name')} error={err('name')}>
        <input value={rule.name} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name" />
      </Field>
      <Field label={t('rules.id')} name={f('id')} error={err('id')}>
        <input value={rule.id} onChange={(e) => set({ id: e.target.value })} data-testid="rule-id" />
      </Field>
      <Field label={t('rules.kind')} name={f('kind')} error={err('kind')}>
        <select value={rule.kind} onChange={(e) => onChange(ruleOfKind(e.target.value as RuleKind, rule))} data-testid="rule-kind">
          {RULE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="rule-enabled" /> {t('rules.enabled')}
      </label>
      <label className="check">
        <input type="checkbox" checked={rule.createCase} onChange={(e) => set({ createCase: e.target.checked })} data-testid="rule-create-case" /> {t('rules.createCase')}
      </label>
      <Field label={t('rules.classes')} name={f('classes')} error={err('classes')} group>
        <div className="rule-params__classes">
          {OBJECT_CLASSES.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={rule.classes.includes(c)}
                onChange={(e) => set({ classes: e.target.checked ? [...rule.classes, c] : rule.classes.filter((x) => x !== c) })}
                data-testid={`rule-class-${c}`}
              />{' '}
              {t(`class.${c}`)}
            </label>
          ))}
        </div>
      </Field>

      {rule.kind === 'line' && (
        <Field label={t('rules.lineDirection')} name={f('direction')} error={err('direction')}>
          <select value={typeof rule.direction === 'string' ? rule.direction : 'both'} onChange={(e) => set({ direction: e.target.value as LineDirection })} data-testid="rule-crossing">
            {(['both', 'forward', 'backward'] as const).map((d) => <option key={d} value={d}>{t(`rules.dir.${d}`)}</option>)}
          </select>
        </Field>
      )}
      {(rule.kind === 'red_light' || rule.kind === 'stop_line') && (
        <>
          <Field label={t('rules.lineDirection')} name={f('direction')} error={err('direction')}>
            <select value={rule.direction === 'backward' ? 'backward' : 'forward'} onChange={(e) => set({ direction: e.target.value as 'forward' | 'backward' })} data-testid="rule-crossing">
              {(['forward', 'backward'] as const).map((d) => <option key={d} value={d}>{t(`rules.dir.${d}`)}</option>)}
            </select>
          </Field>
          <Field label={t('rules.signal')} name={f('signal')} error={err('signal') ?? err('signal.type')}>
            <select
              value={rule.signal?.type ?? 'external'}
              onChange={(e) => set({ signal: e.target.value === 'region' ? { type: 'region', polygon: [] } : { type: 'external' } })}
              data-testid="rule-signal"
            >
              <option value="region">{t('rules.signal.region')}</option>
              <option value="external">{t('rules.signal.external')}</option>
            </select>
          </Field>
        </>
      )}
      {rule.kind === 'red_light' && (
        <Field label={t('rules.amberGrace')} name={f('amberGrace')} error={err('amberGrace')}>
          <input type="number" step="0.5" value={rule.amberGrace ?? ''} onChange={(e) => set({ amberGrace: num(e.target.value) })} data-testid="rule-amber" />
        </Field>
      )}
      {(rule.kind === 'dwell' || rule.kind === 'parking' || rule.kind === 'stop_line') && (
        <Field label={t('rules.seconds')} name={f('seconds')} error={err('seconds')}>
          <input type="number" value={rule.seconds ?? ''} onChange={(e) => set({ seconds: num(e.target.value) })} data-testid="rule-seconds" />
        </Field>
      )}
      {rule.kind === 'wrong_way' && (
        <Field label={t('rules.frames')} name={f('frames')} error={err('frames')}>
          <input type="number" value={rule.frames ?? ''} onChange={(e) => set({ frames: num(e.target.value) })} data-testid="rule-frames" />
        </Field>
      )}
      {rule.kind === 'crowd' && (
        <Field label={t('rules.threshold')} name={f('threshold')} error={err('threshold')}>
          <input type="number" value={rule.threshold ?? ''} onChange={(e) => set({ threshold: num(e.target.value) })} data-testid="rule-threshold" />
        </Field>
      )}
      {rule.kind === 'zone' && <ScheduleFields rule={rule} index={index} errors={errors} onChange={onChange} />}
    </div>
  );
}

function ScheduleFields({ rule, index, errors, onChange }: Props) {
  const t = useT();
  const s = rule.schedule ?? null;
  const f = (name: string) => `rules.${index}.schedule.${name}`;
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={!!s} onChange={(e) => onChange({ ...rule, schedule: e.target.checked ? { days: [0, 1, 2, 3, 4, 5, 6], from: '22:00', to: '05:00' } : null })} data-testid="rule-schedule" />{' '}
        {t('rules.schedule')}
      </label>
      {s && (
        <div className="rule-params__row">
          <Field label={t('rules.scheduleFrom')} name={f('from')} error={errors[f('from')]}>
            <input type="time" value={s.from} onChange={(e) => onChange({ ...rule, schedule: { ...s, from: e.target.value } })} />
          </Field>
          <Field label={t('rules.scheduleTo')} name={f('to')} error={errors[f('to')]}>
            <input type="time" value={s.to} onChange={(e) => onChange({ ...rule, schedule: { ...s, to: e.target.value } })} />
          </Field>
        </div>
      )}
    </>
  );
}
