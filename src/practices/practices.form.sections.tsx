import type { FieldError } from '../http/problems.ts';
import { Field, errorFor, TextInput } from '../web/components.tsx';
import type { PageContext } from '../web/render.tsx';
import {
  ChoiceSelect,
  CheckboxList,
  CountryChoice,
  NotCommunicatedBox,
  ROLE_LABELS,
  STAGE_LABELS,
  organisationLabel,
  sortedOrganisations,
  vocabularyOptions,
} from './practices.form.fields.tsx';
import type { DetailChoices } from './practices.form.options.ts';
import { type PracticeFormValues, MAX_ACTOR_ROWS, MAX_LINK_ROWS } from './practices.form.values.ts';
import { ACTOR_ROLES } from './practices.schemas.ts';

/** The form's sections after the texts: who, where and when; the classification; sources and contact. */

export type SectionProps = {
  ctx: PageContext;
  values: PracticeFormValues;
  choices: DetailChoices;
  errors: FieldError[] | undefined;
};

/** Rows shown: every row typed, and a few empty ones to add more. */
const rowCount = (typed: number, minimum: number, spare: number, maximum: number) =>
  Math.min(maximum, Math.max(minimum, typed + spare));

export function WhoWhereWhen({ ctx, values, choices, errors }: SectionProps) {
  const t = ctx.t;
  const organisations = sortedOrganisations(ctx, choices.actorOrganisations).map(
    ({ organisation, label }) => ({
      value: organisation.id,
      label: label.text,
      lang: label.lang,
    }),
  );
  const roles = ACTOR_ROLES.map((role) => ({ value: role, label: t(ROLE_LABELS[role]!) }));
  const rows = rowCount(values.actors.length, 6, 2, MAX_ACTOR_ROWS);
  const actorsError = errorFor(errors, 'actors');
  return (
    <section aria-labelledby="section-who">
      <h2 id="section-who">{t('practiceForm.section.who')}</h2>
      <fieldset
        id="field-actors"
        aria-describedby={actorsError ? 'field-actors-hint field-actors-error' : 'field-actors-hint'}
      >
        <legend>{t('practices.field.actors')}</legend>
        <p class="field__hint" id="field-actors-hint">
          {t('practiceForm.actors.hint')}
        </p>
        {actorsError ? (
          <p class="field__error" id="field-actors-error">
            {actorsError}
          </p>
        ) : null}
        {Array.from({ length: rows }, (_, row) => (
          <fieldset>
            <legend>{t('practiceForm.actors.row', { number: row + 1 })}</legend>
            <ChoiceSelect
              ctx={ctx}
              name={`actors.${row}.organisationId`}
              label={t('practiceForm.actors.organisation')}
              value={values.actors[row]?.organisationId ?? ''}
              empty={t('practiceForm.none')}
              options={organisations}
              errors={errors}
            />
            <ChoiceSelect
              ctx={ctx}
              name={`actors.${row}.role`}
              label={t('practiceForm.actors.role')}
              value={values.actors[row]?.role ?? ''}
              empty={t('practiceForm.none')}
              options={roles}
              errors={errors}
            />
          </fieldset>
        ))}
        <NotCommunicatedBox
          ctx={ctx}
          field="actors"
          checked={values.notCommunicated.includes('actors')}
          errors={errors}
        />
      </fieldset>
      <CountryChoice
        ctx={ctx}
        chosen={values.countries}
        errors={errors}
        notCommunicated={values.notCommunicated.includes('countries')}
      />
      <fieldset id="field-period">
        <legend>{t('practices.field.period')}</legend>
        <TextInput
          type="date"
          hint={ctx.t('practiceForm.period.hint')}
          ctx={ctx}
          name="periodStart"
          label={t('practiceForm.period.start')}
          value={values.periodStart}
          errors={errors}
        />
        <TextInput
          type="date"
          hint={ctx.t('practiceForm.period.hint')}
          ctx={ctx}
          name="periodEnd"
          label={t('practiceForm.period.end')}
          value={values.periodEnd}
          errors={errors}
        />
        <p>
          <input type="checkbox" id="field-ongoing" name="ongoing" value="1" checked={values.ongoing} />{' '}
          <label for="field-ongoing">{t('practiceForm.period.ongoing')}</label>
        </p>
        <NotCommunicatedBox
          ctx={ctx}
          field="period"
          checked={values.notCommunicated.includes('period')}
          errors={errors}
        />
      </fieldset>
      <ChoiceSelect
        ctx={ctx}
        name="modality"
        label={t('practices.field.modality')}
        value={values.modality}
        empty={t('practiceForm.none')}
        options={vocabularyOptions('cooperation-modalities', ctx.lang)}
        errors={errors}
      />
      <NotCommunicatedBox
        ctx={ctx}
        field="modality"
        checked={values.notCommunicated.includes('modality')}
        errors={errors}
      />
    </section>
  );
}

