import { DateTime, IANAZone } from 'luxon';

/**
 * Times of meetings: stored as UTC instants, entered as local date-times in the organiser's IANA
 * time zone, shown in the viewer's zone beside the organiser's. Formatting is Intl's, in the
 * page's language.
 */

/** The zones offered in the choosers: every zone the runtime knows, and UTC. */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/** An IANA zone the runtime knows (aliases such as "Asia/Calcutta" included), or UTC. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  // A fixed offset ("UTC+3", "+03:00") is valid for luxon but is no place: refuse it.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) || /^(?:UTC|GMT|Etc)[+-]/i.test(zone)) return false;
  return zone === 'UTC' || IANAZone.isValidZone(zone);
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * The UTC instant of a local date-time ("2026-03-10T10:00", as an HTML datetime-local input
 * sends it) in a zone, or null when it is not a real date-time. A time that a DST change skips
 * moves forward by the gap, as calendar programs do.
 */
export function localToUtc(local: string, zone: string): Date | null {
  if (!LOCAL_INPUT.test(local) || !isKnownTimeZone(zone)) return null;
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) return null;
  const year = parsed.year;
  if (year < 1900 || year > 2200) return null;
  return parsed.toUTC().toJSDate();
}

/** The value of a datetime-local input showing an instant in a zone. */
export function utcToLocalInput(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A zone's readable place: "America/Mexico_City" → "Mexico City"; UTC stays UTC. */
export function zonePlace(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** "Tuesday 10 March 2026, 10:00–11:30" in a zone and a language (the date once when both ends share it). */
export function formatRange(start: Date, end: Date, zone: string, lang: string): string {
  const format = new Intl.DateTimeFormat(lang, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return format.formatRange(start, end);
}

/** The local day of an instant in a zone ("2026-03-10"), for grouping and for tests. */
export function localDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** The hours and minutes of an instant in a zone ("10:00"). */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}
