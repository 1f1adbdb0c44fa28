import type { FieldError } from '../http/problems.ts';
import { Field, TextArea as SharedTextArea, type TextAreaProps, errorFor } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { Meeting } from './meetings.model.ts';
import type { MeetingKind, ParticipantRole, RsvpResponse } from './meetings.tables.ts';
import { TIME_ZONES, formatRange, zonePlace } from './meetings.time.ts';

/** Small pieces shared by the meetings pages. */

/** A text in the page's language if it has one, else in its own, marked with its language. */
export function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText | string }) {
  if (typeof text === 'string') return <span>{text}</span>;
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return <span lang={picked.lang === ctx.lang ? undefined : picked.lang}>{picked.text}</span>;
}

export function kindLabel(ctx: PageContext, kind: MeetingKind): string {
  return ctx.t('meetings.kind', { kind: kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) });
}
export function roleLabel(ctx: PageContext, role: ParticipantRole): string {
  return ctx.t('meetings.role', { role });
}
export function responseLabel(ctx: PageContext, response: RsvpResponse | null): string {
  return ctx.t('meetings.response', { response: response ?? 'none' });
}

/** The viewer's time zone as the pages decided it. */
export interface ViewerZone {
  zone: string;
  source: 'chosen' | 'saved' | 'default';
  saved: string | null;
  error: string | null;
}

/**
 * "10:00–11:30 (Mexico City time)" and, beside it, the same in the viewer's zone: "17:00–18:30
 * your time (Europe/Paris)", or in UTC, said so, when the viewer has no zone.
 */
export function MeetingTimes({
  ctx,
  meeting,
  viewer,
}: {
  ctx: PageContext;
  meeting: Meeting;
  viewer: ViewerZone;
}) {
  const t = ctx.t;
  const organiser = t('meetings.time.organiser', {
    range: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, ctx.lang),
    place: zonePlace(meeting.timeZone),
  });
  const own =
    viewer.zone === meeting.timeZone
      ? null
      : viewer.source === 'default'
        ? t('meetings.time.utc', { range: formatRange(meeting.startsAt, meeting.endsAt, 'UTC', ctx.lang) })
        : t('meetings.time.viewer', {
            range: formatRange(meeting.startsAt, meeting.endsAt, viewer.zone, ctx.lang),
            zone: viewer.zone,
          });
  return (
    <span class="meeting-times">
      <time dateTime={meeting.startsAt.toISOString()}>{organiser}</time>
      {own ? (
        <>
          {' · '}
          <span>{own}</span>
        </>
      ) : null}
    </span>
  );
}

/**
 * The time-zone chooser: for a signed-in person, a form that saves their zone (POST); for
 * others, a GET form that shows the page in the zone chosen. Works without JavaScript.
 */
export function TimeZoneChooser({
  ctx,
  viewer,
  returnTo,
}: {
  ctx: PageContext;
  viewer: ViewerZone;
  returnTo: string;
}) {
  const t = ctx.t;
  const signedIn = ctx.principal !== null;
  const name = signedIn ? 'timeZone' : 'tz';
  const errors: FieldError[] | undefined = viewer.error
    ? [{ field: name, message: viewer.error }]
    : undefined;
  const error = errorFor(errors, name);
  return (
    <form
      class="time-zone-chooser"
      method={signedIn ? 'post' : 'get'}
      action={signedIn ? `/${ctx.lang}/meetings/time-zone` : undefined}
    >
      {signedIn ? <input type="hidden" name="_csrf" value={ctx.csrfToken()} /> : null}
      {signedIn ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <Field
        ctx={ctx}
        name={name}
        label={signedIn ? t('meetings.zone.saveLabel') : t('meetings.zone.label')}
        hint={
          viewer.source === 'default'
            ? t('meetings.zone.hintUtc')
            : t('meetings.zone.hintCurrent', { zone: viewer.zone })
        }
        error={error}
      >
        <select
          id={`field-${name}`}
          name={name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[`field-${name}-hint`, error ? `field-${name}-error` : ''].join(' ').trim()}
        >
          {TIME_ZONES.map((zone) => (
            <option value={zone} selected={zone === viewer.zone}>
              {zone}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="button button--secondary">
        {signedIn ? t('meetings.zone.save') : t('meetings.zone.show')}
      </button>
    </form>
  );
}

/** Free text of at most 4,000 characters unless said otherwise (notes, reasons). */
export const TextArea = (props: TextAreaProps) => (
  <SharedTextArea {...props} maxLength={props.maxLength ?? 4000} />
);

/** A group of radio buttons with its legend and error. */
export function Radios(props: {
  name: string;
  legend: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  errors: FieldError[] | undefined;
}) {
  const error = errorFor(props.errors, props.name);
  return (
    <fieldset
      class={error ? 'field field--error' : 'field'}
      id={`field-${props.name}`}
      aria-describedby={error ? `field-${props.name}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {error ? (
        <p class="field__error" id={`field-${props.name}-error`}>
          {error}
        </p>
      ) : null}
      {props.options.map((option) => (
        <div class="radio">
          <input
            type="radio"
            id={`field-${props.name}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={option.value === props.value}
          />{' '}
          <label for={`field-${props.name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
