import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import {
  insertIndicatorRow,
  insertIndicatorValueRow,
  insertItemRow,
  insertMatchRow,
  insertRecordRow,
} from '../cooperation/cooperation.repository.ts';
import type { MatchStage, PartyRole } from '../cooperation/cooperation.tables.ts';
import { findItem } from '../cooperation/cooperation.repository.ts';
import { scoreItems } from '../cooperation/matching.ts';

/**
 * The demo's cooperation exchange (seeds 003 and 004): offers and demands among the networks'
 * members — RICOMI's workshop, inventory of migration portals and high-level meeting; the Americas
 * working group learning from the APMN's response mechanisms — matches facilitated from proposal
 * to outcome, the cooperation records they led to, and indicators with values over time. Written
 * through the cooperation repository, as its commands would. Organisations are the keys of
 * demo.data.ts; the facts beyond the seeds (dates, figures, budgets) are illustrative.
 */

type Lang = 'fr' | 'es' | 'en' | 'pt';

export interface DemoItem {
  key: string;
  side: 'offer' | 'demand';
  network: string;
  organisation: string;
  lang: Lang;
  title: LocalizedText;
  description: LocalizedText;
  kind: string;
  areas: string[];
  objectives: string[];
  countries?: string[];
  regions?: string[];
  languages: string[];
  period?: [string | null, string | null];
  capacity?: string;
  budget?: [number, string];
  status?: 'open' | 'in-discussion' | 'matched' | 'closed';
  visibility?: 'public' | 'network';
}

const offer = (item: Omit<DemoItem, 'side'>): DemoItem => ({ ...item, side: 'offer' });
const demand = (item: Omit<DemoItem, 'side'>): DemoItem => ({ ...item, side: 'demand' });

