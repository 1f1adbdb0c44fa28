import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { meetingCalendar, seriesCalendar } from './meetings.ics.ts';
import type { Meeting } from './meetings.model.ts';
import { MAX_OCCURRENCES, occurrenceCount, occurrenceStarts, toRrule } from './meetings.recurrence.ts';
import { formatRange, isKnownTimeZone, localDay, localTime, localToUtc } from './meetings.time.ts';

describe('meeting times', () => {
  it('stores 10:00 in Mexico City as 16:00 UTC and shows it as 17:00 in Paris', () => {
    const start = localToUtc('2026-03-10T10:00', 'America/Mexico_City')!;
    assert.equal(start.toISOString(), '2026-03-10T16:00:00.000Z');
    assert.equal(localTime(start, 'Europe/Paris'), '17:00');
    const end = localToUtc('2026-03-10T11:30', 'America/Mexico_City')!;
    assert.match(formatRange(start, end, 'Europe/Paris', 'fr'), /17:00\s*[–-]\s*18:30/);
  });

  it('knows IANA zones and refuses unknown ones and fixed offsets', () => {
    assert.ok(isKnownTimeZone('America/Mexico_City'));
    assert.ok(isKnownTimeZone('UTC'));
    for (const bad of ['Mars/Olympus_Mons', '', 'UTC+3', 'Europe/Paris; DROP', 'x'.repeat(80)])
      assert.equal(isKnownTimeZone(bad), false, bad);
  });

  it('refuses a date-time that is not one', () => {
    assert.equal(localToUtc('2026-02-30T10:00', 'UTC'), null);
    assert.equal(localToUtc('tomorrow', 'UTC'), null);
    assert.equal(localToUtc('2026-03-10T25:00', 'UTC'), null);
  });
});

describe('recurrence', () => {
  const first = localToUtc('2026-01-15T10:00', 'Europe/Paris')!;

  it('makes every-two-months occurrences at the same local time across a DST change', () => {
    const starts = occurrenceStarts(first, 'Europe/Paris', {
      frequency: 'monthly',
      interval: 2,
      count: 4,
      until: null,
    });
    assert.deepEqual(
      starts.map((s) => `${localDay(s, 'Europe/Paris')} ${localTime(s, 'Europe/Paris')}`),
      ['2026-01-15 10:00', '2026-03-15 10:00', '2026-05-15 10:00', '2026-07-15 10:00'],
    );
    // In UTC the summer ones are an hour earlier: the local time was kept, not the UTC one.
    assert.deepEqual(
      starts.map((s) => s.toISOString().slice(11, 16)),
      ['09:00', '09:00', '08:00', '08:00'],
    );
  });

  it('stops at the last day given, and says how many a rule would make', () => {
    const rule = { frequency: 'weekly' as const, interval: 1, count: null, until: '2026-02-05' };
    assert.equal(occurrenceStarts(first, 'Europe/Paris', rule).length, 4);
    const endless = { frequency: 'weekly' as const, interval: 1, count: null, until: '2040-01-01' };
    assert.equal(occurrenceCount(first, 'Europe/Paris', endless), MAX_OCCURRENCES + 1);
  });

  it('writes the RFC 5545 rule', () => {
    assert.equal(
      toRrule({ frequency: 'monthly', interval: 2, count: 6, until: null }, 'UTC'),
      'FREQ=MONTHLY;INTERVAL=2;COUNT=6',
    );
    assert.equal(
      toRrule({ frequency: 'weekly', interval: 1, count: null, until: '2026-12-31' }, 'UTC'),
      'FREQ=WEEKLY;UNTIL=20261231T235959Z',
    );
  });
});

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  const startsAt = new Date('2026-03-10T16:00:00Z');
  return {
    id: '0b5c3f34-5b3a-4a55-9a39-0d9f6f7b9a11',
    networkId: 'n',
    kind: 'teleconference',
    originalLanguage: 'en',
    title: { en: 'Bimonthly call', es: 'Llamada bimestral' },
    description: {},
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    timeZone: 'America/Mexico_City',
    place: null,
    onlineUrl: 'https://meet.example.org/x',
    visibility: 'public',
    status: 'scheduled',
    seriesId: null,
    recurrence: null,
    createdBy: null,
    createdAt: startsAt,
    updatedAt: startsAt,
    version: 3,
    ...overrides,
  };
}
const options = { baseUrl: 'http://localhost:3000', lang: 'es' as const, name: 'Puente' };

function eventsOf(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar', () => {
  it('gives one event with a stable UID, UTC times, the version as SEQUENCE and the page URL', () => {
    const [event] = eventsOf(meetingCalendar(meeting(), options));
    assert.equal(event!.uid, '0b5c3f34-5b3a-4a55-9a39-0d9f6f7b9a11@puente');
    assert.equal(event!.startDate.toJSDate().toISOString(), '2026-03-10T16:00:00.000Z');
    assert.equal(event!.endDate.toJSDate().toISOString(), '2026-03-10T17:30:00.000Z');
    assert.equal(event!.sequence, 2);
    assert.equal(event!.summary, 'Llamada bimestral');
    assert.equal(
      event!.component.getFirstPropertyValue('url'),
      'http://localhost:3000/es/meetings/0b5c3f34-5b3a-4a55-9a39-0d9f6f7b9a11',
    );
    assert.equal(event!.component.getFirstPropertyValue('status'), 'CONFIRMED');
  });

  it('marks a cancelled meeting STATUS:CANCELLED', () => {
    const [event] = eventsOf(meetingCalendar(meeting({ status: 'cancelled' }), options));
    assert.equal(event!.component.getFirstPropertyValue('status'), 'CANCELLED');
  });

  it('gives a series as one recurring event whose expansion is every occurrence, DST included', () => {
    const zone = 'Europe/Paris';
    const starts = occurrenceStarts(localToUtc('2026-01-15T10:00', zone)!, zone, {
      frequency: 'monthly',
      interval: 2,
      count: 4,
      until: null,
    });
    const occurrences = starts.map((s, i) =>
      meeting({
        id: `0b5c3f34-5b3a-4a55-9a39-0d9f6f7b9a1${i}`,
        startsAt: s,
        endsAt: new Date(s.getTime() + 3_600_000),
        timeZone: zone,
        seriesId: 'a1b2c3d4-0000-4000-8000-000000000000',
        recurrence: 'FREQ=MONTHLY;INTERVAL=2;COUNT=4',
        version: 1,
        status: i === 2 ? 'cancelled' : 'scheduled',
      }),
    );
    const events = eventsOf(seriesCalendar(occurrences, options));
    const master = events.find((e) => !e.isRecurrenceException())!;
    assert.ok(master.isRecurring());
    const overrides = new Map(
      events.filter((e) => e.isRecurrenceException()).map((e) => [e.recurrenceId.toJSDate().getTime(), e]),
    );
    const iterator = master.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const override = overrides.get(next.toJSDate().getTime());
      const start = override ? override.startDate.toJSDate() : next.toJSDate();
      const status = (override ?? master).component.getFirstPropertyValue('status');
      seen.push(`${localDay(start, zone)} ${localTime(start, zone)} ${status}`);
    }
    assert.deepEqual(seen, [
      '2026-01-15 10:00 CONFIRMED',
      '2026-03-15 10:00 CONFIRMED',
      '2026-05-15 10:00 CANCELLED',
      '2026-07-15 10:00 CONFIRMED',
    ]);
  });
});
