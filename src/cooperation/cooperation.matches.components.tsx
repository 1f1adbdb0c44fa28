import { TextArea as SharedTextArea, type TextAreaProps } from '../web/components.tsx';
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

/** Free text of at most 4,000 characters unless said otherwise (notes, reasons). */
export const TextArea = (props: TextAreaProps) => (
  <SharedTextArea {...props} maxLength={props.maxLength ?? 4000} />
);