export function Classification({ ctx, values, choices, errors }: SectionProps) {
  const t = ctx.t;
  const principles = (['design', 'implementation'] as const).flatMap((stage) =>
    choices.principles
      .filter((principle) => principle.stage === stage)
      .map((principle) => {
        const label = organisationLabel(ctx, { id: principle.code, name: principle.label, acronym: {} });
        return {
          value: principle.code,
          label: t('practiceForm.principle.option', {
            stage: t(STAGE_LABELS[stage]!),
            code: principle.code,
            label: label.text,
          }),
          lang: label.lang,
        };
      }),
  );
  return (
    <section aria-labelledby="section-classification">
      <h2 id="section-classification">{t('practiceForm.section.classification')}</h2>
      <CheckboxList
        ctx={ctx}
        name="migrationStages"
        legend={t('practices.field.migrationStages')}
        options={vocabularyOptions('migration-stages', ctx.lang)}
        chosen={values.codes.migrationStages}
        errors={errors}
      >
        <NotCommunicatedBox
          ctx={ctx}
          field="migrationStages"
          checked={values.notCommunicated.includes('migrationStages')}
          errors={errors}
        />
      </CheckboxList>
      <CheckboxList
        ctx={ctx}
        name="targetGroups"
        legend={t('practices.field.targetGroups')}
        options={vocabularyOptions('target-groups', ctx.lang)}
        chosen={values.codes.targetGroups}
        errors={errors}
      >
        <NotCommunicatedBox
          ctx={ctx}
          field="targetGroups"
          checked={values.notCommunicated.includes('targetGroups')}
          errors={errors}
        />
      </CheckboxList>
      <CheckboxList
        ctx={ctx}
        name="gcmObjectives"
        legend={t('practices.field.gcmObjectives')}
        options={vocabularyOptions('gcm-objectives', ctx.lang, true)}
        chosen={values.codes.gcmObjectives}
        errors={errors}
      />
      <CheckboxList
        ctx={ctx}
        name="gcmPrinciples"
        legend={t('practices.field.gcmPrinciples')}
        options={vocabularyOptions('gcm-principles', ctx.lang)}
        chosen={values.codes.gcmPrinciples}
        errors={errors}
      />
      <CheckboxList
        ctx={ctx}
        name="thematicAreas"
        legend={t('practices.field.thematicAreas')}
        options={vocabularyOptions('iom-areas', ctx.lang)}
        chosen={values.codes.thematicAreas}
        errors={errors}
      />
      {principles.length > 0 || errorFor(errors, 'smartPrinciples') ? (
        <CheckboxList
          ctx={ctx}
          name="smartPrinciples"
          legend={t('practices.field.smartPrinciples')}
          hint={t('practiceForm.principles.hint')}
          options={principles}
          chosen={values.smartPrinciples}
          errors={errors}
        />
      ) : null}
    </section>
  );
}

export function SourcesAndContact({ ctx, values, choices, errors }: SectionProps) {
  const t = ctx.t;
  const rows = rowCount(values.links.length, 3, 2, MAX_LINK_ROWS);
  return (
    <section aria-labelledby="section-sources">
      <h2 id="section-sources">{t('practiceForm.section.sources')}</h2>
      <fieldset id="field-links">
        <legend>{t('practices.field.links')}</legend>
        {Array.from({ length: rows }, (_, row) => (
          <fieldset>
            <legend>{t('practiceForm.links.row', { number: row + 1 })}</legend>
            <LinkInput
              ctx={ctx}
              name={`links.${row}.url`}
              label={t('practiceForm.links.url')}
              type="url"
              value={values.links[row]?.url}
              errors={errors}
            />
            <LinkInput
              ctx={ctx}
              name={`links.${row}.label`}
              label={t('practiceForm.links.label')}
              type="text"
              value={values.links[row]?.label}
              errors={errors}
            />
          </fieldset>
        ))}
        <NotCommunicatedBox
          ctx={ctx}
          field="links"
          checked={values.notCommunicated.includes('links')}
          errors={errors}
        />
      </fieldset>
      <ChoiceSelect
        ctx={ctx}
        name="contactFocalPointId"
        label={t('practices.field.contact')}
        hint={t('practiceForm.contact.hint')}
        value={values.contactFocalPointId}
        empty={t('practiceForm.none')}
        options={choices.focalPoints.map((focalPoint) => ({
          value: focalPoint.id,
          label: focalPoint.title ? `${focalPoint.name} (${focalPoint.title})` : focalPoint.name,
        }))}
        errors={errors}
      />
      <NotCommunicatedBox
        ctx={ctx}
        field="contact"
        checked={values.notCommunicated.includes('contact')}
        errors={errors}
      />
    </section>
  );
}

function LinkInput(props: {
  ctx: PageContext;
  name: string;
  label: string;
  type: 'url' | 'text';
  value: string | undefined;
  errors: FieldError[] | undefined;
}) {
  const error = errorFor(props.errors, props.name);
  return (
    <Field ctx={props.ctx} name={props.name} label={props.label} error={error}>
      <input
        type={props.type as 'text'}
        id={`field-${props.name}`}
        name={props.name}
        value={props.value ?? ''}
        maxLength={props.type === 'url' ? 1000 : 300}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `field-${props.name}-error` : undefined}
      />
    </Field>
  );
}
