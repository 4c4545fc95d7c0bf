// Early-warning signals from the event log: the statistics, pure (no database). The queries
// (./queries.ts) count events per ISO week in PostgreSQL; this module tests each week against the
// situation's own trailing weeks and words the result for people.
//
// The test, stated once: a week is a spike when, were the week's count drawn from a Poisson
// distribution whose rate is the mean of the 26 weeks before it, a count at least as high would come
// by chance with a probability below the organisation's sensitivity (0.001 by default).
// Two corrections keep it honest:
// - overdispersion: counts of people killed (and, less so, of events) vary far more from week to week
//   than a Poisson count does (one attack can kill fifty). When the baseline weeks' variance exceeds
//   their mean, the count and the rate are both divided by the dispersion (variance / mean) before
//   the test: the "quasi-Poisson" scaling. With a steady baseline the dispersion is 1 and the test is
//   the plain Poisson one.
// - an empty baseline: a rate of 0 would make any event "impossible"; the rate is then taken as one
//   event in the 26 weeks.
// A week is tested only when the situation's events began at least 26 weeks before it (a shorter
// record is no baseline).
import { mean, poissonDistribution, variance } from "simple-statistics";

export const BASELINE_WEEKS = 26;
/** Early Warning Project: a mass killing is 1,000 or more civilians deliberately killed by one armed group within a year. */
export const MASS_KILLING_THRESHOLD = 1000;
/** The event type ACLED gives to deliberate violence against civilians. */
export const VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians";

export const SERIES = ["events", "civilian", "killed"] as const;
export type SeriesName = (typeof SERIES)[number];

export interface WeekCounts {
  /** The week's Monday, yyyy-mm-dd. */
  week: string;
  events: number;
  /** Events targeting civilians: ACLED's "Violence against civilians", or civilian targeting marked. */
  civilian: number;
  /** People killed in the week's events whose figure is known. */
  killed: number;
  /** Events of the week whose number killed is not known (so `killed` is "at least"). */
  unknownKilled: number;
}

const DAY = 86_400_000;

/** The Monday (UTC) of the ISO week holding `d`, as yyyy-mm-dd. */
export function weekOf(d: Date | string): string {
  const t = typeof d === "string" ? Date.parse(`${d.slice(0, 10)}T00:00:00Z`) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return new Date(t - dow * DAY).toISOString().slice(0, 10);
}

/** The Monday `n` weeks after (or before, n < 0) the Monday `week`. */
export function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + n * 7 * DAY).toISOString().slice(0, 10);
}

/** The Sunday ending the week that starts on `week`. */
export function weekEnd(week: string): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
}

/** Every week from `from` to `to` (Mondays, inclusive), with the weeks missing from `rows` as zeros. */
export function fillWeeks(rows: WeekCounts[], from: string, to: string): WeekCounts[] {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const out: WeekCounts[] = [];
  for (let w = from; w <= to; w = addWeeks(w, 1)) out.push(byWeek.get(w) ?? { week: w, events: 0, civilian: 0, killed: 0, unknownKilled: 0 });
  return out;
}

/**
 * P(X >= k) for X ~ Poisson(lambda), from simple-statistics' table of the distribution. The table
 * stops where it holds all but 0.0001 of the probability, so this is 1 minus the cells below k: an
 * upper bound, exact to within 0.0001 (never smaller than the truth, so it never flags too much).
 * Null when the table cannot be made (lambda not positive, or a million or more).
 */
export function poissonUpperTail(k: number, lambda: number): number | null {
  if (k <= 0) return 1;
  const cells = poissonDistribution(lambda);
  if (!cells) return null;
  let below = 0;
  for (let x = 0; x < Math.min(k, cells.length); x++) below += cells[x];
  return Math.min(1, Math.max(0, 1 - below));
}

export interface SpikeTest {
  observed: number;
  /** Mean per week over the baseline weeks. */
  baselineMean: number;
  /** Variance / mean of the baseline weeks, at least 1 (1: a plain Poisson test). */
  dispersion: number;
  /** Probability of a count at least this high by chance (upper bound, see poissonUpperTail). */
  p: number;
  flagged: boolean;
}

/** The spike test of one week's count against its baseline weeks (see the top of this file). */
export function spikeTest(baseline: number[], observed: number, sensitivity: number): SpikeTest | null {
  if (baseline.length === 0) return null;
  const m = mean(baseline);
  const dispersion = m > 0 && baseline.length > 1 ? Math.max(1, variance(baseline) / m) : 1;
  const rate = Math.max(m, 1 / BASELINE_WEEKS) / dispersion;
  const p = poissonUpperTail(Math.floor(observed / dispersion), rate);
  if (p === null) return null;
  return { observed, baselineMean: m, dispersion, p, flagged: observed > m && p < sensitivity };
}

export interface WeekTests extends WeekCounts {
  tests: Partial<Record<SeriesName, SpikeTest>>;
}

/**
 * Every week of `weeks` (consecutive, oldest first) tested against the 26 weeks before it, for each
 * series; weeks without 26 weeks of record before them (the situation's first event on or before the
 * baseline's first Monday) are left untested.
 */
