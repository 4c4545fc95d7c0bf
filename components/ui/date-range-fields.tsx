/**
 * A filter's "From" and "To" date fields (GET forms: names `from` and `to`). Dates the wrong way
 * round match nothing: that is said next to "To", which keeps what was chosen.
 */
export function DateRangeFields({ from, to, what }: { from?: string; to?: string; what: string }) {
  const reversed = !!(from && to && from > to);
  return (
    <>
      <div className="field">
        <label htmlFor="from">From</label>
        <input id="from" name="from" type="date" defaultValue={from} />
      </div>
      <div className="field">
        <label htmlFor="to">To</label>
        <input id="to" name="to" type="date" defaultValue={to} aria-invalid={reversed || undefined} aria-describedby={reversed ? "to-error" : undefined} />
        {reversed && (
          <p className="field-error" id="to-error">
            This date is before the &ldquo;From&rdquo; date, so no {what} can match: change one of them.
          </p>
        )}
      </div>
    </>
  );
}
