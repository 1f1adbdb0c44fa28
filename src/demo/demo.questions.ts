import type { Executor } from '../db/schema.ts';
import type { AnswerType } from '../questions/questions.tables.ts';
import { instantOf } from '../questions/questions.time.ts';
import type { LocalizedText } from '../web/language.ts';
import type { NetworkLifeIds } from './demo.ids.ts';

const DAY = 86_400_000;

interface DemoQuestion {
  key: string;
  network: string;
  organisation: string;
  askedBy: string;
  lang: 'es' | 'en' | 'fr' | 'pt';
  title: LocalizedText;
  background: LocalizedText;
  /** Days from the demo's loading: negative is in the past. */
  askedDaysAgo: number;
  deadlineInDays: number;
  deadlineLocal: string;
  timeZone: string;
  visibility: 'public' | 'network';
  items: { text: LocalizedText; type: AnswerType; choices?: LocalizedText[] }[];
  /** By organisation key: its country and its values by item position. */
  answers: {
    organisation: string;
    country: string;
    lang: 'es' | 'en' | 'fr' | 'pt';
    values: (string | null)[];
  }[];
}

/**
 * RICOMI's question on regularisation and humanitarian visas (seed 004), past its deadline; an
 * open RICOMI question on assisted returns, which Migración Colombia has still to answer; and the
 * Americas working group's question on Restoring Family Links, open.
 */
export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    key: 'ricomi-regularisation',
    network: 'ricomi',
    organisation: 'migracion-colombia',
    askedBy: 'focal.colombia@demo.puente.example',
    lang: 'es',
    title: {
      es: 'Regularización de personas migrantes en situación irregular y visas humanitarias',
      en: 'Regularising migrants in an irregular situation, and humanitarian visas',
      fr: 'Régularisation des personnes migrantes en situation irrégulière et visas humanitaires',
      pt: 'Regularização de pessoas migrantes em situação irregular e vistos humanitários',
    },
    background: {
      es: 'Migración Colombia prepara el taller de RICOMI sobre las lecciones de nuestras experiencias y quiere comparar los mecanismos de regularización de los países miembros.',
      en: 'Migración Colombia is preparing RICOMI’s workshop on the lessons of our experiences and wants to compare the member countries’ regularisation mechanisms.',
    },
    askedDaysAgo: 60,
    deadlineInDays: -20,
    deadlineLocal: '17:00',
    timeZone: 'America/Bogota',
    visibility: 'public',
    items: [
      {
        text: {
          es: '¿Cómo regulariza su país a las personas migrantes en situación irregular?',
          en: 'How does your country regularise migrants in an irregular situation?',
        },
        type: 'choice',
        choices: [
          { es: 'Programa general de regularización', en: 'General regularisation programme' },
          { es: 'Regularización caso por caso', en: 'Case-by-case regularisation' },
          { es: 'Ambos', en: 'Both' },
          { es: 'No existe un mecanismo', en: 'No mechanism' },
        ],
      },
      { text: { es: '¿Existe una visa humanitaria?', en: 'Is there a humanitarian visa?' }, type: 'yes-no' },
      {
        text: {
          es: '¿Cuántas personas fueron regularizadas en 2025?',
          en: 'How many people were regularised in 2025?',
        },
        type: 'number',
      },
      { text: { es: 'Observaciones', en: 'Comments' }, type: 'text' },
    ],
    answers: [
      {
        organisation: 'inm-mexico',
        country: 'MX',
        lang: 'es',
        values: ['2', 'yes', '48210', 'Tarjeta de Visitante por Razones Humanitarias, renovable.'],
      },
      {
        organisation: 'dgme-costa-rica',
        country: 'CR',
        lang: 'es',
        values: [
          '3',
          'no',
          '12875',
          'Categoría especial temporal para personas nicaragüenses, venezolanas y cubanas.',
        ],
      },
      {
        organisation: 'dnm-argentina',
        country: 'AR',
        lang: 'es',
        values: [
          '1',
          'yes',
          '30512',
          'Programa de visado humanitario para personas afectadas por la crisis.',
        ],
      },
      { organisation: 'migraciones-peru', country: 'PE', lang: 'es', values: ['2', 'no', null, null] },
    ],
  },
  {
    key: 'ricomi-returns',
    network: 'ricomi',
    organisation: 'inm-mexico',
    askedBy: 'focal.mexico@demo.puente.example',
    lang: 'es',
    title: {
      es: 'Retornos asistidos y reintegración en 2025',
      en: 'Assisted returns and reintegration in 2025',
    },
    background: {
      es: 'Para la reunión de alto nivel: cifras comparables de retorno asistido y de los programas de reintegración.',
    },
    askedDaysAgo: 12,
    deadlineInDays: 18,
    deadlineLocal: '18:00',
    timeZone: 'America/Mexico_City',
    visibility: 'network',
    items: [
      {
        text: {
          es: '¿Cuántos retornos asistidos hubo en 2025?',
          en: 'How many returns were assisted in 2025?',
        },
        type: 'number',
      },
      {
        text: {
          es: '¿Existe un programa de reintegración a la llegada?',
          en: 'Is there a reintegration programme on arrival?',
        },
        type: 'yes-no',
      },
      { text: { es: '¿Qué instituciones participan?', en: 'Which institutions take part?' }, type: 'text' },
    ],
    answers: [
      {
        organisation: 'dgme-costa-rica',
        country: 'CR',
        lang: 'es',
        values: ['1840', 'yes', 'DGME, OIM y Cruz Roja Costarricense.'],
      },
      { organisation: 'migraciones-peru', country: 'PE', lang: 'es', values: ['3215', 'no', null] },
    ],
  },
  {
    key: 'americas-rfl',
    network: 'americas-mwg',
    organisation: 'cruz-roja-mexicana',
    askedBy: 'focal.cruzroja@demo.puente.example',
    lang: 'en',
    title: {
      en: 'Restoring Family Links along the migration routes',
      es: 'Restablecimiento del contacto entre familiares en las rutas migratorias',
    },
    background: {
      en: 'For the next bimonthly teleconference: what each National Society offers to migrants in transit.',
    },
    askedDaysAgo: 5,
    deadlineInDays: 25,
    deadlineLocal: '12:00',
    timeZone: 'America/Mexico_City',
    visibility: 'network',
    items: [
      {
        text: {
          en: 'Does your National Society offer phone calls or charging points at migrant shelters?',
          es: '¿Ofrece su Sociedad Nacional llamadas o puntos de carga en los albergues?',
        },
        type: 'yes-no',
      },
      {
        text: {
          en: 'How many migrants in transit did you assist in 2025?',
          es: '¿Cuántas personas migrantes en tránsito asistió en 2025?',
        },
        type: 'number',
      },
      { text: { en: 'Main gaps', es: 'Principales brechas' }, type: 'text' },
    ],
    answers: [
      {
        organisation: 'american-red-cross',
        country: 'US',
        lang: 'en',
        values: ['yes', '15400', 'Tracing requests from families in Central America.'],
      },
      {
        organisation: 'cruz-roja-guatemalteca',
        country: 'GT',
        lang: 'es',
        values: ['yes', '62300', 'Cobertura en la frontera con México.'],
      },
    ],
  },
];

