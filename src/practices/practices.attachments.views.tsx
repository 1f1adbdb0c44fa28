import type { FieldError } from '../http/problems.ts';
import { CsrfField, DataTable, errorFor } from '../web/components.tsx';
import type { PageContext } from '../web/render.tsx';
import { ATTACHMENT_TYPES, TYPE_NAMES, formatSize } from './practices.attachments.ts';

/**
 * The attachments of a practice with the form that adds one and a delete button per file, for
 * those who manage the practice. The edit page shows it; the practice page may too (`returnTo`
 * says where the person goes back to after an upload or a deletion).
 */
export function AttachmentsSection(props: {
  ctx: PageContext;
  practiceId: string;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
  limit: number;
  errors?: FieldError[] | undefined;
  returnTo?: 'edit' | 'practice';
}) {
  const { ctx, practiceId } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/practices/${practiceId}/attachments`;
  const returnTo = props.returnTo ?? 'edit';
  const error = errorFor(props.errors, 'file');
  const accept = [
    ...Object.keys(ATTACHMENT_TYPES),
    ...Object.values(ATTACHMENT_TYPES).flatMap((extensions) =>
      extensions.map((extension) => `.${extension}`),
    ),
  ].join(',');
  return (
    <section id="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('practices.field.attachments')}</h2>
      {props.attachments.length === 0 ? (
        <p>{t('practiceForm.attachments.none')}</p>
      ) : (
        <DataTable
          caption={t('practiceForm.attachments.caption')}
          rows={props.attachments}
          columns={[
            {
              header: t('practiceForm.attachments.file'),
              cell: (row) => (
                <a href={`${base}/${row.id}`} download={row.fileName}>
                  {row.fileName}
                </a>
              ),
            },
            {
              header: t('practiceForm.attachments.type'),
              cell: (row) => TYPE_NAMES[row.mediaType] ?? row.mediaType,
            },
            { header: t('practiceForm.attachments.size'), cell: (row) => formatSize(row.sizeBytes, t) },
            {
              header: t('practiceForm.attachments.actions'),
              cell: (row) => (
                <form method="post" action={`${base}/${row.id}/delete`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <button type="submit" class="button--secondary">
                    {t('practiceForm.attachments.delete', { name: row.fileName })}
                  </button>
                </form>
              ),
            },
          ]}
        />
      )}
      <form method="post" action={base} enctype="multipart/form-data" class="form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <div class={error ? 'field field--error' : 'field'}>
          <label for="field-file">{t('practiceForm.attachments.choose')}</label>
          <p class="field__hint" id="field-file-hint">
            {t('practiceForm.attachments.hint', { limit: formatSize(props.limit, t) })}
          </p>
          {error ? (
            <p class="field__error" id="field-file-error">
              {error}
            </p>
          ) : null}
          <input
            type="file"
            id="field-file"
            name="file"
            accept={accept}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'field-file-hint field-file-error' : 'field-file-hint'}
          />
        </div>
        <button type="submit">{t('practiceForm.attachments.upload')}</button>
      </form>
    </section>
  );
}