export function testWeeks(weeks: WeekCounts[], firstEvent: string | null, sensitivity: number): WeekTests[] {
  const firstWeek = firstEvent ? weekOf(firstEvent) : null;
  return weeks.map((w, i) => {
    const tests: WeekTests["tests"] = {};
    const baselineStart = addWeeks(w.week, -BASELINE_WEEKS);
    if (i >= BASELINE_WEEKS && firstWeek !== null && firstWeek <= baselineStart) {
      const before = weeks.slice(i - BASELINE_WEEKS, i);
      for (const s of SERIES) {
        const t = spikeTest(
          before.map((b) => b[s]),
          w[s],
          sensitivity,
        );
        if (t) tests[s] = t;
      }
    }
    return { ...w, tests };
  });
}

/** "less than 1 time in 1,000" / "about 1 time in 40": how often a week like this comes by chance. */
export function chanceWords(p: number): string {
  if (p >= 0.5) return "more often than not";
  if (p >= 0.1) return `about 1 time in ${Math.round(1 / p)}`;
  for (const n of [10_000, 1_000, 100, 10]) if (p < 1 / n) return `less than 1 time in ${n.toLocaleString("en-GB")}`;
  return `about 1 time in ${Math.round(1 / p)}`;
}

/** A rate with one decimal: 3.1. */
export function perWeek(x: number): string {
  return (Math.round(x * 10) / 10).toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

const SPIKE_SENTENCES: Record<SeriesName, string> = {
  events: "{observed} events in the week of {week}; {mean} a week over the previous 26 weeks; by chance alone, a week like this comes {chance}.",
  civilian: "{observed} attacks on civilians in the week of {week}; {mean} a week over the previous 26 weeks; by chance alone, a week like this comes {chance}.",
  killed: "{observed} people killed (known figures) in the week of {week}; {mean} a week over the previous 26 weeks; by chance alone, a week like this comes {chance}.",
};

/** Puts values into a whole sentence's {placeholders} (sentences are whole so they can be translated). */
export function fillSentence(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in values ? String(values[k]) : `{${k}}`));
}

/** The plain-words explanation of a week's test. */
export function explainSpike(series: SeriesName, week: string, t: SpikeTest): string {
  return fillSentence(SPIKE_SENTENCES[series], { observed: t.observed.toLocaleString("en-GB"), week, mean: perWeek(t.baselineMean), chance: chanceWords(t.p) });
}

export interface ActorKillings {
  actor: string;
  /** Civilians killed in the actor's attacks on civilians over the 12 months, known figures. */
  killed: number;
  events: number;
  /** Of those events, how many have no known figure (so `killed` is "at least"). */
  unknownKilled: number;
}

export interface ThresholdStatus extends ActorKillings {
  /** killed / 1,000. */
  share: number;
  crossed: boolean;
}

/** The actor that killed the most civilians in the 12 months, against the mass-killing threshold; null when none is recorded. */
export function thresholdStatus(actors: ActorKillings[]): ThresholdStatus | null {
  const top = actors.reduce<ActorKillings | null>((best, a) => (!best || a.killed > best.killed || (a.killed === best.killed && a.actor < best.actor) ? a : best), null);
  if (!top) return null;
  return { ...top, share: top.killed / MASS_KILLING_THRESHOLD, crossed: top.killed >= MASS_KILLING_THRESHOLD };
}

export function explainThreshold(t: ThresholdStatus): string {
  const template = t.crossed
    ? "{actor} killed at least {killed} civilians in attacks on civilians in the last 12 months: over the Early Warning Project's threshold of 1,000 for a mass killing."
    : "{actor} killed at least {killed} civilians in attacks on civilians in the last 12 months: {percent} % of the Early Warning Project's threshold of 1,000 for a mass killing.";
  return fillSentence(template, { actor: t.actor, killed: t.killed.toLocaleString("en-GB"), percent: Math.floor(t.share * 100) });
}

export const NEW_KINDS = ["ACTOR", "INTERACTION", "ADMIN1", "EVENT_TYPE", "SUB_EVENT_TYPE"] as const;
export type NewKind = (typeof NEW_KINDS)[number];

export const NEW_KIND_SENTENCES: Record<NewKind, string> = {
  ACTOR: "A new actor, {value}, first seen on {date}; events with it since: {events}.",
  INTERACTION: "A new pairing of actor types, {value}, first seen on {date}; events with it since: {events}.",
  ADMIN1: "Events in a new region, {value}, first seen on {date}; events with it since: {events}.",
  EVENT_TYPE: "A new kind of event, {value}, first seen on {date}; events with it since: {events}.",
  SUB_EVENT_TYPE: "A new kind of event, {value}, first seen on {date}; events with it since: {events}.",
};

export interface NewThing {
  kind: NewKind;
  value: string;
  /** The first event's date, yyyy-mm-dd. */
  first: string;
  events: number;
}

export function explainNew(n: NewThing): string {
  return fillSentence(NEW_KIND_SENTENCES[n.kind], { value: n.value, date: n.first, events: n.events });
}
