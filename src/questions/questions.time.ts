import { DateTime, IANAZone } from 'luxon';

/** Deadlines: set as a local date and time in a named time zone, stored as an instant (UTC). */

export function isTimeZone(zone: string): boolean {
  return zone === 'UTC' || IANAZone.isValidZone(zone);
}

/** The instant of a local date (YYYY-MM-DD) and time (HH:mm) in `zone`, or null if either is not valid. */
export function instantOf(date: string, time: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time) || !isTimeZone(zone)) return null;
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  return local.isValid ? local.toJSDate() : null;
}

/** "25 Nov 2026, 17:00" in the zone, in the reader's language. */
export function formatInZone(instant: Date, zone: string, lang: string): string {
  return DateTime.fromJSDate(instant, { zone: isTimeZone(zone) ? zone : 'UTC' })
    .setLocale(lang)
    .toLocaleString(DateTime.DATETIME_MED);
}

/** "25 Nov 2026" in the reader's language (UTC date). */
export function formatDay(instant: Date, lang: string): string {
  return DateTime.fromJSDate(instant, { zone: 'UTC' }).setLocale(lang).toLocaleString(DateTime.DATE_MED);
}

/** The local date and time of an instant in a zone, as the form's fields hold them. */
export function localParts(instant: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone: isTimeZone(zone) ? zone : 'UTC' });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}