export const DEMO_ITEMS: DemoItem[] = [
  // RICOMI's three activities of seed 004, offered by the technical secretariat (OAS) in its official languages.
  offer({
    key: 'ricomi-workshop',
    network: 'ricomi',
    organisation: 'oas',
    lang: 'es',
    title: {
      es: 'Taller «Las lecciones de nuestras experiencias: la cooperación bilateral y regional al servicio de las políticas y la gestión migratoria»',
      fr: 'Atelier « Les enseignements de nos expériences : la coopération bilatérale et régionale au service des politiques et de la gestion des migrations »',
      en: 'Workshop “Lessons from our experiences: bilateral and regional cooperation for migration policy and management”',
    },
    description: {
      es: 'Identificar, sistematizar y difundir programas y estrategias de política pública sobre migración; fomentar el intercambio de experiencias para crear una comunidad de práctica de tomadores de decisión; fortalecer las capacidades para identificar necesidades y formular propuestas de asistencia técnica y financiera.',
    },
    kind: 'training',
    areas: ['technical-cooperation'],
    objectives: ['23', '1'],
    regions: ['019'],
    languages: ['es', 'en', 'fr', 'pt'],
    period: ['2027-03-16', '2027-03-18'],
    capacity: '40 participantes de hasta 20 Estados miembros',
    budget: [45000, 'USD'],
    status: 'in-discussion',
  }),
  offer({
    key: 'ricomi-portals',
    network: 'ricomi',
    organisation: 'oas',
    lang: 'fr',
    title: {
      fr: 'Inventaire des portails sur les migrations du continent américain',
      es: 'Inventario de portales sobre migración en el continente americano',
    },
    description: {
      fr: 'Un instrument d’information, d’analyse et de comparaison pour identifier des mécanismes et des domaines de coopération entre les États ; un outil de consultation pour les migrants avant, pendant et après la migration ; le développement continu de systèmes d’information sur les migrations.',
    },
    kind: 'data-or-tools',
    areas: ['mass-information', 'technical-cooperation'],
    objectives: ['3', '1'],
    regions: ['019'],
    languages: ['fr', 'es', 'en', 'pt'],
    period: ['2026-09-01', null],
    capacity: 'Une fiche par portail national ; relecture par le point focal de chaque État',
    status: 'in-discussion',
  }),
  offer({
    key: 'ricomi-high-level',
    network: 'ricomi',
    organisation: 'oas',
    lang: 'en',
    title: {
      en: 'High-level meeting of the heads of migration authorities of the Americas',
      es: 'Reunión de alto nivel de responsables de migración del continente americano',
    },
    description: {
      en: 'A space for dialogue that encourages technical cooperation between States and institutional partnerships for more effective migration management, democratic governance and the rights and safety of migrants.',
    },
    kind: 'technical-assistance',
    areas: ['technical-cooperation', 'migrants-human-rights'],
    objectives: ['23'],
    regions: ['019'],
    languages: ['es', 'en'],
    period: ['2027-06-01', '2027-06-02'],
    capacity: 'Heads of delegation of the OAS member states',
  }),
  offer({
    key: 'ricomi-info-tool-pt',
    network: 'ricomi',
    organisation: 'oas',
    lang: 'pt',
    title: {
      pt: 'Oficina sobre ferramentas de informação para migrantes antes, durante e depois da migração',
    },
    description: {
      pt: 'Oficina virtual para as autoridades migratórias que desenvolvem portais de informação para migrantes: linguagem clara, acessibilidade, versões multilíngues.',
    },
    kind: 'training',
    areas: ['mass-information'],
    objectives: ['3'],
    regions: ['419'],
    languages: ['pt', 'es'],
    period: ['2027-02-10', '2027-02-11'],
    capacity: '25 vagas',
  }),
  offer({
    key: 'colombia-biometrics',
    network: 'ricomi',
    organisation: 'migracion-colombia',
    lang: 'es',
    title: {
      es: 'Asistencia técnica en registro biométrico en puestos de control fronterizo',
      en: 'Technical assistance on biometric registration at border posts',
    },
    description: {
      es: 'Acompañamiento de expertos de Migración Colombia para diseñar e instalar el registro biométrico en puestos fronterizos terrestres.',
    },
    kind: 'technical-assistance',
    areas: ['technical-cooperation'],
    objectives: ['11', '4'],
    countries: ['CO'],
    languages: ['es'],
    period: ['2025-06-01', '2025-12-31'],
    capacity: 'Tres expertos durante seis meses',
    status: 'matched',
  }),
  offer({
    key: 'mexico-trafficking-training',
    network: 'ricomi',
    organisation: 'inm-mexico',
    lang: 'es',
    title: { es: 'Capacitación en identificación de víctimas de trata en puntos de entrada' },
    description: {
      es: 'Curso de cinco días para agentes migratorios de primera línea, con casos prácticos y protocolos de derivación.',
    },
    kind: 'training',
    areas: ['counter-trafficking'],
    objectives: ['10'],
    countries: ['MX', 'GT'],
    languages: ['es'],
    period: ['2027-01-01', null],
    capacity: '30 agentes por sesión',
  }),
  offer({
    key: 'argentina-regularisation',
    network: 'ricomi',
    organisation: 'dnm-argentina',
    lang: 'es',
    title: { es: 'Pasantía sobre programas de regularización migratoria' },
    description: {
      es: 'Visita de estudio a la Dirección Nacional de Migraciones para conocer sus programas de regularización y su trámite en línea.',
    },
    kind: 'exchange-visit',
    areas: ['migrants-human-rights'],
    objectives: ['7', '15'],
    countries: ['AR'],
    languages: ['es'],
    capacity: 'Dos delegaciones de tres personas por año',
  }),
  // Seed 003: the Americas network drew on the APMN's response mechanisms.
  offer({
    key: 'apmn-response-mechanisms',
    network: 'americas-mwg',
    organisation: 'philippine-red-cross',
    lang: 'en',
    title: {
      en: 'Peer exchange on the APMN’s response mechanisms: humanitarian service points along migration routes',
      es: 'Intercambio entre pares sobre los mecanismos de respuesta de la APMN: puntos de servicio humanitario en las rutas migratorias',
    },
    description: {
      en: 'The Philippine Red Cross shares how Asia Pacific Migration Network societies run humanitarian service points, restore family links and coordinate along routes, with a study visit and remote coaching.',
    },
    kind: 'peer-review',
    areas: ['emergency-and-post-conflict', 'migrants-human-rights'],
    objectives: ['8', '7'],
    countries: ['PH'],
    regions: ['019'],
    languages: ['en', 'es'],
    period: ['2026-05-01', '2026-12-31'],
    status: 'matched',
  }),
  offer({
    key: 'american-rc-rfl',
    network: 'americas-mwg',
    organisation: 'american-red-cross',
    lang: 'en',
    title: { en: 'Restoring Family Links tools and trainers for the region' },
    description: {
      en: 'Online tracing tools, trainers and materials in English and Spanish for National Societies of the Americas.',
    },
    kind: 'data-or-tools',
    areas: ['migrants-human-rights'],
    objectives: ['8'],
    regions: ['019'],
    languages: ['en', 'es'],
  }),
  offer({
    key: 'spanish-rc-reception',
    network: 'perco',
    organisation: 'spanish-red-cross',
    lang: 'es',
    title: { es: 'Expertos en acogida humanitaria de llegadas por mar' },
    description: {
      es: 'Adscripción de personal con experiencia en la primera acogida en costas: triaje sanitario, información y derivación.',
    },
    kind: 'expert-secondment',
    areas: ['emergency-and-post-conflict'],
    objectives: ['8', '15'],
    countries: ['ES'],
    languages: ['es', 'en', 'fr'],
    capacity: 'Hasta cuatro personas, tres meses',
  }),
  offer({
    key: 'french-rc-study-visit',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    lang: 'fr',
    title: { fr: 'Visite d’étude sur l’accompagnement des personnes exilées' },
    description: {
      fr: 'Accueil d’une délégation dans les dispositifs d’accompagnement juridique et social de la Croix-Rouge française.',
    },
    kind: 'exchange-visit',
    areas: ['migrants-human-rights'],
    objectives: ['15', '16'],
    countries: ['FR'],
    languages: ['fr', 'en'],
    budget: [8000, 'EUR'],
  }),
  offer({
    key: 'australian-rc-analyst',
    network: 'apmn',
    organisation: 'australian-red-cross',
    lang: 'en',
    title: { en: 'Secondment of a migration data analyst' },
    description: {
      en: 'An analyst to help a National Society set up its migration data collection and reporting.',
    },
    kind: 'expert-secondment',
    areas: ['technical-cooperation'],
    objectives: ['1'],
    countries: ['AU'],
    regions: ['009'],
    languages: ['en'],
    visibility: 'network',
  }),
  offer({
    key: 'irc-case-management',
    network: 'northern-triangle-ngo-group',
    organisation: 'irc',
    lang: 'en',
    title: { en: 'Case management training for the protection of returnees' },
    description: {
      en: 'Training for partner NGOs on case management and referral of people returned to Guatemala, Honduras and El Salvador.',
    },
    kind: 'training',
    areas: ['assisted-voluntary-return', 'migrants-human-rights'],
    objectives: ['21'],
    countries: ['GT', 'HN', 'SV'],
    languages: ['en', 'es'],
  }),
  // Demands.
  demand({
    key: 'peru-biometrics',
    network: 'ricomi',
    organisation: 'migraciones-peru',
    lang: 'es',
    title: { es: 'Necesitamos asistencia técnica para el registro biométrico en la frontera norte' },
    description: {
      es: 'Migraciones Perú busca acompañamiento para implantar el registro biométrico en los puestos de la frontera con Colombia y Ecuador.',
    },
    kind: 'technical-assistance',
    areas: ['technical-cooperation'],
    objectives: ['11'],
    countries: ['PE'],
    languages: ['es'],
    period: ['2025-06-01', '2025-12-31'],
    status: 'matched',
  }),
  demand({
    key: 'costa-rica-children',
    network: 'ricomi',
    organisation: 'dgme-costa-rica',
    lang: 'es',
    title: { es: 'Capacitación en atención a niñez y adolescencia migrante no acompañada' },
    description: {
      es: 'Formación de funcionarios de fronteras en procedimientos adaptados a niñas, niños y adolescentes no acompañados.',
    },
    kind: 'training',
    areas: ['migrants-human-rights'],
    objectives: ['7'],
    countries: ['CR'],
    languages: ['es'],
  }),
  demand({
    key: 'chile-portal',
    network: 'ricomi',
    organisation: 'sermig-chile',
    lang: 'es',
    title: { es: 'Sistematizar nuestro portal de información para el inventario regional' },
    description: {
      es: 'El Servicio Nacional de Migraciones desea describir su portal con la metodología del inventario y compararlo con otros.',
    },
    kind: 'data-or-tools',
    areas: ['mass-information'],
    objectives: ['3'],
    countries: ['CL'],
    languages: ['es'],
    status: 'in-discussion',
  }),
  demand({
    key: 'mexico-return',
    network: 'ricomi',
    organisation: 'inm-mexico',
    lang: 'es',
    title: { es: 'Intercambio sobre políticas de retorno y reintegración' },
    description: {
      es: 'Conocer experiencias de acompañamiento a personas mexicanas retornadas y su reintegración laboral.',
    },
    kind: 'exchange-visit',
    areas: ['assisted-voluntary-return'],
    objectives: ['21'],
    countries: ['MX'],
    languages: ['es', 'en'],
  }),
  demand({
    key: 'argentina-statistics',
    network: 'ricomi',
    organisation: 'dnm-argentina',
    lang: 'en',
    title: { en: 'Peer review of our labour migration statistics' },
    description: {
      en: 'A peer review of how we produce and publish labour migration statistics, by another migration authority.',
    },
    kind: 'peer-review',
    areas: ['labour-migration'],
    objectives: ['1', '6'],
    countries: ['AR'],
    languages: ['en', 'es'],
    visibility: 'network',
  }),
  demand({
    key: 'colombia-workshop',
    network: 'ricomi',
    organisation: 'migracion-colombia',
    lang: 'es',
    title: { es: 'Formar a nuestros funcionarios en formulación de proyectos de cooperación bilateral' },
    description: {
      es: 'Participación de cinco funcionarios en un taller regional sobre cooperación bilateral y formulación de solicitudes de asistencia.',
    },
    kind: 'training',
    areas: ['technical-cooperation'],
    objectives: ['23'],
    countries: ['CO'],
    languages: ['es'],
    status: 'in-discussion',
  }),
  demand({
    key: 'oas-portals-pt',
    network: 'ricomi',
    organisation: 'oas',
    lang: 'pt',
    title: { pt: 'Apoio para traduzir o inventário de portais para o português' },
    description: {
      pt: 'A secretaria técnica procura apoio de tradução e revisão para publicar o inventário de portais também em português.',
    },
    kind: 'technical-assistance',
    areas: ['mass-information'],
    objectives: ['3'],
    countries: ['BR'],
    languages: ['pt'],
  }),
  demand({
    key: 'mexican-rc-apmn',
    network: 'americas-mwg',
    organisation: 'cruz-roja-mexicana',
    lang: 'es',
    title: {
      es: 'Aprender de los mecanismos de respuesta de la red Asia-Pacífico (APMN)',
      en: 'Learn from the response mechanisms of the Asia Pacific Migration Network (APMN)',
    },
    description: {
      es: 'Cruz Roja Mexicana quiere adaptar los puntos de servicio humanitario de la APMN a las rutas migratorias de México y Centroamérica.',
    },
    kind: 'exchange-visit',
    areas: ['emergency-and-post-conflict', 'migrants-human-rights'],
    objectives: ['8', '7'],
    countries: ['MX', 'GT'],
    languages: ['es', 'en'],
    period: ['2026-04-01', null],
    status: 'matched',
  }),
  demand({
    key: 'honduran-rc-psychosocial',
    network: 'americas-mwg',
    organisation: 'cruz-roja-hondurena',
    lang: 'es',
    title: { es: 'Apoyo psicosocial para personas retornadas' },
    description: {
      es: 'Formación de voluntarios en primeros auxilios psicológicos para los centros de atención a personas retornadas.',
    },
    kind: 'training',
    areas: ['migration-and-health', 'assisted-voluntary-return'],
    objectives: ['21'],
    countries: ['HN'],
    languages: ['es'],
  }),
  demand({
    key: 'canadian-rc-routes',
    network: 'americas-mwg',
    organisation: 'canadian-red-cross',
    lang: 'fr',
    title: { fr: 'Échange de données sur l’évolution des routes migratoires vers le nord' },
    description: {
      fr: 'Partager entre Sociétés nationales des données sur les routes, le rapatriement et les besoins observés, au rythme des téléconférences bimensuelles.',
    },
    kind: 'data-or-tools',
    areas: ['emergency-and-post-conflict'],
    objectives: ['1', '3'],
    countries: ['CA', 'US', 'MX'],
    languages: ['fr', 'en', 'es'],
  }),
  demand({
    key: 'french-rc-rfl',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    lang: 'fr',
    title: { fr: 'Formation au rétablissement des liens familiaux pour les bénévoles' },
    description: {
      fr: 'Des formateurs pour préparer les bénévoles des points d’accueil au rétablissement des liens familiaux.',
    },
    kind: 'training',
    areas: ['migrants-human-rights'],
    objectives: ['8'],
    countries: ['FR'],
    languages: ['fr'],
  }),
  demand({
    key: 'nepal-rc-pre-departure',
    network: 'apmn',
    organisation: 'nepal-red-cross',
    lang: 'en',
    title: { en: 'Pre-departure orientation tools for labour migrants' },
    description: {
      en: 'Materials and a trainer to run pre-departure orientation sessions for people leaving for work abroad.',
    },
    kind: 'data-or-tools',
    areas: ['labour-migration', 'mass-information'],
    objectives: ['3', '6'],
    countries: ['NP'],
    languages: ['en'],
  }),
  demand({
    key: 'coalition-protection-funding',
    network: 'northern-triangle-ngo-group',
    organisation: 'hias',
    lang: 'en',
    title: { en: 'Funding for protection monitoring in the Northern Triangle' },
    description: {
      en: 'Co-funding for a joint protection monitoring system of the coalition’s members in Guatemala, Honduras and El Salvador.',
    },
    kind: 'funding',
    areas: ['migrants-human-rights'],
    objectives: ['7'],
    countries: ['GT', 'HN', 'SV'],
    languages: ['en', 'es'],
    budget: [120000, 'USD'],
  }),
];

