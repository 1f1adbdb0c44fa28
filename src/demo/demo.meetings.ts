import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type {
  ActionItemStatus,
  MeetingKind,
  ParticipantRole,
  RsvpResponse,
} from '../meetings/meetings.tables.ts';
import type { NetworkLifeIds } from './demo.ids.ts';

/*
 * The demo's meetings (seeds 003 and 004): the Americas working group's bimonthly teleconferences
 * and its annual meeting with the ICRC as observer, PERCO's annual meeting, RICOMI's workshop and
 * high-level meeting. Dates are relative to the day the demo is loaded, in the organiser's time
 * zone (luxon), so that the demo always has past meetings with minutes and upcoming ones; stored
 * in UTC. Action items fall due around the load date: one is overdue, one due within three days.
 */

/** A local wall time `months` months from this month, on `day` at `hour`:`minute`, in `zone`. */
function localTime(zone: string, months: number, day: number, hour: number, minute = 0): DateTime {
  return DateTime.now().setZone(zone).startOf('month').plus({ months }).set({ day, hour, minute });
}
/** A due date `days` days from the load date. */
const dueIn = (days: number) => DateTime.utc().startOf('day').plus({ days }).toISODate()!;

type Owner = { user: string } | { organisation: string };

interface DemoAction {
  title: string;
  language: string;
  owner: Owner;
  dueInDays: number;
  status?: ActionItemStatus;
  note?: string;
  /** The position (1-based) of the decision it comes from. */
  decision?: number;
}

interface DemoMeeting {
  key: string;
  network: string;
  kind: MeetingKind;
  language: string;
  title: LocalizedText;
  description: LocalizedText;
  zone: string;
  starts: DateTime;
  minutesLong: number;
  place?: string;
  onlineUrl?: string;
  visibility: 'public' | 'network';
  series?: { id: string; rule: string };
  agenda: { title: LocalizedText; minutes?: number; presenter?: string }[];
  invite: { organisations?: string[]; users?: string[]; observers?: string[] };
  rsvps?: { user: string; response: RsvpResponse; comment?: string }[];
  attendance?: { organisation?: string; user?: string; role?: ParticipantRole }[];
  minutes?: { language: string; status: 'draft' | 'approved'; body: string; by: string }[];
  decisions?: { language: string; text: LocalizedText }[];
  actions?: DemoAction[];
}

const MWG_ZONE = 'America/Panama';
const MWG_MEMBERS = [
  'cruz-roja-mexicana',
  'american-red-cross',
  'canadian-red-cross',
  'cruz-roja-guatemalteca',
  'cruz-roja-hondurena',
  'cruz-roja-salvadorena',
  'cruz-roja-colombiana',
  'cruz-roja-costarricense',
  'cruz-roja-panamena',
];
const RICOMI_MEMBERS = [
  'migracion-colombia',
  'inm-mexico',
  'dgme-costa-rica',
  'dnm-argentina',
  'migraciones-peru',
  'sermig-chile',
];
const PERCO_MEMBERS = [
  'croix-rouge-francaise',
  'german-red-cross',
  'italian-red-cross',
  'spanish-red-cross',
  'swedish-red-cross',
  'british-red-cross',
  'belgian-red-cross',
];

const CALL_TITLE: LocalizedText = {
  es: 'Teleconferencia bimestral del Grupo de Trabajo sobre Migración',
  en: 'Bimonthly teleconference of the Migration Working Group',
  fr: 'Téléconférence bimensuelle du Groupe de travail sur la migration',
  pt: 'Teleconferência bimestral do Grupo de Trabalho sobre Migração',
};
const CALL_DESCRIPTION: LocalizedText = {
  es: 'Intercambio de información entre los coordinadores de migración de las Sociedades Nacionales: rutas migratorias, repatriación, financiación, sociedad civil y cambios legislativos.',
  en: 'Information exchange among the National Societies’ migration coordinators: migration routes, repatriation, funding, civil society and legislative changes.',
};
const CALL_AGENDA: DemoMeeting['agenda'] = [
  { title: { es: 'Evolución de las rutas migratorias', en: 'Changing migration routes' }, minutes: 25 },
  { title: { es: 'Repatriación y retorno', en: 'Repatriation and return' }, minutes: 20 },
  { title: { es: 'Financiación y sociedad civil', en: 'Funding and civil society' }, minutes: 20 },
  {
    title: {
      es: 'Cambios legislativos de interés para las Sociedades Nacionales',
      en: 'Legislative changes of interest to National Societies',
    },
    minutes: 15,
  },
];

