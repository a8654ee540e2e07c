/**
 * The two fields of every recorded decision (signal triage, a warning's decision): the choice, each
 * option with what it means, and the written reason the record keeps. Errors are tied to their
 * field (aria-describedby), so a screen reader hears why a send was refused.
 */

interface DecisionChoicesProps<D extends string> {
  /** A useId() prefix, unique on the page. */
  ids: string;
  legend: string;
  choices: readonly D[];
  labels: Readonly<Record<D, string>>;
  hints: Readonly<Record<D, string>>;
  value: D | null;
  onChange: (choice: D) => void;
  /** Shown under the options when the send was refused for want of a choice. */
  error: string | null;
}

export function DecisionChoices<D extends string>({
  ids,
  legend,
  choices,
  labels,
  hints,
  value,
  onChange,
  error,
}: DecisionChoicesProps<D>) {
  return (
    <fieldset aria-describedby={error === null ? undefined : `${ids}-decision-error`}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} className="choice">
          <input
            type="radio"
            name={`${ids}-decision`}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
            aria-describedby={`${ids}-${choice}-hint`}
          />
          <span>
            <strong>{labels[choice]}</strong>{' '}
            <span id={`${ids}-${choice}-hint`} className="hint">
              {hints[choice]}
            </span>
          </span>
        </label>
      ))}
      {error !== null && (
        <p id={`${ids}-decision-error`} className="form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface ReasonFieldProps {
  ids: string;
  label: string;
  hint: string;
  value: string;
  onChange: (reason: string) => void;
  /** Why the reason was refused, or null. */
  error: string | null;
}

export function ReasonField({ ids, label, hint, value, onChange, error }: ReasonFieldProps) {
  return (
    <>
      <label htmlFor={`${ids}-reason`}>{label}</label>
      <textarea
        id={`${ids}-reason`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        aria-invalid={error !== null}
        aria-describedby={`${ids}-reason-hint${error === null ? '' : ` ${ids}-reason-error`}`}
      />
      <p id={`${ids}-reason-hint`} className="hint">
        {hint}
      </p>
      {error !== null && (
        <p id={`${ids}-reason-error`} className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