/** The demo's questions (network life, seeds 003 and 004). */
export async function loadDemoQuestions(tx: Executor, ids: NetworkLifeIds): Promise<void> {
  const now = Date.now();
  for (const q of DEMO_QUESTIONS) {
    // The deadline at the given local hour, in the asker's zone, `deadlineInDays` from today.
    const day = new Date(now + q.deadlineInDays * DAY).toISOString().slice(0, 10);
    const deadline = instantOf(day, q.deadlineLocal, q.timeZone)!;
    const askedAt = new Date(now - q.askedDaysAgo * DAY);
    const question = await tx
      .insertInto('network_questions')
      .values({
        network_id: ids.network(q.network),
        organisation_id: ids.organisation(q.organisation),
        asked_by: ids.user(q.askedBy),
        original_language: q.lang,
        title: JSON.stringify(q.title),
        background: JSON.stringify(q.background),
        deadline,
        deadline_time_zone: q.timeZone,
        visibility: q.visibility,
        created_at: askedAt,
        updated_at: askedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await tx
      .insertInto('network_question_items')
      .values(
        q.items.map((item, index) => ({
          question_id: question.id,
          position: index + 1,
          text: JSON.stringify(item.text),
          answer_type: item.type,
          choices: JSON.stringify(item.choices ?? []),
        })),
      )
      .returning(['id', 'position'])
      .execute();
    for (const [index, answer] of q.answers.entries()) {
      const submitted = new Date(askedAt.getTime() + (index + 2) * DAY);
      const row = await tx
        .insertInto('network_question_answers')
        .values({
          question_id: question.id,
          organisation_id: ids.organisation(answer.organisation),
          country: answer.country,
          language: answer.lang,
          submitted_at: submitted,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const values = answer.values.flatMap((value, i) =>
        value === null
          ? []
          : [{ answer_id: row.id, item_id: items.find((item) => item.position === i + 1)!.id, value }],
      );
      if (values.length > 0) await tx.insertInto('network_question_answer_values').values(values).execute();
    }
  }
}