export interface DemoMatch {
  network: string;
  demand: string;
  offer: string;
  moves: { to: MatchStage; on: string; note: string }[];
  droppedReason?: string;
  record?: {
    lang: Lang;
    title: LocalizedText;
    summary: LocalizedText;
    activities: LocalizedText;
    results: LocalizedText;
    modality: string;
    status: 'planned' | 'under-way' | 'completed';
    period: [string, string | null];
    parties: { organisation: string; role: PartyRole }[];
  };
}

export const DEMO_MATCHES: DemoMatch[] = [
  {
    network: 'ricomi',
    demand: 'peru-biometrics',
    offer: 'colombia-biometrics',
    moves: [
      {
        to: 'proposed',
        on: '2025-03-10',
        note: 'Propuesta por la secretaría técnica tras la teleconferencia de marzo.',
      },
      { to: 'contacted', on: '2025-03-20', note: 'Ambos puntos focales confirmaron su interés por correo.' },
      {
        to: 'meeting-held',
        on: '2025-04-08',
        note: 'Reunión virtual: alcance, puestos prioritarios, calendario.',
      },
      {
        to: 'agreement-drafted',
        on: '2025-05-02',
        note: 'Borrador de memorando de entendimiento circulado.',
      },
      { to: 'agreement-signed', on: '2025-05-30', note: 'Memorando firmado en Lima.' },
      { to: 'under-way', on: '2025-06-16', note: 'Llegada de los tres expertos a Tumbes.' },
      { to: 'completed', on: '2025-11-28', note: 'Seis puestos operativos; informe final entregado.' },
    ],
    record: {
      lang: 'es',
      title: {
        es: 'Registro biométrico en la frontera norte del Perú con el apoyo de Migración Colombia',
        en: 'Biometric registration on Peru’s northern border with the support of Migración Colombia',
      },
      summary: {
        es: 'Cooperación bilateral entre autoridades migratorias para instalar el registro biométrico en seis puestos de control.',
      },
      activities: {
        es: 'Diagnóstico de los puestos; instalación de equipos; capacitación de 48 funcionarios; acompañamiento durante tres meses.',
      },
      results: {
        es: 'Seis puestos con registro biométrico operativo; tiempo medio de control reducido de 9 a 4 minutos.',
      },
      modality: 'bilateral',
      status: 'completed',
      period: ['2025-06-16', '2025-11-28'],
      parties: [
        { organisation: 'migracion-colombia', role: 'provider' },
        { organisation: 'migraciones-peru', role: 'beneficiary' },
        { organisation: 'oas', role: 'facilitator' },
      ],
    },
  },
  {
    network: 'americas-mwg',
    demand: 'mexican-rc-apmn',
    offer: 'apmn-response-mechanisms',
    moves: [
      {
        to: 'proposed',
        on: '2026-03-02',
        note: 'Proposed after the annual meeting: learning across networks.',
      },
      {
        to: 'contacted',
        on: '2026-03-12',
        note: 'Both focal points introduced by the working group’s coordinator.',
      },
      { to: 'meeting-held', on: '2026-04-07', note: 'Joint teleconference with the APMN focal point.' },
      {
        to: 'agreement-signed',
        on: '2026-05-20',
        note: 'Exchange plan agreed; study visit to Manila scheduled.',
      },
      { to: 'under-way', on: '2026-07-06', note: 'Study visit held; remote coaching started.' },
    ],
    record: {
      lang: 'en',
      title: {
        en: 'Humanitarian service points on the routes through Mexico, learning from the APMN',
        es: 'Puntos de servicio humanitario en las rutas por México, aprendiendo de la APMN',
      },
      summary: {
        en: 'South–South peer exchange between the Philippine Red Cross and the Mexican Red Cross on humanitarian service points.',
      },
      activities: {
        en: 'Study visit to Manila; remote coaching; adaptation of the service point guide to Mexico and Guatemala.',
      },
      results: { en: 'Two pilot service points opened in Chiapas; guide adapted in Spanish.' },
      modality: 'south-south',
      status: 'under-way',
      period: ['2026-07-06', null],
      parties: [
        { organisation: 'philippine-red-cross', role: 'provider' },
        { organisation: 'cruz-roja-mexicana', role: 'beneficiary' },
        { organisation: 'cruz-roja-guatemalteca', role: 'partner' },
      ],
    },
  },
  {
    network: 'ricomi',
    demand: 'colombia-workshop',
    offer: 'ricomi-workshop',
    moves: [
      { to: 'proposed', on: '2026-09-14', note: 'La secretaría técnica propone reservar cinco plazas.' },
      { to: 'contacted', on: '2026-09-21', note: 'Migración Colombia confirma cinco participantes.' },
      { to: 'meeting-held', on: '2026-10-05', note: 'Reunión preparatoria del programa.' },
      { to: 'agreement-drafted', on: '2026-10-30', note: 'Carta de participación en revisión.' },
    ],
  },
  {
    network: 'ricomi',
    demand: 'chile-portal',
    offer: 'ricomi-portals',
    moves: [
      { to: 'proposed', on: '2026-10-12', note: 'Propuesto para la primera ronda del inventario.' },
      { to: 'contacted', on: '2026-10-20', note: 'Ficha del portal enviada al punto focal.' },
    ],
  },
  {
    network: 'ricomi',
    demand: 'costa-rica-children',
    offer: 'mexico-trafficking-training',
    moves: [
      { to: 'proposed', on: '2026-05-04', note: 'Propuesta por afinidad temática.' },
      { to: 'dropped', on: '2026-05-25', note: 'Descartada de común acuerdo.' },
    ],
    droppedReason:
      'La capacitación ofrecida trata de la identificación de víctimas de trata, no de la atención a la niñez no acompañada.',
  },
];

