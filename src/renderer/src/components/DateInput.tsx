/**
 * An ISO date typed as text (YYYY-MM-DD), whatever the browser's locale: `1998/1/1` and
 * `1998年1月1日` become `1998-01-01` when the field is left (`lib/dates.ts`). The caller
 * holds the value and says whether it is invalid (its message shows as the tooltip).
 */
import { DATE_PATTERN, normalizeDate } from '../lib/dates';

export function DateInput(props: { label: string; value: string; onChange: (value: string) => void; problem?: string | null }) {
  const { label, value, onChange, problem } = props;
  return (
    <input
      className="input input-date"
      aria-label={label}
      value={value}
      placeholder="YYYY-MM-DD"
      pattern={DATE_PATTERN}
      inputMode="numeric"
      maxLength={12}
      aria-invalid={problem ? true : undefined}
      title={problem ?? undefined}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => normalizeDate(e.target.value) !== e.target.value && onChange(normalizeDate(e.target.value))}
    />
  );
}
