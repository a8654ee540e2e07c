import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

/** The id of a draft field's input, also the target of the problem summary's links. */
export const fieldId = (field: string): string => `report-${field.replace(/\./g, '-')}`;

interface Described {
  field: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
}

const describedBy = (id: string, hint: unknown, error: string | undefined): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Notes({ id, hint, error }: { id: string; hint: ReactNode; error: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input with its hint and its problem, both read out with it. */
export function TextField({ field, label, hint, error, ...input }: Described & InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(field);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, error, ...area }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = fieldId(field);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...area} />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A native select (the phone's own picker) over `options`, labelled like the other fields. */
export function SelectField<V extends string>({
  field,
  label,
  hint,
  error,
  value,
  options,
  onChange,
  placeholder,
  required,
}: Described & {
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  placeholder?: string;
  required?: boolean;
}) {
  const id = fieldId(field);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A checkbox with its label beside it, the whole line a touch target. */
export function CheckField({
  field,
  label,
  checked,
  onChange,
}: {
  field: string;
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const id = fieldId(field);
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