/** Indicators of the demo: one of RICOMI as a network, one of the completed record, one of a GCM objective. */
export const DEMO_INDICATORS = [
  {
    network: 'ricomi',
    scope: 'network' as const,
    record: null,
    objective: null,
    name: {
      es: 'Acuerdos de cooperación firmados entre Estados miembros de la RICOMI',
      en: 'Cooperation agreements signed between RICOMI member states',
    },
    unitType: 'count' as const,
    unit: { es: 'acuerdos', en: 'agreements' },
    baseline: [0, '2024-01-01'] as const,
    target: [10, '2027-12-31'] as const,
    values: [
      [1, '2024-06-30'],
      [2, '2024-12-31'],
      [4, '2025-06-30'],
      [5, '2025-12-31'],
      [7, '2026-06-30'],
    ] as const,
    source: 'Informe semestral de la secretaría técnica',
  },
  {
    network: 'ricomi',
    scope: 'record' as const,
    record: 'peru-biometrics',
    objective: null,
    name: {
      es: 'Puestos fronterizos con registro biométrico operativo',
      en: 'Border posts with biometric registration in operation',
    },
    unitType: 'count' as const,
    unit: { es: 'puestos', en: 'posts' },
    baseline: [0, '2025-06-16'] as const,
    target: [6, '2025-12-31'] as const,
    values: [
      [2, '2025-08-31'],
      [4, '2025-10-15'],
      [6, '2025-11-28'],
    ] as const,
    source: 'Migraciones Perú, informe de avance',
  },
  {
    network: 'ricomi',
    scope: 'objective' as const,
    record: null,
    objective: '3',
    name: {
      es: 'Estados miembros cuyo portal de información migratoria figura en el inventario',
      en: 'Member states whose migration information portal is in the inventory',
    },
    unitType: 'percentage' as const,
    unit: { es: '% de los Estados miembros', en: '% of member states' },
    baseline: [0, '2026-01-01'] as const,
    target: [100, '2027-06-30'] as const,
    values: [
      [15, '2026-04-30'],
      [35, '2026-08-31'],
      [45, '2026-10-31'],
    ] as const,
    source: 'Inventario de portales, secretaría técnica',
  },
];

