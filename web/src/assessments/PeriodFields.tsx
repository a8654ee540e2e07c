import type { Period } from './assessment-model.js';

interface PeriodFieldsProps {
  /** A useId() prefix, unique on the page. */
  id: string;
  fromLabel: string;
  toLabel: string;
  period: Period;
  onChange: (period: Period) => void;
  /** The id of the message saying why the period is wrong, when it is. */
  errorId?: string | undefined;
}

/** The first and last day an assessment covers, as two native date fields side by side. */
export function PeriodFields({ id, fromLabel, toLabel, period, onChange, errorId }: PeriodFieldsProps) {
  return (
    <div className="period-fields">
      <div>
        <label htmlFor={`${id}-from`}>{fromLabel}</label>
        <input
          id={`${id}-from`}
          type="date"
          required
          value={period.periodStart}
          onChange={(e) => onChange({ ...period, periodStart: e.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>{toLabel}</label>
        <input
          id={`${id}-to`}
          type="date"
          required
          value={period.periodEnd}
          aria-invalid={errorId !== undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange({ ...period, periodEnd: e.target.value })}
        />
      </div>
    </div>
  );
}
