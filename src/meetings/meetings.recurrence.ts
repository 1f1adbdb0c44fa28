import { DateTime } from 'luxon';

/**
 * Recurring meetings ("every two months"): a series is stored as its occurrences, each a meeting
 * of its own (so each can be edited or cancelled alone), sharing a series id and the series'
 * RFC 5545 RRULE. Occurrences keep the local wall time in the organiser's zone across DST
 * changes: they are computed from the first one with luxon in that zone, never by adding hours.
 */

export type Frequency = 'weekly' | 'monthly';
export const FREQUENCIES: readonly Frequency[] = ['weekly', 'monthly'];

/** At most this many occurrences in a series (two years of weekly meetings). */
export const MAX_OCCURRENCES = 104;
export const MAX_INTERVAL = 12;

export interface Recurrence {
  frequency: Frequency;
  /** Every `interval` weeks or months (1 = every week or month). */
  interval: number;
  /** Either a number of occurrences (the first included), or the last local day. */
  count: number | null;
  until: string | null;
}

function generate(first: Date, zone: string, recurrence: Recurrence, limit: number): Date[] {
  const origin = DateTime.fromJSDate(first, { zone });
  const until = recurrence.until ? DateTime.fromISO(recurrence.until, { zone }).endOf('day') : null;
  const starts: Date[] = [];
  for (let i = 0; starts.length < limit; i++) {
    const step = i * recurrence.interval;
    const next =
      recurrence.frequency === 'weekly' ? origin.plus({ weeks: step }) : origin.plus({ months: step });
    if (until && next > until) break;
    starts.push(next.toUTC().toJSDate());
  }
  return starts;
}

/**
 * The start instants of the occurrences. Each is the first one plus i × interval in the
 * organiser's local calendar (a month later keeps the day, or the month's last day when it has
 * fewer). Bounded by MAX_OCCURRENCES.
 */
export function occurrenceStarts(first: Date, zone: string, recurrence: Recurrence): Date[] {
  return generate(first, zone, recurrence, Math.min(recurrence.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES));
}

/** How many occurrences a recurrence asks for, up to MAX_OCCURRENCES + 1 (to refuse a series too long). */
export function occurrenceCount(first: Date, zone: string, recurrence: Recurrence): number {
  return generate(first, zone, recurrence, Math.min(recurrence.count ?? Infinity, MAX_OCCURRENCES + 1))
    .length;
}

/** The RFC 5545 RRULE of a recurrence: FREQ=MONTHLY;INTERVAL=2;COUNT=6, or UNTIL in UTC. */
export function toRrule(recurrence: Recurrence, zone: string): string {
  const parts = [`FREQ=${recurrence.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`];
  if (recurrence.interval > 1) parts.push(`INTERVAL=${recurrence.interval}`);
  if (recurrence.count !== null) parts.push(`COUNT=${recurrence.count}`);
  else if (recurrence.until !== null) {
    const end = DateTime.fromISO(recurrence.until, { zone }).endOf('day').toUTC();
    parts.push(`UNTIL=${end.toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
  }
  return parts.join(';');
}

/** Reads back an RRULE made by toRrule (for the page's "every two months" line). */
export function fromRrule(rrule: string): Recurrence | null {
  const fields = new Map(
    rrule.split(';').map((part) => {
      const [key = '', value = ''] = part.split('=');
      return [key.toUpperCase(), value] as const;
    }),
  );
  const freq = fields.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') return null;
  const interval = Number(fields.get('INTERVAL') ?? '1');
  const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : null;
  const untilRaw = fields.get('UNTIL');
  const until = untilRaw ? `${untilRaw.slice(0, 4)}-${untilRaw.slice(4, 6)}-${untilRaw.slice(6, 8)}` : null;
  if (!Number.isInteger(interval) || interval < 1) return null;
  return { frequency: freq === 'WEEKLY' ? 'weekly' : 'monthly', interval, count, until };
}