/** Seed 003: the Philippine Red Cross (APMN) sits in the Americas working group as an observer, to share its mechanisms. */
const CROSS_NETWORK_OBSERVERS = [{ network: 'americas-mwg', organisation: 'philippine-red-cross' }];

export async function loadDemoCooperation(
  tx: Executor,
  ids: { organisation: (key: string) => string; network: (slug: string) => string },
): Promise<void> {
  for (const observer of CROSS_NETWORK_OBSERVERS) {
    await tx
      .insertInto('network_memberships')
      .values({
        network_id: ids.network(observer.network),
        organisation_id: ids.organisation(observer.organisation),
        role: 'observer',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const itemIds = new Map<string, string>();
  for (const item of DEMO_ITEMS) {
    itemIds.set(
      item.key,
      await insertItemRow(tx, {
        side: item.side,
        networkId: ids.network(item.network),
        organisationId: ids.organisation(item.organisation),
        originalLanguage: item.lang,
        title: item.title,
        description: item.description,
        kind: item.kind,
        thematicAreas: item.areas,
        gcmObjectives: item.objectives,
        countries: item.countries ?? [],
        regions: item.regions ?? [],
        workingLanguages: item.languages,
        startsOn: item.period?.[0] ?? null,
        endsOn: item.period?.[1] ?? null,
        capacity: item.capacity ?? null,
        budgetAmount: item.budget?.[0] ?? null,
        budgetCurrency: item.budget?.[1] ?? null,
        status: item.status ?? 'open',
        visibility: item.visibility ?? 'public',
        createdBy: null,
      }),
    );
  }
  const recordIds = new Map<string, string>();
  for (const match of DEMO_MATCHES) {
    const [first, ...later] = match.moves;
    // Scored as a proposal would be, before the cooperation it led to counts as earlier cooperation.
    const demand = (await findItem(tx, itemIds.get(match.demand)!))!;
    const offer = (await findItem(tx, itemIds.get(match.offer)!))!;
    const scored = await scoreItems(tx, demand, offer);
    const matchId = await insertMatchRow(tx, {
      networkId: ids.network(match.network),
      demandId: demand.id,
      offerId: offer.id,
      score: scored.score,
      explanation: scored.parts,
      proposedBy: null,
      occurredOn: first!.on,
      note: first!.note,
    });
    let stage: MatchStage = 'proposed';
    for (const move of later) {
      await tx
        .insertInto('cooperation_match_moves')
        .values({
          match_id: matchId,
          from_stage: stage,
          to_stage: move.to,
          occurred_on: move.on,
          note: move.note,
          reason: move.to === 'dropped' ? (match.droppedReason ?? null) : null,
          actor_id: null,
          at: new Date(`${move.on}T15:00:00Z`),
        })
        .execute();
      stage = move.to;
    }
    const last = match.moves[match.moves.length - 1]!;
    await tx
      .updateTable('cooperation_matches')
      .set({
        stage,
        proposed_at: new Date(`${first!.on}T15:00:00Z`),
        last_moved_at: new Date(`${last.on}T15:00:00Z`),
        dropped_reason: match.droppedReason ?? null,
        version: match.moves.length,
      })
      .where('id', '=', matchId)
      .execute();
    await tx
      .updateTable('cooperation_match_moves')
      .set({ at: new Date(`${first!.on}T15:00:00Z`) })
      .where('match_id', '=', matchId)
      .where('from_stage', 'is', null)
      .execute();
    if (match.record) {
      const record = match.record;
      const demandItem = DEMO_ITEMS.find((i) => i.key === match.demand)!;
      recordIds.set(
        match.demand,
        await insertRecordRow(tx, {
          networkId: ids.network(match.network),
          matchId,
          originalLanguage: record.lang,
          title: record.title,
          summary: record.summary,
          activities: record.activities,
          results: record.results,
          resources: {},
          modality: record.modality,
          thematicAreas: demandItem.areas,
          gcmObjectives: demandItem.objectives,
          countries: demandItem.countries ?? [],
          startsOn: record.period[0],
          endsOn: record.period[1],
          budgetAmount: null,
          budgetCurrency: null,
          status: record.status,
          createdBy: null,
          parties: record.parties.map((p) => ({
            organisationId: ids.organisation(p.organisation),
            role: p.role,
          })),
          practiceIds: [],
        }),
      );
    }
  }
  for (const indicator of DEMO_INDICATORS) {
    const indicatorId = await insertIndicatorRow(tx, {
      networkId: ids.network(indicator.network),
      scope: indicator.scope,
      recordId: indicator.record ? recordIds.get(indicator.record)! : null,
      gcmObjective: indicator.objective,
      originalLanguage: 'es',
      name: indicator.name,
      description: {},
      unitType: indicator.unitType,
      unit: indicator.unit,
      currency: null,
      baselineValue: indicator.baseline[0],
      baselineOn: indicator.baseline[1],
      targetValue: indicator.target[0],
      targetOn: indicator.target[1],
      createdBy: null,
    });
    for (const [value, measuredOn] of indicator.values)
      await insertIndicatorValueRow(tx, {
        indicatorId,
        value,
        measuredOn,
        source: indicator.source,
        note: null,
        authorId: null,
      });
  }
}
