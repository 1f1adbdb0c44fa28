import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { pickText } from '../web/language.ts';
import { canManagePractice } from './practices.access.ts';
import { listAttachments } from './practices.attachments.ts';
import { practiceAttachmentRoutes } from './practices.attachments.routes.tsx';
import { createPractice, revisePractice } from './practices.commands.ts';
import { checkContent, toContent } from './practices.content.ts';
import { findNetworkIdBySlug } from '../directory/index.ts';
import {
  type DetailChoices,
  type SetupChoices,
  detailChoices,
  rulesOf,
  setupChoices,
} from './practices.form.options.ts';
import {
  type FormReading,
  type PracticeFormBody,
  type PracticeFormValues,
  PracticeForm,
  emptyValues,
  formErrorsFor,
  readPracticeForm,
  valuesFromContent,
} from './practices.form.values.ts';
import {
  type FormNotice,
  type PracticeFormProps,
  PracticeFormPage,
  PracticeSetupPage,
} from './practices.form.views.tsx';
import { isContentLanguage } from './practices.languages.ts';
import * as repo from './practices.repository.ts';

/**
 * The practice form (a new draft, a revision) and the attachments of a practice. Pages under
 * /{lang}/practices/…; the upload also as /api/v1/practices/{id}/attachments.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageId = Type.String({ maxLength: 200 });
const PageParams = Type.Object({ lang: LangParams.properties.lang, id: pageId });
const SetupQuery = Type.Object({
  network: Type.Optional(Type.String({ maxLength: 200 })),
  organisation: Type.Optional(Type.String({ maxLength: 200 })),
  language: Type.Optional(Type.String({ maxLength: 20 })),
  change: Type.Optional(Type.String({ maxLength: 5 })),
});
const EditQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) });

/** A practice's texts fit in 1 MB of text, but percent-encoded accents take up to nine bytes each. */
const FORM_BODY_LIMIT = 4 * 1024 * 1024;

const NOTICES: readonly FormNotice[] = ['created', 'saved', 'attached', 'deleted'];
const noticeOf = (value: string | undefined): FormNotice | undefined =>
  NOTICES.find((notice) => notice === value);

type Lang = 'fr' | 'es' | 'en' | 'pt';