/** The working group's calls: every two months, three behind and three ahead of the load date. */
function bimonthlyCalls(): DemoMeeting[] {
  const series = { id: crypto.randomUUID(), rule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=6' };
  return [-5, -3, -1, 1, 3, 5].map((months, index) => {
    const past = months < 0;
    const meeting: DemoMeeting = {
      key: `mwg-call-${index + 1}`,
      network: 'americas-mwg',
      kind: 'teleconference',
      language: 'es',
      title: CALL_TITLE,
      description: CALL_DESCRIPTION,
      zone: MWG_ZONE,
      starts: localTime(MWG_ZONE, months, 10, 10),
      minutesLong: 90,
      onlineUrl: 'https://meet.example.org/americas-mwg',
      visibility: 'network',
      series,
      agenda: CALL_AGENDA,
      invite: {
        organisations: MWG_MEMBERS,
        users: ['perco@demo.puente.example', 'member@demo.puente.example'],
      },
    };
    if (!past && months === 1)
      meeting.rsvps = [
        { user: 'focal.cruzroja@demo.puente.example', response: 'yes' },
        { user: 'member@demo.puente.example', response: 'maybe', comment: 'Talvez me atrase 15 minutos.' },
        { user: 'perco@demo.puente.example', response: 'no', comment: 'Réunion de la PERCO le même jour.' },
      ];
    if (past)
      meeting.attendance = [
        { organisation: 'cruz-roja-mexicana', user: 'focal.cruzroja@demo.puente.example' },
        { organisation: 'american-red-cross' },
        { organisation: 'canadian-red-cross' },
        { organisation: 'cruz-roja-panamena' },
        { user: 'member@demo.puente.example' },
      ];
    return meeting;
  });
}

function meetings(): DemoMeeting[] {
  const calls = bimonthlyCalls();
  // The call of three months ago: its minutes, decisions and an item since done.
  Object.assign(calls[1]!, {
    minutes: [
      {
        language: 'es',
        status: 'approved',
        by: 'focal.cruzroja@demo.puente.example',
        body: 'Participaron los coordinadores de migración de cinco Sociedades Nacionales.\n\nRutas: se informó de un aumento de los tránsitos por el Darién y de nuevas llegadas al sur de México.\nRepatriación: la Cruz Roja Mexicana presentó su apoyo a las personas retornadas en los puntos de recepción.\n\nPróxima llamada dentro de dos meses.',
      },
    ],
    decisions: [
      {
        language: 'es',
        text: {
          es: 'Elaborar un mapa común de los puntos de atención a lo largo de las rutas.',
          en: 'Draw up a shared map of the service points along the routes.',
        },
      },
    ],
    actions: [
      {
        title: 'Enviar la lista de puntos de atención de la Cruz Roja Americana',
        language: 'es',
        owner: { organisation: 'american-red-cross' },
        dueInDays: -40,
        status: 'done',
        decision: 1,
      },
    ],
  });
  // The last call: minutes in Spanish and English, a draft in French; the overdue item.
  Object.assign(calls[2]!, {
    minutes: [
      {
        language: 'es',
        status: 'approved',
        by: 'focal.cruzroja@demo.puente.example',
        body: 'Se revisó el mapa común de puntos de atención: faltan los datos de Honduras y El Salvador.\n\nFinanciación: dos Sociedades Nacionales informaron de recortes para el próximo año; se propuso preparar una demanda de cooperación común.\n\nCambios legislativos: se compartieron las reformas recientes sobre protección temporal.',
      },
      {
        language: 'en',
        status: 'approved',
        by: 'focal.cruzroja@demo.puente.example',
        body: 'The shared map of service points was reviewed: data from Honduras and El Salvador is missing.\n\nFunding: two National Societies reported cuts for next year; a joint cooperation demand was proposed.\n\nLegislative changes: recent reforms on temporary protection were shared.',
      },
      {
        language: 'fr',
        status: 'draft',
        by: 'perco@demo.puente.example',
        body: 'La carte commune des points de service a été examinée : il manque les données du Honduras et d’El Salvador.',
      },
    ],
    decisions: [
      {
        language: 'es',
        text: {
          es: 'Completar el mapa común con los datos de Honduras y El Salvador.',
          en: 'Complete the shared map with the data of Honduras and El Salvador.',
        },
      },
      {
        language: 'en',
        text: {
          en: 'Prepare a joint cooperation demand on funding for the next annual meeting.',
          es: 'Preparar una demanda de cooperación común sobre financiación para la próxima reunión anual.',
        },
      },
    ],
    actions: [
      {
        title: 'Completar los datos del mapa de puntos de atención en el sur de México',
        language: 'es',
        owner: { organisation: 'cruz-roja-mexicana' },
        dueInDays: -10,
        decision: 1,
      },
      {
        title: 'Compilar los cambios legislativos recientes sobre protección temporal',
        language: 'es',
        owner: { user: 'member@demo.puente.example' },
        dueInDays: 12,
        status: 'in-progress',
        note: 'Faltan Guatemala y Costa Rica.',
      },
    ],
  });

  const annual: DemoMeeting = {
    key: 'mwg-annual',
    network: 'americas-mwg',
    kind: 'annual-meeting',
    language: 'en',
    title: {
      en: 'Annual meeting of the Migration Working Group of the Americas',
      es: 'Reunión anual del Grupo de Trabajo sobre Migración de las Américas',
    },
    description: {
      en: 'The National Societies’ migration coordinators meet once a year; the ICRC attends as observer.',
      es: 'Los coordinadores de migración de las Sociedades Nacionales se reúnen una vez al año; el CICR participa como observador.',
    },
    zone: MWG_ZONE,
    starts: localTime(MWG_ZONE, -4, 20, 9),
    minutesLong: 2 * 24 * 60 + 8 * 60,
    place: 'Panamá, Ciudad del Saber',
    visibility: 'public',
    agenda: [
      {
        title: {
          en: 'Needs and vulnerabilities of migrants along the routes',
          es: 'Necesidades y vulnerabilidades de las personas migrantes a lo largo de las rutas',
        },
        minutes: 120,
      },
      {
        title: { en: 'Restoring family links', es: 'Restablecimiento del contacto entre familiares' },
        minutes: 90,
        presenter: 'ICRC',
      },
      {
        title: { en: 'Lessons from PERCO and the APMN', es: 'Lecciones de la PERCO y de la APMN' },
        minutes: 60,
        presenter: 'Claire Dubois',
      },
    ],
    invite: { organisations: MWG_MEMBERS, observers: ['icrc'], users: ['perco@demo.puente.example'] },
    attendance: [
      ...MWG_MEMBERS.slice(0, 7).map((organisation) => ({ organisation })),
      { organisation: 'icrc', role: 'observer' as const },
      { user: 'perco@demo.puente.example', role: 'speaker' as const },
    ],
    minutes: [
      {
        language: 'en',
        status: 'approved',
        by: 'perco@demo.puente.example',
        body: 'Seven National Societies attended, with the ICRC as observer.\n\nThe meeting reviewed the needs and vulnerabilities of migrants along the routes, and agreed to share practices on restoring family links.\n\nPERCO presented how its members exchange information between national societies in Europe.',
      },
      {
        language: 'es',
        status: 'approved',
        by: 'focal.cruzroja@demo.puente.example',
        body: 'Asistieron siete Sociedades Nacionales, con el CICR como observador.\n\nLa reunión examinó las necesidades y vulnerabilidades de las personas migrantes a lo largo de las rutas y acordó compartir prácticas de restablecimiento del contacto entre familiares.',
      },
    ],
    decisions: [
      {
        language: 'en',
        text: {
          en: 'Hold the teleconferences every two months, alternating the chair.',
          es: 'Celebrar las teleconferencias cada dos meses, con presidencia rotativa.',
        },
      },
      {
        language: 'en',
        text: {
          en: 'Invite PERCO to present its peer capacity-building programme.',
          es: 'Invitar a la PERCO a presentar su programa de fortalecimiento de capacidades entre pares.',
        },
      },
    ],
    actions: [
      {
        title: 'Présenter le programme de renforcement des capacités entre pairs de la PERCO',
        language: 'fr',
        owner: { user: 'perco@demo.puente.example' },
        dueInDays: 20,
        decision: 2,
      },
      {
        title: 'Share the restoring family links guidance with the working group',
        language: 'en',
        owner: { organisation: 'icrc' },
        dueInDays: 30,
      },
    ],
  };

  const perco: DemoMeeting = {
    key: 'perco-annual',
    network: 'perco',
    kind: 'annual-meeting',
    language: 'fr',
    title: {
      fr: 'Réunion annuelle de la PERCO',
      en: 'PERCO annual meeting',
      es: 'Reunión anual de la PERCO',
    },
    description: {
      fr: 'La plate-forme de coopération de la Croix-Rouge européenne pour les réfugiés, les demandeurs d’asile et les migrants réunit ses Sociétés nationales.',
      en: 'The European Red Cross cooperation platform for refugees, asylum seekers and migrants brings its National Societies together.',
    },
    zone: 'Europe/Paris',
    starts: localTime('Europe/Paris', -2, 14, 9, 30),
    minutesLong: 24 * 60 + 7 * 60,
    place: 'Paris',
    visibility: 'public',
    agenda: [
      {
        title: {
          fr: 'Échange d’informations entre Sociétés nationales',
          en: 'Information exchange between National Societies',
        },
        minutes: 90,
      },
      {
        title: { fr: 'Renforcement des capacités par les pairs', en: 'Peer capacity building' },
        minutes: 90,
      },
      {
        title: {
          fr: 'Actions conjointes pour la base de connaissances',
          en: 'Joint actions for the knowledge base',
        },
        minutes: 60,
      },
    ],
    invite: { organisations: PERCO_MEMBERS },
    attendance: PERCO_MEMBERS.map((organisation) => ({ organisation })),
    minutes: [
      {
        language: 'fr',
        status: 'approved',
        by: 'perco@demo.puente.example',
        body: 'Les sept Sociétés nationales membres étaient représentées.\n\nLa plate-forme a fait le point sur l’échange d’informations et a retenu deux actions conjointes pour développer la base de connaissances sur la migration.',
      },
      {
        language: 'en',
        status: 'approved',
        by: 'perco@demo.puente.example',
        body: 'All seven member National Societies were represented.\n\nThe platform reviewed its information exchange and chose two joint actions to build the knowledge base on migration.',
      },
    ],
    decisions: [
      {
        language: 'fr',
        text: {
          fr: 'Organiser deux échanges de pairs d’ici la prochaine réunion annuelle.',
          en: 'Organise two peer exchanges before the next annual meeting.',
        },
      },
    ],
    actions: [
      {
        title: 'Proposer le calendrier des échanges de pairs',
        language: 'fr',
        owner: { organisation: 'croix-rouge-francaise' },
        dueInDays: 5,
        decision: 1,
      },
    ],
  };

  const workshop: DemoMeeting = {
    key: 'ricomi-workshop',
    network: 'ricomi',
    kind: 'workshop',
    language: 'es',
    title: {
      es: 'Taller «Las lecciones de nuestras experiencias: la cooperación bilateral y regional al servicio de las políticas y la gestión migratoria»',
      fr: 'Atelier « Les enseignements de nos expériences : la coopération bilatérale et régionale au service des politiques et de la gestion des migrations »',
      en: 'Workshop “Lessons from our experiences: bilateral and regional cooperation for migration policy and management”',
    },
    description: {
      es: 'Identificar, sistematizar y difundir programas y estrategias de política pública sobre migración; crear una comunidad de práctica de tomadores de decisiones.',
      en: 'Identify, systematise and disseminate public-policy programmes and strategies on migration; build a community of practice of decision makers.',
    },
    zone: 'America/Bogota',
    starts: localTime('America/Bogota', -3, 6, 9),
    minutesLong: 24 * 60 + 8 * 60,
    place: 'Bogotá',
    visibility: 'public',
    agenda: [
      {
        title: {
          es: 'Presentación de prácticas que los países consideran exitosas',
          en: 'Practices that countries consider successful',
        },
        minutes: 180,
      },
      {
        title: {
          es: 'Cooperación bilateral: modalidades, periodo, resultados',
          en: 'Bilateral cooperation: modalities, period, results',
        },
        minutes: 120,
      },
      {
        title: {
          es: 'Necesidades de asistencia técnica y financiera',
          en: 'Needs for technical and financial assistance',
        },
        minutes: 90,
      },
    ],
    invite: { organisations: RICOMI_MEMBERS, users: ['translator@demo.puente.example'] },
    attendance: [
      { organisation: 'migracion-colombia', user: 'focal.colombia@demo.puente.example' },
      { organisation: 'inm-mexico', user: 'focal.mexico@demo.puente.example' },
      { organisation: 'dgme-costa-rica' },
      { organisation: 'migraciones-peru' },
      { organisation: 'oas', user: 'secretariat@demo.puente.example' },
    ],
    minutes: [
      {
        language: 'es',
        status: 'approved',
        by: 'secretariat@demo.puente.example',
        body: 'Cinco instituciones presentaron prácticas de gestión migratoria y de cooperación bilateral.\n\nSe acordó sistematizarlas en la base de prácticas de la RICOMI y completar la tabla de consolidación de ofertas y demandas.',
      },
      {
        language: 'en',
        status: 'approved',
        by: 'secretariat@demo.puente.example',
        body: 'Five institutions presented migration-management and bilateral-cooperation practices.\n\nThey agreed to systematise them in RICOMI’s practices database and to complete the consolidation table of offers and demands.',
      },
      {
        language: 'pt',
        status: 'draft',
        by: 'secretariat@demo.puente.example',
        body: 'Cinco instituições apresentaram práticas de gestão migratória e de cooperação bilateral.',
      },
    ],
    decisions: [
      {
        language: 'es',
        text: {
          es: 'Sistematizar las prácticas presentadas en la base de prácticas de la RICOMI.',
          en: 'Systematise the practices presented in RICOMI’s practices database.',
        },
      },
      {
        language: 'es',
        text: {
          es: 'Completar la tabla de consolidación de ofertas y demandas de cooperación.',
          en: 'Complete the consolidation table of cooperation offers and demands.',
        },
      },
    ],
    actions: [
      {
        title: 'Registrar la práctica de Migración Colombia en la base de prácticas',
        language: 'es',
        owner: { user: 'focal.colombia@demo.puente.example' },
        dueInDays: 10,
        status: 'in-progress',
        decision: 1,
      },
      {
        title: 'Enviar la oferta de cooperación del INM para la tabla de consolidación',
        language: 'es',
        owner: { organisation: 'inm-mexico' },
        dueInDays: 2,
        decision: 2,
      },
      {
        title: 'Publicar la sistematización del taller',
        language: 'es',
        owner: { user: 'secretariat@demo.puente.example' },
        dueInDays: 14,
      },
    ],
  };

  const highLevel: DemoMeeting = {
    key: 'ricomi-high-level',
    network: 'ricomi',
    kind: 'high-level-meeting',
    language: 'es',
    title: {
      es: 'Reunión de alto nivel de autoridades migratorias de las Américas',
      fr: 'Réunion de haut niveau des responsables des questions de migration du continent américain',
      en: 'High-level meeting of migration authorities of the Americas',
    },
    description: {
      es: 'Un espacio de diálogo que fomente la cooperación técnica entre los Estados y alianzas institucionales para una gestión migratoria más eficaz, la gobernabilidad democrática y los derechos humanos y la seguridad de las personas migrantes.',
      en: 'A space for dialogue that encourages technical cooperation between States and institutional partnerships for more effective migration management, democratic governance, and migrants’ human rights and safety.',
    },
    zone: 'America/New_York',
    starts: localTime('America/New_York', 2, 15, 9),
    minutesLong: 8 * 60,
    place: 'Washington, D.C., OAS headquarters',
    visibility: 'public',
    agenda: [
      {
        title: { es: 'Cooperación técnica entre los Estados', en: 'Technical cooperation between States' },
        minutes: 120,
      },
      {
        title: {
          es: 'Boletín anual de avances de la cooperación',
          en: 'Annual bulletin on cooperation progress',
        },
        minutes: 60,
        presenter: 'Sofía Ramírez',
      },
    ],
    invite: { organisations: RICOMI_MEMBERS },
    rsvps: [
      { user: 'focal.colombia@demo.puente.example', response: 'yes' },
      {
        user: 'focal.mexico@demo.puente.example',
        response: 'maybe',
        comment: 'Por confirmar la delegación.',
      },
    ],
  };

  return [...calls, annual, perco, workshop, highLevel];
}

function ownerIds(ids: NetworkLifeIds, owner: Owner) {
  return 'user' in owner
    ? { owner_user_id: ids.user(owner.user), owner_organisation_id: null }
    : { owner_user_id: null, owner_organisation_id: ids.organisation(owner.organisation) };
}

/** Loads the demo's meetings with their agendas, invitations, answers, attendance and record. */
export async function loadDemoMeetings(tx: Executor, ids: NetworkLifeIds): Promise<void> {
  for (const m of meetings()) {
    const ends = m.starts.plus({ minutes: m.minutesLong });
    const { id } = await tx
      .insertInto('meetings')
      .values({
        network_id: ids.network(m.network),
        kind: m.kind,
        original_language: m.language,
        title: JSON.stringify(m.title),
        description: JSON.stringify(m.description),
        starts_at: m.starts.toUTC().toJSDate(),
        ends_at: ends.toUTC().toJSDate(),
        time_zone: m.zone,
        place: m.place ?? null,
        online_url: m.onlineUrl ?? null,
        visibility: m.visibility,
        series_id: m.series?.id ?? null,
        recurrence: m.series?.rule ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (m.agenda.length > 0)
      await tx
        .insertInto('meeting_agenda_items')
        .values(
          m.agenda.map((item, index) => ({
            meeting_id: id,
            position: index + 1,
            title: JSON.stringify(item.title),
            presenter: item.presenter ?? null,
            duration_minutes: item.minutes ?? null,
          })),
        )
        .execute();
    const invitations = [
      ...(m.invite.organisations ?? []).map((key) => ({
        meeting_id: id,
        organisation_id: ids.organisation(key),
        user_id: null,
        role: 'participant' as const,
      })),
      ...(m.invite.observers ?? []).map((key) => ({
        meeting_id: id,
        organisation_id: ids.organisation(key),
        user_id: null,
        role: 'observer' as const,
      })),
      ...(m.invite.users ?? []).map((email) => ({
        meeting_id: id,
        organisation_id: null,
        user_id: ids.user(email),
        role: 'participant' as const,
      })),
    ];
    if (invitations.length > 0) await tx.insertInto('meeting_invitations').values(invitations).execute();
    for (const rsvp of m.rsvps ?? [])
      await tx
        .insertInto('meeting_rsvps')
        .values({
          meeting_id: id,
          user_id: ids.user(rsvp.user),
          response: rsvp.response,
          comment: rsvp.comment ?? null,
        })
        .execute();
    for (const present of m.attendance ?? [])
      await tx
        .insertInto('meeting_attendance')
        .values({
          meeting_id: id,
          organisation_id: present.organisation ? ids.organisation(present.organisation) : null,
          user_id: present.user ? ids.user(present.user) : null,
          role: present.role ?? 'participant',
        })
        .execute();
    for (const minutes of m.minutes ?? [])
      await tx
        .insertInto('meeting_minutes')
        .values({
          meeting_id: id,
          language: minutes.language,
          body: minutes.body,
          status: minutes.status,
          updated_by: ids.user(minutes.by),
          updated_at: ends.plus({ days: 3 }).toUTC().toJSDate(),
        })
        .execute();
    const decisionIds: string[] = [];
    for (const [index, decision] of (m.decisions ?? []).entries()) {
      const row = await tx
        .insertInto('meeting_decisions')
        .values({
          meeting_id: id,
          position: index + 1,
          original_language: decision.language,
          text: JSON.stringify(decision.text),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      decisionIds.push(row.id);
    }
    for (const action of m.actions ?? [])
      await tx
        .insertInto('action_items')
        .values({
          meeting_id: id,
          decision_id: action.decision ? decisionIds[action.decision - 1]! : null,
          title: action.title,
          language: action.language,
          ...ownerIds(ids, action.owner),
          due_on: dueIn(action.dueInDays),
          status: action.status ?? 'open',
          note: action.note ?? null,
          completed_at: action.status === 'done' ? ends.plus({ days: 20 }).toUTC().toJSDate() : null,
        })
        .execute();
  }
}
