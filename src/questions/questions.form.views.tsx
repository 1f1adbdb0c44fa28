import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Notice, PageHeading, Select, TextInput } from '../web/components.tsx';
import { type LocalizedText, LANGUAGES } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { MemberOrganisation } from './questions.queries.ts';
import { FORM_ROWS, MAX_ITEMS } from './questions.schemas.ts';

import { LANGUAGE_LABEL, TYPE_LABEL, TextArea, plain } from './questions.components.tsx';

// ---- The ask form ----------------------------------------------------------------------------

export type AskFormValues = Record<string, string>;

export function AskQuestionPage(props: {
  ctx: PageContext;
  values: AskFormValues;
  rows: number;
  choices: { id: string; slug: string; name: LocalizedText; organisations: MemberOrganisation[] }[];
  errors?: FieldError[] | undefined;
}) {
  const { ctx, values, errors, choices } = props;
  const { t, lang } = ctx;
  const organisations = new Map<string, string>();
  for (const network of choices)
    for (const o of network.organisations) organisations.set(o.id, plain(o.name, lang));
  return (
    <Layout ctx={ctx} title={t('questions.ask.title')}>
      <PageHeading>{t('questions.ask.title')}</PageHeading>
      {choices.length === 0 ? (
        <Notice kind="info">{t('questions.ask.notAllowed')}</Notice>
      ) : (
        <>
          <p class="lead">{t('questions.ask.lead')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form class="form" method="post" action={`/${lang}/questions`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="rows" value={String(props.rows)} />
            <Select
              ctx={ctx}
              name="networkId"
              label={t('questions.field.network')}
              value={values.networkId}
              options={choices.map((n) => ({ value: n.id, label: plain(n.name, lang) }))}
              errors={errors}
              required
            />
            <Select
              ctx={ctx}
              name="organisationId"
              label={t('questions.field.organisation')}
              value={values.organisationId}
              options={[...organisations].map(([value, label]) => ({ value, label }))}
              errors={errors}
              required
            />
            <Select
              ctx={ctx}
              name="originalLanguage"
              label={t('questions.field.language')}
              value={values.originalLanguage}
              options={LANGUAGES.map((l) => ({ value: l, label: t(LANGUAGE_LABEL[l]) }))}
              errors={errors}
              required
            />
            <TextInput
              ctx={ctx}
              name="title"
              label={t('questions.field.title')}
              value={values.title}
              errors={errors}
              required
              maxLength={300}
            />
            <TextArea
              ctx={ctx}
              name="background"
              label={t('questions.field.background')}
              hint={t('questions.field.backgroundHint')}
              value={values.background}
              errors={errors}
              rows={5}
            />
            <fieldset>
              <legend>{t('questions.field.deadline')}</legend>
              <TextInput
                ctx={ctx}
                name="deadlineDate"
                type="date"
                label={t('questions.field.deadlineDate')}
                value={values.deadlineDate}
                errors={errors}
                required
              />
              <TextInput
                ctx={ctx}
                name="deadlineTime"
                label={t('questions.field.deadlineTime')}
                hint={t('questions.field.deadlineTimeHint')}
                value={values.deadlineTime}
                errors={errors}
                required
                maxLength={5}
              />
              <TextInput
                ctx={ctx}
                name="timeZone"
                label={t('questions.field.timeZone')}
                hint={t('questions.field.timeZoneHint')}
                value={values.timeZone}
                errors={errors}
                required
                maxLength={64}
              />
            </fieldset>
            <Select
              ctx={ctx}
              name="visibility"
              label={t('questions.field.visibility')}
              value={values.visibility}
              options={[
                { value: 'network', label: t('questions.visibility.network') },
                { value: 'public', label: t('questions.visibility.public') },
              ]}
              errors={errors}
            />
            <h2>{t('questions.ask.items')}</h2>
            <p class="field__hint">{t('questions.ask.itemsHint', { max: MAX_ITEMS })}</p>
            {Array.from({ length: props.rows }, (_, index) => {
              const n = index + 1;
              return (
                <fieldset>
                  <legend>{t('questions.ask.item', { n })}</legend>
                  <TextArea
                    ctx={ctx}
                    name={`item-${n}-text`}
                    label={t('questions.field.itemText', { n })}
                    value={values[`item-${n}-text`]}
                    errors={errors}
                    rows={2}
                  />
                  <Select
                    ctx={ctx}
                    name={`item-${n}-type`}
                    label={t('questions.field.itemType', { n })}
                    value={values[`item-${n}-type`]}
                    options={(['text', 'yes-no', 'number', 'choice'] as const).map((type) => ({
                      value: type,
                      label: t(TYPE_LABEL[type]),
                    }))}
                    errors={errors}
                  />
                  <TextArea
                    ctx={ctx}
                    name={`item-${n}-choices`}
                    label={t('questions.field.itemChoices', { n })}
                    hint={t('questions.field.itemChoicesHint')}
                    value={values[`item-${n}-choices`]}
                    errors={errors}
                    rows={3}
                  />
                </fieldset>
              );
            })}
            {props.rows < MAX_ITEMS ? (
              <p>
                <button type="submit" name="moreRows" value="1" class="button--secondary">
                  {t('questions.ask.moreRows')}
                </button>
              </p>
            ) : null}
            <p>
              <button type="submit">{t('questions.ask.submit')}</button>
            </p>
          </form>
        </>
      )}
    </Layout>
  );
}

export const defaultRows = FORM_ROWS;
