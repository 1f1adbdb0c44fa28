import { labelOf } from '../reference/index.ts';
import { DataTable } from '../web/components.tsx';
import type { PageContext } from '../web/render.tsx';
import { ROLE_LABELS, fieldLabel, languageName, organisationLabel } from './practices.form.fields.tsx';
import type { DetailChoices } from './practices.form.options.ts';
import { CODE_FIELDS, type PracticeFormValues } from './practices.form.values.ts';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { TEXT_FIELDS } from './practices.schemas.ts';

interface Difference {
  field: string;
  lang?: string | undefined;
  yours: string;
  saved: string;
}

const VOCABULARY_OF: Record<string, string> = Object.fromEntries(CODE_FIELDS);

/** The fields where what the person typed differs from what was saved meanwhile, in words. */
export function differences(
  ctx: PageContext,
  yours: PracticeFormValues,
  saved: PracticeFormValues,
  choices: DetailChoices,
) {
  const t = ctx.t;
  const rows: Difference[] = [];
  const push = (field: string, a: string, b: string, lang?: string) => {
    if (a !== b) rows.push({ field, yours: a, saved: b, lang });
  };
  push(
    fieldLabel(t, 'originalLanguage'),
    languageName(t, yours.originalLanguage),
    languageName(t, saved.originalLanguage),
  );
  for (const field of TEXT_FIELDS) {
    for (const lang of CONTENT_LANGUAGES) {
      push(
        t('practiceForm.fieldIn', { field: fieldLabel(t, field), language: languageName(t, lang) }),
        (yours.texts[field][lang] ?? '').trim(),
        (saved.texts[field][lang] ?? '').trim(),
        lang,
      );
    }
  }
  const organisations = new Map(
    choices.actorOrganisations.map((o) => [o.id, organisationLabel(ctx, o).text]),
  );
  const actors = (values: PracticeFormValues) =>
    values.actors
      .filter((actor) => actor.organisationId)
      .map(
        (actor) =>
          `${organisations.get(actor.organisationId) ?? actor.organisationId} (${ROLE_LABELS[actor.role] ? t(ROLE_LABELS[actor.role]!) : actor.role})`,
      )
      .join(' ; ');
  push(fieldLabel(t, 'actors'), actors(yours), actors(saved));
  const codes = (vocabulary: string, list: string[]) =>
    list.map((code) => labelOf(vocabulary, code, ctx.lang) ?? code).join(', ');
  push(fieldLabel(t, 'countries'), codes('countries', yours.countries), codes('countries', saved.countries));
  const period = (values: PracticeFormValues) =>
    [values.periodStart, values.periodEnd].join(' – ') +
    (values.ongoing ? ` (${t('practiceForm.period.ongoing')})` : '');
  push(fieldLabel(t, 'period'), period(yours), period(saved));
  push(
    fieldLabel(t, 'modality'),
    codes('cooperation-modalities', yours.modality ? [yours.modality] : []),
    codes('cooperation-modalities', saved.modality ? [saved.modality] : []),
  );
  for (const [field] of CODE_FIELDS)
    push(
      fieldLabel(t, field),
      codes(VOCABULARY_OF[field]!, yours.codes[field]),
      codes(VOCABULARY_OF[field]!, saved.codes[field]),
    );
  push(fieldLabel(t, 'smartPrinciples'), yours.smartPrinciples.join(', '), saved.smartPrinciples.join(', '));
  const links = (values: PracticeFormValues) =>
    values.links
      .filter((link) => link.url)
      .map((link) => (link.label ? `${link.label} <${link.url}>` : link.url))
      .join(' ; ');
  push(fieldLabel(t, 'links'), links(yours), links(saved));
  const focalPoints = new Map(choices.focalPoints.map((f) => [f.id, f.name]));
  push(
    fieldLabel(t, 'contact'),
    focalPoints.get(yours.contactFocalPointId) ?? yours.contactFocalPointId,
    focalPoints.get(saved.contactFocalPointId) ?? saved.contactFocalPointId,
  );
  push(
    t('practices.notCommunicated'),
    yours.notCommunicated.map((field) => fieldLabel(t, field)).join(', '),
    saved.notCommunicated.map((field) => fieldLabel(t, field)).join(', '),
  );
  return rows;
}

/**
 * Someone saved the practice while this person was editing: what they typed stays in the form
 * below, the fields that differ are listed beside the saved text, and the current version is a
 * link away. Saving again replaces the saved text, knowingly.
 */
export function PracticeConflict(props: {
  ctx: PageContext;
  yours: PracticeFormValues;
  saved: PracticeFormValues;
  currentUrl: string;
  choices: DetailChoices;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const rows = differences(ctx, props.yours, props.saved, props.choices);
  return (
    <section aria-labelledby="conflict-title" class="conflict">
      <h2 id="conflict-title">{t('practiceForm.conflict.title')}</h2>
      <p>{t('practiceForm.conflict.intro')}</p>
      <p>
        <a href={props.currentUrl}>{t('practiceForm.conflict.current')}</a>
      </p>
      {rows.length > 0 ? (
        <DataTable
          caption={t('practiceForm.conflict.caption')}
          rows={rows}
          columns={[
            { header: t('practiceForm.conflict.field'), cell: (row) => row.field },
            {
              header: t('practiceForm.conflict.yours'),
              cell: (row) => <span lang={row.lang}>{row.yours}</span>,
            },
            {
              header: t('practiceForm.conflict.saved'),
              cell: (row) => <span lang={row.lang}>{row.saved}</span>,
            },
          ]}
        />
      ) : (
        <p>{t('practiceForm.conflict.same')}</p>
      )}
    </section>
  );
}