export async function practicesFormRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const attachmentLimit = app.deps.config.attachmentLimit;
  const formBodyLimit = Math.max(app.deps.config.bodyLimit, FORM_BODY_LIMIT);

  /** The practice, for those who manage it: unknown is 404, another organisation's is 403. */
  async function managedPractice(request: FastifyRequest, id: string) {
    const practice = UUID.test(id) ? await repo.findPractice(db, id) : null;
    if (!practice) throw new HttpProblem('not-found');
    if (!canManagePractice(request.principal, practice)) throw new HttpProblem('forbidden');
    return practice;
  }

  // ---- A new practice: step one, then the form ------------------------------------------------

  /** Checks the choices of step one against what this person may submit for. */
  async function resolveSetup(
    actor: Principal,
    wanted: { network: string; organisation: string; language: string },
    t: FastifyRequest['t'],
    checkLanguage = true,
    known?: SetupChoices,
  ) {
    const setup = known ?? (await setupChoices(db, actor));
    const errors: FieldError[] = [];
    const network = setup.networks.find((n) => n.slug === wanted.network);
    if (!network) errors.push({ field: 'network', message: t('practiceForm.error.choose') });
    const organisation = setup.organisations.find((o) => o.id === wanted.organisation);
    if (!organisation)
      errors.push({
        field: 'organisation',
        message:
          wanted.organisation !== '' && network && isSecretariat(actor, network.id)
            ? t('practices.error.notAMember')
            : t('practiceForm.error.choose'),
      });
    else if (
      network &&
      (!setup.members.get(network.id)?.has(organisation.id) ||
        (!isSecretariat(actor, network.id) && actor.organisationId !== organisation.id))
    )
      errors.push({ field: 'organisation', message: t('practices.error.notAMember') });
    if (checkLanguage && !isContentLanguage(wanted.language))
      errors.push({ field: 'language', message: t('practiceForm.error.choose') });
    return { setup, errors, network, organisation };
  }

  function setupUrl(lang: Lang, values: { network: string; organisation: string; language: string }) {
    const query = new URLSearchParams({ ...values, change: '1' });
    return `/${lang}/practices/new?${query.toString()}`;
  }

  app.get(
    `${L}/practices/new`,
    {
      schema: { params: LangParams, querystring: SetupQuery },
      config: {
        access: 'own-organisation',
        // Every focal point may open a blank form for their own organisation: the matrix's
        // "focal point of another organisation" is allowed here, and the tests cover who is not.
        harness: { skipMatrix: 'any focal point drafts for their own organisation' },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const actor = request.principal!;
      const query = request.query;
      const ctx = pageContext(request, reply);
      const setup = await setupChoices(db, actor);
      const network = query.network ?? (setup.networks.length === 1 ? setup.networks[0]!.slug : '');
      const networkId = setup.networks.find((n) => n.slug === network)?.id;
      const members = networkId ? (setup.members.get(networkId) ?? new Set<string>()) : new Set<string>();
      const organisation =
        query.organisation ??
        (actor.organisationId && members.has(actor.organisationId)
          ? actor.organisationId
          : members.size === 1
            ? [...members][0]!
            : '');
      const wanted = { network, organisation, language: query.language ?? lang };
      const asked =
        query.network !== undefined || query.organisation !== undefined || query.language !== undefined;
      const resolved = await resolveSetup(actor, wanted, request.t, true, setup);
      if (query.change !== undefined || resolved.errors.length > 0) {
        return sendHtml(
          reply,
          <PracticeSetupPage
            ctx={ctx}
            networks={setup.networks}
            organisations={setup.organisations}
            values={wanted}
            errors={asked && query.change === undefined ? resolved.errors : undefined}
          />,
          asked && query.change === undefined && resolved.errors.length > 0 ? 400 : 200,
        );
      }
      const choices = await detailChoices(db, resolved.network!.id, resolved.organisation!.id, true);
      const values: PracticeFormValues = {
        ...emptyValues(wanted.language),
        network: resolved.network!.slug,
        organisationId: resolved.organisation!.id,
      };
      return sendHtml(
        reply,
        <PracticeFormPage
          ctx={ctx}
          mode="new"
          action={`/${lang}/practices`}
          values={values}
          choices={choices}
          changeUrl={setupUrl(lang, wanted)}
        />,
      );
    },
  );

  app.post(
    `${L}/practices`,
    {
      schema: { params: LangParams, body: PracticeForm },
      attachValidation: true,
      bodyLimit: formBodyLimit,
      config: {
        access: 'own-organisation',
        harness: {
          body: { network: 'matrix-network', originalLanguage: 'en', 'title.en': 'Matrix practice' },
          bodyParams: { organisationId: 'owningOrganisation' },
        },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const actor = request.principal!;
      const body = (request.body ?? {}) as PracticeFormBody;
      const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
      const wanted = {
        network: text(body.network),
        organisation: text(body.organisationId),
        language: text(body.originalLanguage),
      };
      // Authorization first: drafting for another organisation is for its network's secretariat.
      const network = await findNetworkIdBySlug(db, wanted.network);
      if (actor.organisationId !== wanted.organisation && !isSecretariat(actor, network?.id)) {
        throw new HttpProblem('forbidden');
      }
      // The language is checked with the rest of the form, so that the text typed is shown again.
      const resolved = await resolveSetup(actor, wanted, request.t, false);
      if (resolved.errors.length > 0) {
        return sendHtml(
          reply,
          <PracticeSetupPage
            ctx={pageContext(request, reply)}
            networks={resolved.setup.networks}
            organisations={resolved.setup.organisations}
            values={wanted}
            errors={resolved.errors}
          />,
          400,
        );
      }
      const networkId = resolved.network!.id;
      const choices = await detailChoices(db, networkId, resolved.organisation!.id, true);
      const reading = readPracticeForm(body, rulesOf(choices), request.t);
      const page = (errors: FieldError[], status: number) =>
        sendHtml(
          reply,
          <PracticeFormPage
            ctx={pageContext(request, reply)}
            mode="new"
            action={`/${lang}/practices`}
            values={reading.values}
            choices={choices}
            errors={errors}
            changeUrl={setupUrl(lang, wanted)}
          />,
          status,
        );
      const own = [...reading.errors, ...(formErrors(request) ?? [])];
      if (own.length > 0) return page(await withDomainErrors(reading, own, networkId, request.t), 400);
      const result = await createPractice(
        db,
        actor,
        {
          ...reading.content,
          network: resolved.network!.slug,
          organisationId: resolved.organisation!.id,
          callId: reading.values.callId || null,
        },
        request.t,
      );
      if (!result.ok) return page(formErrorsFor(reading, [], result.errors, true), 400);
      return seeOther(reply, `/${lang}/practices/${result.value.id}/edit?notice=created`);
    },
  );

  /**
   * The form found errors of its own: the domain's rules (title in the original language, a period
   * that ends before it starts, "not communicated" on a filled field…) are read too, without saving,
   * so that the person sees everything to correct at once.
   */
  async function withDomainErrors(
    reading: FormReading,
    own: FieldError[],
    networkId: string,
    t: FastifyRequest['t'],
  ) {
    const domain = await checkContent(db, toContent(reading.content), networkId, t);
    return formErrorsFor(reading, own, domain, true);
  }

  // ---- Revising a practice --------------------------------------------------------------------

  /** The edit page: the working draft (or the published version) in the form, and the attachments. */
  async function renderEdit(
    request: FastifyRequest<{ Params: { lang: Lang; id: string } }>,
    reply: FastifyReply,
    practice: repo.PracticeRow,
    options: {
      values?: PracticeFormValues;
      errors?: FieldError[];
      version?: number;
      notice?: FormNotice | undefined;
      conflict?: boolean;
      status?: number;
      choices?: DetailChoices;
    } = {},
  ) {
    const { lang, id } = request.params;
    const t = request.t;
    const working = practice.workingVersionId ? await repo.findVersion(db, practice.workingVersionId) : null;
    const published = practice.publishedVersionId
      ? await repo.findVersion(db, practice.publishedVersionId)
      : null;
    const shown = working ?? published;
    if (!shown) throw new HttpProblem('not-found');
    const choices =
      options.choices ?? (await detailChoices(db, practice.networkId, practice.organisationId, false));
    const saved = { ...valuesFromContent(shown.content), network: choices.network.slug };
    let blocked: string | undefined;
    // After a POST the person's text is always shown again, even if the practice moved on meanwhile.
    if (!options.values) {
      if (practice.status === 'withdrawn' || practice.status === 'archived')
        blocked = t('practices.error.notEditable');
      else if (working && (working.state === 'submitted' || working.state === 'in-review'))
        blocked = t('practices.error.underReview');
    }
    const title = pickText(shown.content.title as Record<Lang, string>, lang);
    const props: PracticeFormProps = {
      ctx: pageContext(request, reply),
      mode: 'edit',
      action: `/${lang}/practices/${id}/edit`,
      values: options.values ?? saved,
      choices,
      errors: options.errors,
      version: options.version ?? practice.version,
      practiceId: id,
      notice: options.notice,
      blocked,
      published: practice.publishedVersionId !== null && (!working || working.state !== 'draft'),
      conflict: options.conflict
        ? { saved, currentUrl: `/${lang}/practices/${id}?version=working` }
        : undefined,
      attachments: { items: await listAttachments(db, id), limit: attachmentLimit },
      heading: title ?? undefined,
    };
    return sendHtml(reply, <PracticeFormPage {...props} />, options.status ?? 200);
  }

  app.get(
    `${L}/practices/:id/edit`,
    {
      schema: { params: PageParams, querystring: EditQuery },
      config: { access: 'own-organisation', harness: { params: { id: 'ownPractice' } } },
    },
    async (request, reply) => {
      const practice = await managedPractice(request, request.params.id);
      return renderEdit(request, reply, practice, { notice: noticeOf(request.query.notice) });
    },
  );

  app.post(
    `${L}/practices/:id/edit`,
    {
      schema: { params: PageParams, body: PracticeForm },
      attachValidation: true,
      bodyLimit: formBodyLimit,
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownPractice' },
          body: { originalLanguage: 'en', 'title.en': 'Matrix practice, revised', version: '2' },
        },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const practice = await managedPractice(request, id);
      const choices = await detailChoices(db, practice.networkId, practice.organisationId, false);
      const body = (request.body ?? {}) as PracticeFormBody;
      const reading = readPracticeForm(body, rulesOf(choices), request.t);
      reading.values.network = choices.network.slug;
      const page = (
        errors: FieldError[],
        status: number,
        extra: { version?: number; conflict?: boolean } = {},
      ) =>
        renderEdit(request, reply, practice, {
          values: reading.values,
          errors,
          version: extra.version ?? reading.version ?? practice.version,
          conflict: extra.conflict,
          status,
          choices,
        });
      const own = [...reading.errors, ...(formErrors(request) ?? [])];
      if (reading.version === null)
        own.push({ field: 'version', message: request.t('practiceForm.error.version') });
      if (own.length > 0)
        return page(await withDomainErrors(reading, own, practice.networkId, request.t), 400);
      const result = await revisePractice(
        db,
        request.principal!,
        id,
        { ...reading.content, version: reading.version! },
        request.t,
      );
      if (result.ok) return seeOther(reply, `/${lang}/practices/${id}/edit?notice=saved`);
      if ('conflict' in result) {
        // What they typed stays in the form, now carrying the current version: saving again is a choice.
        const current = (await repo.findPractice(db, id)) ?? practice;
        return renderEdit(request, reply, current, {
          values: reading.values,
          version: current.version,
          conflict: true,
          status: 409,
          choices,
        });
      }
      return page(formErrorsFor(reading, [], result.errors, true), 400);
    },
  );

  // ---- Attachments: the upload form sits on the edit page, which shows its errors -------------

  await practiceAttachmentRoutes(app, (request, reply, practice, errors, status) =>
    renderEdit(request, reply, practice, { errors, status }),
  );
}
