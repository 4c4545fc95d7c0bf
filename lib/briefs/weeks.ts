// The weeks of a brief's period, each with its counts, for the events chart (issue #29): every week
// from the one holding the period's first day to the one holding its last, a week without events
// counted as 0 (the database returns only the weeks that have events). Weeks begin on Monday, as
// PostgreSQL's date_trunc('week') makes them. Pure.

export interface WeekCount {
  week: string;
  events: number;
  killed: number;
}

const DAY = 86400_000;

/** The Monday of the week holding `day` (YYYY-MM-DD), as YYYY-MM-DD. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
}

export function everyWeek(from: string, to: string, weeks: WeekCount[]): WeekCount[] {
  const counted = new Map(weeks.map((w) => [w.week, w]));
  const out: WeekCount[] = [];
  const last = new Date(`${mondayOf(to)}T00:00:00Z`).getTime();
  for (let t = new Date(`${mondayOf(from)}T00:00:00Z`).getTime(); t <= last; t += 7 * DAY) {
    const week = new Date(t).toISOString().slice(0, 10);
    out.push(counted.get(week) ?? { week, events: 0, killed: 0 });
  }
  return out;
}
