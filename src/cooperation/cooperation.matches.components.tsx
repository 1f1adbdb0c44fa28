import type { FieldError } from '../http/problems.ts';
import { Field, errorFor } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { MatchSummary } from './cooperation.matches.repository.ts';
import { daysSince } from './cooperation.matches.queries.ts';

/** A text in the page's language if it has one, else in its own, marked with its language. */
export function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return <span lang={picked.lang === ctx.lang ? undefined : picked.lang}>{picked.text}</span>;
}

export interface Staleness {
  now: Date;
  staleDays: number;
}

export function isStale(match: MatchSummary, { now, staleDays }: Staleness) {
  return (
    match.stage !== 'completed' && match.stage !== 'dropped' && daysSince(match.lastMovedAt, now) >= staleDays
  );
}

/** A labelled text area with its hint and error, as the shared TextInput. */
export function TextArea(props: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  value: string | undefined;
  errors: FieldError[] | undefined;
}) {
  const error = errorFor(props.errors, props.name);
  const describedBy = [
    props.hint ? `field-${props.name}-hint` : null,
    error ? `field-${props.name}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Field ctx={props.ctx} name={props.name} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={`field-${props.name}`}
        name={props.name}
        rows={4}
        maxLength={4000}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}
