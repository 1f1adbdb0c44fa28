import type { FieldError } from '../http/problems.ts';
import type { Children, PageContext } from './render.tsx';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}

export function errorFor(errors: FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

/** The list of a form's errors at its top, each linking to its field (GOV.UK pattern). */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{ctx.t('form.errorSummary', { count: errors.length })}</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={`#field-${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  children?: Children;
}

/** A labelled form field with its hint and error, wired with aria-describedby. */
export function Field({ ctx, name, label, hint, error, required, children }: FieldProps) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`field-${name}`}>
        {label}
        {required ? <span class="field__required"> ({ctx.t('form.required')})</span> : null}
      </label>
      {hint ? (
        <p class="field__hint" id={`field-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

interface TextInputProps {
  ctx: PageContext;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'date';
  value?: string | undefined;
  hint?: string;
  errors?: FieldError[] | undefined;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  /** The language of the text expected, when it is not the page's. */
  lang?: string | undefined;
  inputMode?: 'decimal' | 'numeric' | undefined;
}

/** The ids that describe a field's control: its hint and its error, when it has them. */
export function describedByOf(name: string, hint: string | undefined, error: unknown): string | undefined {
  const ids = [hint ? `field-${name}-hint` : null, error ? `field-${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextInput(props: TextInputProps) {
  const error = errorFor(props.errors, props.name);
  const describedBy = describedByOf(props.name, props.hint, error);
  return (
    <Field
      ctx={props.ctx}
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
    >
      <input
        id={`field-${props.name}`}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        lang={props.lang}
        inputMode={props.inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </Field>
  );
}

export interface TextAreaProps {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  value: string | undefined;
  errors: FieldError[] | undefined;
  rows?: number;
  maxLength?: number | undefined;
  required?: boolean;
  /** The language of the text expected, when it is not the page's. */
  lang?: string | undefined;
}

/** A labelled text area with its hint and error, wired as TextInput is. */
export function TextArea(props: TextAreaProps) {
  const error = errorFor(props.errors, props.name);
  const describedBy = describedByOf(props.name, props.hint, error);
  return (
    <Field
      ctx={props.ctx}
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
    >
      <textarea
        id={`field-${props.name}`}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        required={props.required}
        lang={props.lang}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}

export function PageHeading({ children }: { children: Children }) {
  return <h1 class="page-heading">{children}</h1>;
}

/** A notice after an action ("Your password was changed."). */
export function Notice({ children, kind = 'success' }: { children: Children; kind?: 'success' | 'info' }) {
  return (
    <div class={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => Children;
}

/** A captioned table with column headers, scrolling sideways on narrow screens. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {columns.map((column) => (
                <td>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A labelled select with its error; `empty` adds a first, empty option ("choose…"). */
export function Select(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  errors: FieldError[] | undefined;
  required?: boolean;
  empty?: string;
}) {
  const error = errorFor(props.errors, props.name);
  return (
    <Field ctx={props.ctx} name={props.name} label={props.label} error={error} required={props.required}>
      <select
        id={`field-${props.name}`}
        name={props.name}
        required={
          props.required && props.empty !== undefined /* without an empty first option, HTML forbids it */
        }
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `field-${props.name}-error` : undefined}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * One facet of a search form: a checkbox for each value with its count. The chosen values are
 * checked, and kept as options even when no result has them any more, so they can be unticked.
 */
export function FacetFieldset(props: {
  name: string;
  legend: string;
  options: ReadonlyMap<string, { label: string; count: number }>;
  chosen: ReadonlySet<string>;
}) {
  if (props.options.size === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{props.legend}</legend>
      <ul class="facet__options">
        {[...props.options].map(([value, option]) => {
          const id = `facet-${props.name}-${value}`;
          return (
            <li>
              <input
                type="checkbox"
                id={id}
                name={props.name}
                value={value}
                checked={props.chosen.has(value)}
              />{' '}
              <label for={id}>
                {option.label} <span class="meta">({option.count})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
