import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** Server field path this control maps to (e.g. `location.lat`), used for the test id. */
  name: string;
  error?: string;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
  /** Several controls (checkboxes): render a group instead of one wrapping <label>. */
  group?: boolean;
}

/** Label + control + the error the server reported for this field, shown right beside it. */
export function Field({ label, name, error, hint, children, wide, group }: FieldProps) {
  const Wrap = group ? 'div' : 'label';
  return (
    <div className={`field${error ? ' field--error' : ''}${wide ? ' field--wide' : ''}`} data-field={name}>
      <Wrap role={group ? 'group' : undefined} aria-label={group ? label : undefined}>
        <span className="field__label">{label}</span>
        {children}
      </Wrap>
      {hint && !error && <div className="field__hint">{hint}</div>}
      {error && (
        <div className="field__error" role="alert" data-testid={`error-${name}`}>
          {error}
        </div>
      )}
    </div>
  );
}
