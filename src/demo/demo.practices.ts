import type { PracticeContentInput } from '../practices/practices.schemas.ts';
import { COALITION_MEMBERS, DEMO_MEMBERSHIPS } from './demo.data.ts';

/**
 * The practices of the demo database. Three groups:
 *
 * - the seeds' own practices: the coalition's smart practice of seed 000, the regional Red Cross
 *   and Red Crescent networks of seed 003 and RICOMI's activities of seed 004. Their texts are the
 *   seeds' French texts (`illustrative: false`); who submitted them, their status and their
 *   publication dates are not in the seeds and are the demo's choice (said in a comment each time);
 * - illustrative practices (`illustrative: true`): plausible work of the demo's organisations,
 *   written for the demo in the four languages so that search, facets, translations and the review
 *   workflow have something to show. They are not facts about the named institutions: their results
 *   are phrased qualitatively and carry no figures.
 *
 * Translations are faithful to the original; a practice shows in its original language where a
 * field has no translation (the coalition's description stays in French on purpose).
 */

export interface DemoPrinciple {
  network: string;
  code: string;
  stage: 'design' | 'implementation';
  label: Record<'fr' | 'es' | 'en' | 'pt', string>;
}

export interface DemoPractice {
  key: string;
  /** The slug of a DEMO_NETWORKS entry: its secretariat reviews the practice. */
  network: string;
  /** The key of the submitting DEMO_ORGANISATIONS entry, a member of the network. */
  organisation: string;
  status: 'published' | 'draft' | 'submitted' | 'in-review' | 'returned';
  /** YYYY-MM-DD, for published practices only. */
  publishedOn?: string;
  /** True when the seeds do not state the practice; false for the seeds' own texts. */
  illustrative: boolean;
  content: Omit<PracticeContentInput, 'actors' | 'contactFocalPointId'> & {
    actors?: { organisation: string; role: 'lead' | 'partner' | 'implementer' | 'funder' | 'beneficiary' }[];
  };
}

type Actor = NonNullable<DemoPractice['content']['actors']>[number];

const lead = (organisation: string): Actor => ({ organisation, role: 'lead' });
const as = (role: Actor['role'], ...organisations: string[]): Actor[] =>
  organisations.map((organisation) => ({ organisation, role }));
const membersOf = (network: string): string[] =>
  (DEMO_MEMBERSHIPS[network] ?? []).filter((m) => m.role !== 'observer').map((m) => m.organisation);

const COALITION = 'northern-triangle-ngo-group';

/** The smart-practice principles of seed 000, the only ones the seeds state (for the coalition). */
export const DEMO_PRINCIPLES: DemoPrinciple[] = [
  {
    network: COALITION,
    code: 'P1',
    stage: 'design',
    label: {
      fr: 'la pratique met l’accent sur les besoins et la vulnérabilité des migrants',
      es: 'la práctica hace hincapié en las necesidades y la vulnerabilidad de los migrantes',
      en: 'the practice focuses on the needs and vulnerability of migrants',
      pt: 'a prática dá ênfase às necessidades e à vulnerabilidade dos migrantes',
    },
  },
  {
    network: COALITION,
    code: 'P4',
    stage: 'implementation',
    label: {
      fr: 'elle reconnaît le droit des migrants à bénéficier d’un traitement équitable dans les pays de destination et le long de leur parcours migratoire',
      es: 'reconoce el derecho de los migrantes a recibir un trato equitativo en los países de destino y a lo largo de su trayecto migratorio',
      en: 'it recognises the right of migrants to equitable treatment in countries of destination and along their migration journey',
      pt: 'reconhece o direito dos migrantes a beneficiar de um tratamento equitativo nos países de destino e ao longo do seu percurso migratório',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Seed 000: the coalition's smart practice, in the IFRC template (concept, case study, results,
// principles, challenges, lessons learned). Results, challenges and lessons learned read
// "Information non communiquée." in the seed.
// ---------------------------------------------------------------------------------------------

const SEED_000: DemoPractice = {
  key: 'coalition-joint-advocacy-northern-triangle',
  network: COALITION,
  // The seed names no lead NGO: the first of the fifteen submits it. Only the text is the seed's;
  // the submitter, the status and the publication date are the demo's.
  organisation: COALITION_MEMBERS[0],
  status: 'published',
  publishedOn: '2019-03-14',
  illustrative: false,
  content: {
    originalLanguage: 'fr',
    title: {
      fr: 'Plaidoyer commun d’une coalition d’ONG auprès du gouvernement des États-Unis sur la migration dans le Triangle nord',
      en: 'Joint advocacy by an NGO coalition with the United States government on migration in the Northern Triangle',
      es: 'Incidencia conjunta de una coalición de ONG ante el gobierno de los Estados Unidos sobre la migración en el Triángulo Norte',
      pt: 'Advocacia conjunta de uma coligação de ONG junto do governo dos Estados Unidos sobre a migração no Triângulo Norte',
    },
    summary: {
      fr: 'Des acteurs joignent leurs forces pour plaider en faveur d’une question. Ils partent du principe qu’en parlant d’une seule voix et en envoyant un message commun au gouvernement, ils auront plus de chances d’influencer les politiques.',
      en: 'Actors join forces to advocate on an issue. They start from the premise that by speaking with one voice and sending a common message to the government, they are more likely to influence policy.',
      es: 'Varios actores unen fuerzas para abogar por una causa. Parten de la premisa de que, al hablar con una sola voz y enviar un mensaje común al gobierno, tendrán más posibilidades de influir en las políticas.',
      pt: 'Vários atores unem forças para defender uma causa. Partem do princípio de que, falando a uma só voz e enviando uma mensagem comum ao governo, terão mais possibilidades de influenciar as políticas.',
    },
    // Verbatim, the seed's spellings included ("Kids in Need of Defence", "Scalibrinian"); in
    // French only, so that the page shows the "available in French" fallback.
    description: {
      fr: [
        'Aux États-Unis, une coalition d’ONG a constitué un groupe de travail pour promouvoir auprès du gouvernement américain plusieurs questions liées à la migration et aux déplacements de population dans le Triangle nord. Les quinze ONG participantes sont :',
        '1) le Centre pour la justice et le droit international ; 2) l’Église évangélique luthérienne d’Amérique ; 3) la Commission des droits de l’homme du Guatemala ; 4) HIAS ; 5) le Comité international de secours ; 6) la Conférence jésuite du Canada et des États-Unis ; 7) Kids in Need of Defence ; 8) Latin America Working Group ; 9) Lutheran World Relief ; 10) Oxfam America ; 11) Save the Children USA ; 12) Scalibrinian International Migration Network ; 13) Washington Office on Latin America ; 14) Women’s Refugee Commission ; et 15) Unitarian Universalist Service Committee.',
        'Ces ONG plaident en faveur de plusieurs questions, notamment : a) l’amélioration de la sécurité et des mécanismes de protection des migrants au Mexique et en Amérique centrale le long des frontières ; b) la réinstallation ; c) les programmes de rapatriement et de réinsertion ; d) la protection des droits de l’homme dans le cadre des stratégies états-uniennes d’aide au développement visant à lutter contre les causes profondes de la migration. Le groupe a résumé les éléments clés qu’il souhaitait voir examiner par le gouvernement des États-Unis au sujet des interventions relatives à la migration dans la région et formule des recommandations de politique spécifiques. Ces recommandations sont diffusées par le biais de lettres aux parties prenantes, de déclarations aux organismes gouvernementaux et de séances d’information.',
      ].join('\n\n'),
    },
    smartPrinciples: ['P1', 'P4'],
    notCommunicated: ['results', 'challenges', 'lessonsLearned'],
    actors: as('partner', ...COALITION_MEMBERS),
    countries: ['US', 'GT', 'HN', 'SV', 'MX'],
    // The codes below classify the seed's four advocacy issues; the seed itself gives none.
    gcmObjectives: ['2', '5', '7', '21'],
    gcmPrinciples: ['people-centred', 'human-rights'],
    thematicAreas: ['migrants-human-rights', 'resettlement', 'assisted-voluntary-return'],
    migrationStages: ['before-departure', 'transit', 'return-and-reintegration'],
    targetGroups: ['refugees-asylum-seekers', 'returnees', 'migrants-in-irregular-situation'],
  },
};

// ---------------------------------------------------------------------------------------------
// Seed 003: the regional migration networks of the Red Cross and Red Crescent, one practice of
// network building each. Concept, case study, challenges and lessons learned are the seed's; it has
// no results. Submitters, statuses and publication dates are the demo's.
// ---------------------------------------------------------------------------------------------

const SEED_003_CONCEPT =
  'Plate-forme favorisant la mobilisation et la coordination de groupes de Sociétés nationales interconnectées sur des questions touchant à la migration.';
const SEED_003_CONCEPT_EN =
  'A platform that fosters the mobilisation and coordination of groups of interconnected National Societies on migration issues.';
const SEED_003_CHALLENGES = {
  funding:
    '- Les réseaux sur la migration manquent de financements au sein des Sociétés nationales de la Croix-Rouge et du Croissant-Rouge ; par exemple, le American Migration Network a manqué de fonds pour fonctionner pleinement en 2016.',
  fundingGeneral:
    '- Les réseaux sur la migration manquent de financements au sein des Sociétés nationales de la Croix-Rouge et du Croissant-Rouge.',
  coordinators:
    '- L’absence de coordonnateurs régionaux pour les questions touchant à la migration complique la gestion et la coordination des réseaux régionaux sur la migration.',
  time: '- La plupart des coordonnateurs au niveau national sont également chargés d’autres domaines et n’ont donc pas suffisamment de temps à consacrer aux réseaux sur la migration.',
};
const SEED_003_LESSON =
  'L’expérience d’autres réseaux sur la migration fournit des idées et des solutions précieuses pour régler les problèmes rencontrés dans les différentes régions ; le réseau américain, par exemple, a puisé des idées de mécanismes d’intervention du réseau de l’Asie-Pacifique.';
const SEED_003_LESSON_GENERAL =
  'L’expérience d’autres réseaux sur la migration fournit des idées et des solutions précieuses pour régler les problèmes rencontrés dans les différentes régions.';

const SEED_003: DemoPractice[] = [
  {
    key: 'perco-european-red-cross-platform',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    status: 'published',
    publishedOn: '2019-06-20',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'PERCO : une plate-forme de coopération des Sociétés nationales européennes sur la migration',
        en: 'PERCO: a cooperation platform of the European National Societies on migration',
      },
      summary: { fr: SEED_003_CONCEPT, en: SEED_003_CONCEPT_EN },
      description: {
        fr: 'La Plate-forme de coopération de la Croix-Rouge européenne pour les réfugiés, les demandeurs d’asile et les migrants (PERCO) a été créée en 1997 pour promouvoir la coordination entre les Sociétés nationales européennes dans leurs efforts visant à améliorer la situation des réfugiés, des demandeurs d’asile et des migrants en Europe. La plate-forme favorise l’échange d’informations, le renforcement des capacités par les pairs sur les questions touchant à la migration et l’élaboration d’actions conjointes destinées à développer la base de connaissances en matière de migration.',
      },
      challenges: {
        fr: [
          SEED_003_CHALLENGES.fundingGeneral,
          SEED_003_CHALLENGES.coordinators,
          SEED_003_CHALLENGES.time,
        ].join('\n'),
      },
      lessonsLearned: { fr: SEED_003_LESSON_GENERAL },
      notCommunicated: ['results'],
      actors: as('partner', ...membersOf('perco')),
      countries: ['BE', 'DE', 'ES', 'FR', 'GB', 'IT', 'SE'],
      // The seed gives the year only.
      periodStart: '1997-01-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['23', '7'],
      thematicAreas: ['technical-cooperation', 'migrants-human-rights'],
      targetGroups: ['refugees-asylum-seekers'],
      migrationStages: ['destination'],
    },
  },
  {
    key: 'apmn-asia-pacific-migration-network',
    network: 'apmn',
    organisation: 'australian-red-cross',
    status: 'published',
    publishedOn: '2019-09-03',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'Le Réseau sur la migration de la région Asie-Pacifique (APMN)',
        en: 'The Asia Pacific Migration Network (APMN)',
      },
      summary: { fr: SEED_003_CONCEPT, en: SEED_003_CONCEPT_EN },
      description: {
        fr: 'Le Asia Pacific Migration Network (APMN) (Réseau sur la migration de la région Asie-Pacifique) a été créé en décembre 2012 par 17 Sociétés nationales au titre d’objectifs similaires à ceux de la PERCO. Il publie des rapports et recense les informations, les programmes clés, les services et les initiatives des acteurs du Mouvement dans la région. Une réunion annuelle a été tenue en avril 2016, à laquelle ont participé 18 Sociétés nationales, la Fédération internationale et le CICR pour examiner les besoins et les vulnérabilités des migrants.',
      },
      challenges: {
        fr: [
          SEED_003_CHALLENGES.fundingGeneral,
          SEED_003_CHALLENGES.coordinators,
          SEED_003_CHALLENGES.time,
        ].join('\n'),
      },
      lessonsLearned: { fr: SEED_003_LESSON },
      notCommunicated: ['results'],
      actors: [...as('partner', ...membersOf('apmn')), ...as('partner', 'ifrc', 'icrc')],
      countries: ['AU', 'BD', 'ID', 'JP', 'NP', 'NZ', 'PH'],
      // The seed gives the month only.
      periodStart: '2012-12-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['23', '1', '7'],
      thematicAreas: ['technical-cooperation', 'migrants-human-rights'],
    },
  },
  {
    key: 'americas-migration-working-group',
    network: 'americas-mwg',
    organisation: 'cruz-roja-mexicana',
    status: 'published',
    publishedOn: '2019-10-08',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'Le Groupe de travail sur la migration de la région Amériques et Caraïbes',
        es: 'El Grupo de Trabajo sobre Migración de las Américas y el Caribe',
        en: 'The Migration Working Group of the Americas and Caribbean',
      },
      summary: {
        fr: SEED_003_CONCEPT,
        es: 'Plataforma que favorece la movilización y la coordinación de grupos de Sociedades Nacionales interconectadas en cuestiones relacionadas con la migración.',
        en: SEED_003_CONCEPT_EN,
      },
      description: {
        fr: 'Le Migration Working Group of the Americas and Caribbean (Groupe de travail sur la migration de la région Amériques et Caraïbes) a lui aussi été créé pour améliorer l’échange d’informations et la coordination sur les questions touchant à la migration dans les Amériques et les Caraïbes. Les coordonnateurs chargés des questions touchant à la migration de 17 des 35 Sociétés nationales de la région participent au groupe, qui tient des téléconférences bimensuelles et une réunion annuelle à laquelle le CICR a le statut d’observateur. Les membres du réseau échangent des informations sur l’évolution des routes migratoires, le rapatriement, le financement, la société civile, etc. Ils mettent aussi en commun des données et des informations sur les modifications législatives qui pourraient intéresser les Sociétés nationales partenaires. Le réseau a été mis en place sur la base des enseignements tirés de l’APMN et de la PERCO.',
      },
      challenges: {
        fr: [SEED_003_CHALLENGES.funding, SEED_003_CHALLENGES.coordinators, SEED_003_CHALLENGES.time].join(
          '\n',
        ),
      },
      lessonsLearned: { fr: SEED_003_LESSON },
      // The seed gives no founding date.
      notCommunicated: ['results', 'period'],
      actors: as('partner', ...membersOf('americas-mwg')),
      countries: ['CA', 'CO', 'CR', 'GT', 'HN', 'MX', 'PA', 'SV', 'US'],
      modality: 'regional',
      gcmObjectives: ['23', '1', '21'],
      thematicAreas: ['technical-cooperation', 'migrants-human-rights'],
      migrationStages: ['transit', 'return-and-reintegration'],
      targetGroups: ['returnees'],
    },
  },
  {
    key: 'central-asia-migration-network',
    network: 'central-asia',
    organisation: 'red-crescent-kazakhstan',
    status: 'published',
    publishedOn: '2020-01-21',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'Le Réseau sur la migration des Sociétés nationales d’Asie centrale',
        en: 'The Migration Network for Central Asian Societies',
      },
      summary: { fr: SEED_003_CONCEPT, en: SEED_003_CONCEPT_EN },
      // The seed's sentence; the bracketed words say which aims, as the seed's context does.
      description: {
        fr: 'Le Migration Network for Central Asian Societies (Réseau sur la migration des Sociétés nationales d’Asie centrale) est un réseau informel qui partage les mêmes objectifs [que la PERCO, l’APMN et le Groupe de travail sur la migration de la région Amériques et Caraïbes].',
      },
      challenges: {
        fr: [
          SEED_003_CHALLENGES.fundingGeneral,
          SEED_003_CHALLENGES.coordinators,
          SEED_003_CHALLENGES.time,
        ].join('\n'),
      },
      lessonsLearned: { fr: SEED_003_LESSON_GENERAL },
      notCommunicated: ['results', 'period'],
      actors: as('partner', ...membersOf('central-asia')),
      countries: ['KG', 'KZ', 'TJ', 'UZ'],
      modality: 'regional',
      gcmObjectives: ['23'],
      thematicAreas: ['technical-cooperation'],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Seed 004: the activities of RICOMI's proposal (CEAM, 22 November 2010). The texts are the
// seed's; the seed gives no period, status or result, so the period and results are "not
// communicated", and the statuses, publication dates, countries and partner authorities are the
// demo's.
// ---------------------------------------------------------------------------------------------

const RICOMI_CONTEXT = [
  'Activité prévue par la « Proposition pour l’élaboration d’un réseau interaméricain de coopération sur les migrations » de la Commission spéciale des questions migratoires (CEAM), 22 novembre 2010. Pour mettre cette proposition en application, la CEAM bénéficie de l’appui du Secrétariat technique.',
  'Mandats — AG/RES. 2608 (XL-O/10), Populations migrantes et flux migratoires dans les Amériques : « 5. Réaffirmer l’importance de disposer de données et de systèmes d’information précise et opportune sur les migrations, qui encouragent le renforcement des capacités institutionnelles, des mesures de coopération et la mise en commun des pratiques optimales entre les États. 12. Demander instamment à la CEAM de poursuivre ses travaux en sa qualité de principale tribune au sein de l’Organisation pour le partage d’information et de pratiques optimales en matière migratoire. »',
].join('\n\n');

const RICOMI_AUTHORITIES = membersOf('ricomi').filter((key) => key !== 'oas');
const RICOMI_COUNTRIES = ['AR', 'CL', 'CO', 'CR', 'MX', 'PE'];

const SEED_004: DemoPractice[] = [
  {
    key: 'ricomi-workshop-lessons-from-cooperation',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2019-04-25',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'Atelier « Les enseignements de nos expériences : La coopération bilatérale et régionale au service des politiques et de la gestion des migrations »',
        es: 'Taller «Las lecciones de nuestras experiencias: la cooperación bilateral y regional al servicio de las políticas y la gestión de las migraciones»',
      },
      summary: {
        fr: 'Première activité du Réseau interaméricain de coopération sur les migrations (RICOMI) : un atelier où les institutions chargées des migrations mettent en commun leurs expériences de coopération bilatérale et régionale.',
        es: 'Primera actividad de la Red Interamericana de Cooperación en Migraciones (RICOMI): un taller en el que las instituciones a cargo de las migraciones ponen en común sus experiencias de cooperación bilateral y regional.',
      },
      description: {
        fr: [
          'L’atelier aura pour objectifs :',
          '– Identifier, systématiser et diffuser des programmes et stratégies de politique publique sur les migrations.',
          '– Encourager les échanges de données d’expériences et d’apprentissage pour créer une communauté pratique de décideurs.',
          '– Faciliter la communication entre les autorités chargées des migrations, les organisations internationales et la société civile, et améliorer la coordination et la coopération entre ces entités et les institutions de coopération.',
          '– Renforcer les capacités des responsables de la gestion des migrations, de la formulation et de l’élaboration des politiques publiques sur les migrations pour dénombrer les besoins et formuler des propositions afin d’obtenir une aide technique et financière.',
        ].join('\n'),
      },
      context: { fr: RICOMI_CONTEXT },
      notCommunicated: ['results', 'period'],
      actors: [lead('oas'), ...as('partner', ...RICOMI_AUTHORITIES)],
      countries: RICOMI_COUNTRIES,
      modality: 'regional',
      gcmObjectives: ['23', '1'],
      thematicAreas: ['technical-cooperation'],
      targetGroups: ['officials'],
    },
  },
  {
    key: 'ricomi-inventory-migration-portals',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2019-07-11',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Inventaire des portails sur les migrations dans le Continent américain' },
      summary: {
        fr: 'Recensement des portails d’information sur les migrations des États du Continent américain, pour en faire un instrument de comparaison entre États, un outil d’information pour les migrants et une base pour des systèmes d’information sur les migrations.',
      },
      description: {
        fr: [
          'L’objectif est l’élaboration des éléments suivants :',
          'a) Un instrument d’information, analyse et comparaison qui permettra aux États membres de contribuer à identifier des mécanismes et des domaines de coopération sur des thèmes ayant trait à la gestion des migrations entre les États.',
          'b) Un outil de consultation et d’information pour les migrants avant et durant le processus de migration et/ou à leur retour dans leur pays d’origine.',
          'c) Une élaboration continue de systèmes d’information sur les migrations qui consolident les processus décisionnels et favorisent la formulation de politiques d’intérêt public.',
        ].join('\n'),
      },
      context: { fr: RICOMI_CONTEXT },
      notCommunicated: ['results', 'period'],
      actors: [lead('oas'), ...as('partner', ...RICOMI_AUTHORITIES)],
      countries: RICOMI_COUNTRIES,
      modality: 'regional',
      gcmObjectives: ['1', '3', '23'],
      thematicAreas: ['technical-cooperation', 'mass-information'],
      migrationStages: ['before-departure', 'transit', 'return-and-reintegration'],
      targetGroups: ['officials'],
    },
  },
  {
    key: 'ricomi-high-level-meeting-migration-authorities',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2020-03-05',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'Réunion de haut niveau des responsables des questions de migration dans le Continent américain',
      },
      summary: {
        fr: 'Un espace de dialogue entre les autorités migratoires du Continent américain pour encourager la coopération technique entre les États.',
      },
      // The seed's "de dla sécurité" is a typing slip, read "de la sécurité".
      description: {
        fr: 'But : Constituer un espace de dialogue qui encourage la coopération technique entre les États et le renforcement des partenariats institutionnels qui facilitent une gestion plus efficace des migrations et favorisent la gouvernance démocratique ainsi que la promotion des droits humains et de la sécurité des migrants.',
      },
      context: { fr: RICOMI_CONTEXT },
      notCommunicated: ['results', 'period'],
      actors: [lead('oas'), ...as('partner', ...RICOMI_AUTHORITIES)],
      countries: RICOMI_COUNTRIES,
      modality: 'multilateral',
      gcmObjectives: ['23', '7'],
      gcmPrinciples: ['international-cooperation', 'human-rights'],
      thematicAreas: ['technical-cooperation', 'migrants-human-rights'],
      targetGroups: ['officials'],
    },
  },
  {
    key: 'ricomi-cooperation-facilitation-mechanism',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2020-09-17',
    illustrative: false,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Facilitation, accompagnement et suivi de la coopération' },
      summary: {
        fr: 'Un formulaire commun pour recueillir les pratiques que les pays jugent fructueuses et leurs expériences de coopération bilatérale, un tableau de l’offre et de la demande de coopération, des indicateurs et un bulletin annuel.',
      },
      description: {
        fr: [
          'Méthode de travail : formulaire pour saisir les données suivantes :',
          '- présentation de pratiques ou stratégies que les pays jugent fructueuses ;',
          '- informations sur les pratiques de coopération bilatérale : modalités ? période de mise en oeuvre ? résultats ?',
          'Élaboration d’un tableau de consolidation des informations (offre et demande). Activités de facilitation pour la coopération entre les États. Établissement d’indicateurs pour vérifier les effets de la coopération. Bulletin annuel spécial d’information sur les progrès en matière de coopération sur les migrations dans la région.',
        ].join('\n'),
      },
      context: { fr: RICOMI_CONTEXT },
      notCommunicated: ['results', 'period'],
      actors: [lead('oas'), ...as('partner', ...RICOMI_AUTHORITIES)],
      countries: RICOMI_COUNTRIES,
      modality: 'multilateral',
      gcmObjectives: ['23', '1'],
      thematicAreas: ['technical-cooperation'],
      targetGroups: ['officials'],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Illustrative practices, in French.
// ---------------------------------------------------------------------------------------------

const ILLUSTRATIVE_FR: DemoPractice[] = [
  {
    key: 'crf-restoring-family-links-transit',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    status: 'published',
    publishedOn: '2020-02-11',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Rétablir les liens familiaux des personnes exilées en transit' },
      summary: {
        fr: 'Des équipes mobiles de bénévoles proposent aux personnes en transit sur le littoral et dans les villes frontalières un appel téléphonique, une recharge de téléphone et l’ouverture d’une demande de recherche de proches. Les demandes sont suivies avec les Sociétés nationales des pays de transit et d’origine.',
      },
      description: {
        fr: 'Beaucoup de personnes exilées perdent le contact avec leur famille pendant le trajet : téléphone perdu ou confisqué, naufrage, séparation lors d’un contrôle. Les équipes mobiles vont à leur rencontre sur les lieux de vie informels et aux points de distribution. Elles offrent un appel gratuit, la recharge des téléphones, et, lorsqu’un proche est introuvable, ouvrent une demande de recherche transmise au réseau de rétablissement des liens familiaux du Mouvement.\n\nLes bénévoles sont formés à l’écoute, à la protection des données personnelles et à l’orientation vers les services d’accès aux droits. Les messages Croix-Rouge et les photos de personnes recherchées circulent entre Sociétés nationales par des canaux sécurisés ; aucune donnée n’est partagée avec les autorités sans le consentement des personnes.',
      },
      context: {
        fr: 'Sur les routes migratoires européennes, la disparition et la séparation des familles sont fréquentes, et les personnes en transit évitent souvent les services institutionnels.',
      },
      resources: {
        fr: 'Des bénévoles formés, des véhicules, des batteries et des téléphones, l’appui méthodologique de l’Agence centrale de recherches du CICR.',
      },
      results: {
        fr: 'Des familles ont retrouvé le contact avec un proche dont elles étaient sans nouvelles ; des personnes en transit ont été orientées vers un accompagnement juridique ou médical.',
      },
      lessonsLearned: {
        fr: 'La confiance se construit par la régularité de la présence et par la garantie, expliquée simplement, que les données restent dans le Mouvement.',
      },
      replicability: {
        fr: 'Reproductible par toute Société nationale disposant d’un service de rétablissement des liens familiaux, sur une route de transit.',
      },
      notCommunicated: ['evaluation'],
      actors: [
        lead('croix-rouge-francaise'),
        ...as('partner', 'british-red-cross', 'italian-red-cross', 'icrc'),
      ],
      countries: ['FR', 'GB', 'IT'],
      periodStart: '2016-05-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['8', '14', '7'],
      gcmPrinciples: ['people-centred', 'human-rights'],
      thematicAreas: ['emergency-and-post-conflict', 'migrants-human-rights'],
      migrationStages: ['transit'],
      targetGroups: ['families', 'unaccompanied-children', 'migrants-in-irregular-situation'],
    },
  },
  {
    key: 'crf-unaccompanied-minors-shelter',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    status: 'in-review',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Mise à l’abri et évaluation bienveillante des mineurs non accompagnés' },
      summary: {
        fr: 'Un accueil de jour et de nuit pour les jeunes qui se déclarent mineurs non accompagnés, le temps de l’évaluation de leur situation. L’évaluation repose sur des entretiens pluridisciplinaires plutôt que sur des examens osseux, et l’enfant est informé de ses droits dans sa langue.',
      },
      description: {
        fr: 'Le dispositif accueille les jeunes dès leur arrivée, sans condition, et leur assure un hébergement, des repas, un bilan de santé et un premier entretien avec un éducateur et un interprète. L’évaluation de la minorité et de l’isolement se fait en plusieurs entretiens, par une équipe qui réunit éducateurs, psychologues et juristes ; le jeune peut être accompagné d’une personne de confiance.\n\nPendant toute la procédure, le jeune ne peut être placé en rétention ; en cas de contestation, il est orienté vers un avocat pour saisir le juge des enfants.',
      },
      context: {
        fr: 'Les jeunes arrivant seuls sont souvent épuisés et n’ont aucun document ; une évaluation rapide et purement documentaire les expose à la rue.',
      },
      challenges: {
        fr: 'Des délais d’évaluation longs, la saturation des places d’hébergement et le manque d’interprètes pour certaines langues.',
      },
      actors: [lead('croix-rouge-francaise')],
      countries: ['FR'],
      periodStart: '2019-09-01',
      ongoing: true,
      gcmObjectives: ['7', '13', '15'],
      gcmPrinciples: ['child-sensitive', 'rule-of-law-and-due-process'],
      thematicAreas: ['migrants-human-rights', 'migration-and-health'],
      migrationStages: ['destination'],
      targetGroups: ['unaccompanied-children', 'children'],
    },
  },
  {
    key: 'crf-senegal-youth-safe-migration',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    status: 'published',
    publishedOn: '2023-07-11',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Informer les jeunes sur les risques du trafic illicite de migrants au Sénégal' },
      summary: {
        fr: 'Des associations de jeunes, formées par la Croix-Rouge sénégalaise avec l’appui de la Croix-Rouge française, animent des causeries sur les routes migratoires, les passeurs et les voies légales de migration. Les jeunes qui envisagent de partir reçoivent une information vérifiée plutôt que des rumeurs.',
      },
      description: {
        fr: 'Dans les quartiers et villages d’où partent de nombreux jeunes, des pairs éducateurs animent des causeries, des émissions de radio communautaire et des séances de théâtre-forum. Le message n’est pas de dissuader de partir, mais de permettre une décision éclairée : risques de la traversée, pratiques des réseaux de trafic illicite de migrants, droits en chemin, voies de migration régulière et de formation.\n\nLes pairs éducateurs orientent aussi les familles de migrants disparus vers le service de rétablissement des liens familiaux et les jeunes de retour vers les dispositifs de réinsertion.',
      },
      context: {
        fr: 'Les départs par la route atlantique vers les Canaries exposent les jeunes à des risques graves ; l’information circule surtout par les réseaux sociaux et les intermédiaires.',
      },
      results: {
        fr: 'Les pairs éducateurs rapportent que les jeunes posent davantage de questions sur les voies régulières et que les familles connaissent mieux le service de recherche de proches.',
      },
      evaluation: {
        fr: 'Une évaluation qualitative à mi-parcours, par entretiens avec les pairs éducateurs et les familles.',
      },
      lessonsLearned: {
        fr: 'Une information crédible vient de personnes du même âge et du même quartier, y compris de migrants de retour qui acceptent de témoigner.',
      },
      actors: [lead('croix-rouge-francaise'), ...as('partner', 'spanish-red-cross', 'ifrc')],
      countries: ['SN', 'FR', 'ES'],
      periodStart: '2019-10-01',
      periodEnd: '2022-12-31',
      modality: 'bilateral',
      gcmObjectives: ['2', '3', '9'],
      thematicAreas: ['mass-information'],
      migrationStages: ['before-departure', 'return-and-reintegration'],
      targetGroups: ['children', 'families', 'returnees'],
      links: [
        { url: 'https://example.org/puente-demo/causeries-migration-senegal', label: 'Guide des causeries' },
      ],
    },
  },
  {
    key: 'belgian-rc-voluntary-return-reintegration',
    network: 'perco',
    organisation: 'belgian-red-cross',
    status: 'published',
    publishedOn: '2020-11-17',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Accompagnement au retour volontaire et à la réintégration depuis les centres d’accueil' },
      summary: {
        fr: 'Des conseillers en retour, présents dans les centres d’accueil pour demandeurs d’asile, informent sans pression les personnes qui envisagent de rentrer. Celles qui le décident préparent avec eux un projet de réintégration suivi dans le pays d’origine par un partenaire local.',
      },
      description: {
        fr: 'Le conseil au retour est une possibilité offerte, jamais une condition de l’accueil. Les personnes qui s’interrogent reçoivent une information complète sur le retour volontaire, l’aide au voyage, l’aide à la réintégration et les autres voies possibles, y compris la poursuite de leur procédure.\n\nPour celles qui choisissent de rentrer, un plan de réintégration est préparé avant le départ : activité génératrice de revenus, formation, logement, soins. Un partenaire local, souvent la Société nationale du pays, accueille la personne à l’arrivée et suit le projet pendant plusieurs mois.',
      },
      context: {
        fr: 'Des personnes déboutées ou découragées rentrent parfois sans préparation et se retrouvent dans une situation plus fragile qu’avant leur départ.',
      },
      resources: {
        fr: 'Des conseillers formés dans les centres, une aide à la réintégration financée par les pouvoirs publics, un réseau de partenaires dans les pays de retour.',
      },
      results: {
        fr: 'Les personnes accompagnées arrivent avec un projet préparé et un interlocuteur sur place ; les partenaires observent une meilleure stabilité des projets suivis.',
      },
      challenges: {
        fr: 'Maintenir le caractère réellement volontaire du retour quand la procédure d’asile se termine ; assurer un suivi dans les régions peu accessibles.',
      },
      replicability: {
        fr: 'Le modèle convient aux pays qui ont un réseau d’accueil structuré et des partenaires dans les principaux pays d’origine.',
      },
      actors: [lead('belgian-red-cross'), ...as('partner', 'iom')],
      countries: ['BE', 'CD', 'GN', 'CM'],
      periodStart: '2014-01-01',
      ongoing: true,
      modality: 'triangular',
      gcmObjectives: ['21', '3'],
      gcmPrinciples: ['people-centred', 'sustainable-development'],
      thematicAreas: ['assisted-voluntary-return'],
      migrationStages: ['destination', 'return-and-reintegration'],
      targetGroups: ['returnees', 'refugees-asylum-seekers'],
    },
  },
  {
    key: 'belgian-rc-trafficking-identification-asylum',
    network: 'perco',
    organisation: 'belgian-red-cross',
    status: 'draft',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Repérer les victimes de traite des êtres humains parmi les demandeurs d’asile' },
      summary: {
        fr: 'Le personnel des centres d’accueil apprend à reconnaître les signes de traite des êtres humains et à orienter les victimes présumées vers un centre spécialisé. Une fiche de repérage commune est en cours d’essai.',
      },
      description: {
        fr: 'Les victimes de traite arrivent souvent dans le réseau d’accueil sans se déclarer comme telles. Une formation courte, des situations types et une fiche de repérage aident le personnel à reconnaître les signes (dettes envers un tiers, contrôle du téléphone, sorties contraintes) et à orienter la personne, avec son accord, vers un centre spécialisé d’accueil des victimes.',
      },
      actors: [lead('belgian-red-cross')],
      countries: ['BE', 'NG'],
      periodStart: '2025-09-01',
      ongoing: true,
      gcmObjectives: ['10', '12'],
      thematicAreas: ['counter-trafficking'],
      migrationStages: ['destination'],
      targetGroups: ['trafficking-victims', 'refugees-asylum-seekers', 'women'],
    },
  },
  {
    key: 'canadian-rc-asylum-seekers-reception',
    network: 'americas-mwg',
    organisation: 'canadian-red-cross',
    status: 'published',
    publishedOn: '2022-01-25',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: {
        fr: 'Accueil des demandeurs d’asile et orientation vers les services de base',
        en: 'Reception of asylum seekers and referral to basic services',
      },
      summary: {
        fr: 'Lors d’arrivées nombreuses de demandeurs d’asile, la Société nationale ouvre des sites d’hébergement temporaire et oriente les personnes vers les services de santé, le logement et l’aide juridique. Les familles reçoivent une information claire sur la procédure d’asile.',
        en: 'When many asylum seekers arrive, the National Society opens temporary shelters and refers people to health services, housing and legal aid. Families receive clear information on the asylum procedure.',
      },
      description: {
        fr: 'À la demande des autorités, des équipes de bénévoles et d’employés installent et gèrent des sites d’hébergement temporaire : accueil, repas, premiers soins, espace pour les enfants. Chaque personne rencontre un intervenant qui recense ses besoins et l’oriente vers les organismes communautaires, les services de santé et les cliniques juridiques.\n\nDes séances d’information, en français, en anglais, en espagnol et en créole haïtien, expliquent les étapes de la procédure d’asile, les droits et obligations, et la recherche de logement.',
      },
      results: {
        fr: 'Les personnes ont trouvé un hébergement et un premier accompagnement dès leur arrivée ; les organismes communautaires ont reçu des orientations mieux préparées.',
      },
      lessonsLearned: {
        fr: 'Préparer à l’avance les ententes avec les autorités et les organismes communautaires permet d’ouvrir un site en quelques jours.',
      },
      replicability: {
        fr: 'Les procédures d’ouverture de sites sont celles des interventions en cas de catastrophe ; elles s’adaptent à d’autres arrivées soudaines.',
      },
      notCommunicated: ['resources'],
      actors: [lead('canadian-red-cross')],
      countries: ['CA', 'HT', 'US'],
      periodStart: '2017-08-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['15', '16', '12'],
      gcmPrinciples: ['whole-of-society-approach'],
      thematicAreas: ['emergency-and-post-conflict', 'migrants-human-rights'],
      migrationStages: ['destination'],
      targetGroups: ['refugees-asylum-seekers', 'families', 'children'],
    },
  },
  {
    key: 'oas-haiti-civil-registration',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2022-12-06',
    illustrative: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Renforcer l’état civil pour que les migrants haïtiens aient des documents d’identité' },
      summary: {
        fr: 'Une coopération triangulaire entre l’OEA, un pays de destination et Haïti aide les services consulaires et l’état civil haïtien à délivrer des actes de naissance et des pièces d’identité aux ressortissants vivant à l’étranger. Des journées de documentation sont organisées avec les consulats.',
      },
      description: {
        fr: 'Beaucoup de migrants haïtiens n’ont pas d’acte de naissance valide, ce qui bloque leur régularisation et l’inscription de leurs enfants à l’école. Le projet appuie la numérisation des registres, forme les agents consulaires et organise des journées mobiles d’enregistrement dans les villes où vivent de nombreux Haïtiens.\n\nL’autorité migratoire du pays de destination accepte les documents ainsi délivrés dans les procédures de résidence, ce qui relie directement l’identité légale à la régularisation.',
      },
      context: {
        fr: 'La mobilité haïtienne vers l’Amérique du Sud et l’Amérique centrale a augmenté, et le manque de documents est l’un des premiers obstacles à l’intégration.',
      },
      results: {
        fr: 'Des ressortissants haïtiens ont obtenu des documents d’identité sans retourner en Haïti ; les consulats disposent de procédures et d’outils plus fiables.',
      },
      challenges: {
        fr: 'L’instabilité en Haïti ralentit la vérification des registres ; les journées mobiles dépendent de financements ponctuels.',
      },
      notCommunicated: ['evaluation'],
      actors: [lead('oas'), ...as('partner', 'sermig-chile')],
      countries: ['HT', 'CL'],
      periodStart: '2018-03-01',
      periodEnd: '2021-12-31',
      modality: 'triangular',
      gcmObjectives: ['4', '14'],
      thematicAreas: ['technical-cooperation'],
      migrationStages: ['destination'],
      targetGroups: ['migrants-in-irregular-situation', 'stateless', 'officials'],
      links: [{ url: 'https://www.oas.org', label: 'OEA' }],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Illustrative practices, in English.
// ---------------------------------------------------------------------------------------------

const ILLUSTRATIVE_EN: DemoPractice[] = [
  {
    key: 'kind-return-reintegration-children',
    network: COALITION,
    organisation: 'kind',
    status: 'published',
    publishedOn: '2022-02-15',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: {
        en: 'Case management for unaccompanied children returned to Guatemala and Honduras',
        es: 'Gestión de casos para niñas, niños y adolescentes no acompañados retornados a Guatemala y Honduras',
      },
      summary: {
        en: 'Social workers follow each unaccompanied child returned from the United States or Mexico from the day of arrival until the child is back in school or training and safe at home. The practice links reception centres, child protection authorities and local organisations so that return and reintegration are planned around the best interests of the child.',
        es: 'Trabajadoras y trabajadores sociales acompañan a cada niña, niño o adolescente no acompañado retornado desde los Estados Unidos o México, desde el día de su llegada hasta que vuelve a la escuela o a una formación y está seguro en su hogar. La práctica vincula los centros de recepción, las autoridades de protección de la niñez y las organizaciones locales para que el retorno y la reintegración se planifiquen en función del interés superior de la niñez.',
      },
      description: {
        en: 'A local partner organisation meets the child at the reception centre, carries out a best-interests assessment with the child protection authority and agrees a reintegration plan with the family. The plan covers safety, schooling or vocational training, health and psychosocial care; where the family home is not safe, the child is referred to an alternative care option.\n\nCase workers visit the child regularly for at least a year. When a child faces threats, the case is escalated to the protection authority and, where needed, to international protection mechanisms. Anonymised case data feed the coalition’s advocacy on conditions of return.',
      },
      context: {
        en: 'Many children returned to the Northern Triangle had fled violence or extreme poverty; without follow-up, some face the same threats again or attempt the journey once more.',
      },
      resources: {
        en: 'A team of social workers and lawyers in each country, a small fund for school fees and transport, and agreements with the national child protection authorities.',
      },
      results: {
        en: 'Children followed by the programme were more often back in school, and case workers identified risks early enough to refer the children to protection.',
      },
      challenges: {
        en: 'Reaching children in remote rural areas; violence in some neighbourhoods that makes home visits unsafe; the dependence on short-term funding.',
      },
      lessonsLearned: {
        en: 'Reintegration begins before return: sharing information between the country of destination and the country of origin, with the child’s consent, makes the first weeks safer.',
      },
      replicability: {
        en: 'The case management model can be used wherever a child protection authority is ready to take part and local organisations can provide follow-up.',
      },
      actors: [lead('kind'), ...as('partner', 'save-the-children-us', 'iom')],
      countries: ['US', 'MX', 'GT', 'HN'],
      periodStart: '2017-03-01',
      periodEnd: '2021-12-31',
      modality: 'bilateral',
      gcmObjectives: ['21', '7'],
      gcmPrinciples: ['child-sensitive', 'human-rights'],
      thematicAreas: ['assisted-voluntary-return', 'migrants-human-rights'],
      migrationStages: ['return-and-reintegration'],
      targetGroups: ['unaccompanied-children', 'returnees', 'families'],
    },
  },
  {
    key: 'wrc-gbv-risk-mitigation-border-shelters',
    network: COALITION,
    organisation: 'wrc',
    status: 'published',
    publishedOn: '2021-09-07',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: {
        en: 'Reducing the risk of gender-based violence in shelters along the Mexico–United States border',
      },
      summary: {
        en: 'Shelter staff and volunteers assess the risks that women, girls and LGBTIQ+ people face in migrant shelters and make practical changes: lighting, separate sanitation, safe referral pathways. A short toolkit and peer visits spread the approach from one shelter to the next.',
      },
      description: {
        en: 'A rapid safety audit, done with residents, identifies where and when people feel unsafe. Each shelter then chooses a few low-cost measures, such as locks and lighting, separate and well-lit latrines, women-only spaces and a trained focal point who knows where to refer survivors for medical, psychosocial and legal support.\n\nShelters that have applied the toolkit host staff from other shelters for a day of peer learning. A directory of referral services in each border city is updated every six months.',
      },
      context: {
        en: 'As waiting times at the border grew longer, people stayed for weeks or months in shelters not designed for long stays, and reports of gender-based violence increased.',
      },
      results: {
        en: 'Participating shelters made changes that residents noticed, and referral pathways for survivors became known to staff and residents alike.',
      },
      evaluation: {
        en: 'Follow-up audits after six months compared residents’ perceptions of safety with the first audit.',
      },
      lessonsLearned: {
        en: 'Involving residents in the audit both improves the findings and builds trust with the focal point.',
      },
      actors: [lead('wrc'), ...as('partner', 'hias', 'simn')],
      countries: ['MX', 'US'],
      periodStart: '2019-02-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['7', '15'],
      gcmPrinciples: ['gender-responsive', 'human-rights'],
      thematicAreas: ['migrants-human-rights', 'migration-and-health'],
      migrationStages: ['transit'],
      targetGroups: ['women', 'children', 'refugees-asylum-seekers'],
      links: [{ url: 'https://example.org/puente-demo/shelter-safety-audit', label: 'Safety audit toolkit' }],
    },
  },
  {
    key: 'hias-resettlement-predeparture-orientation',
    network: COALITION,
    organisation: 'hias',
    status: 'published',
    publishedOn: '2019-11-05',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Pre-departure orientation for refugees referred for resettlement' },
      summary: {
        en: 'Refugees in Central America who have been referred for resettlement attend a cultural orientation course before travel. The course covers the resettlement process, the first months in the new country, work, schooling and rights, so that expectations match reality.',
      },
      description: {
        en: 'The course runs over several days in small groups, in Spanish, with separate sessions for young people. Trainers use the experience of refugees already resettled, recorded in short videos, to answer the questions that families ask most: how housing is found, how soon adults can work, how children enter school, what help ends and when.\n\nThe orientation also prepares families for family reunification procedures and explains how to keep documents safe during travel.',
      },
      resources: {
        en: 'Trainers fluent in Spanish, a curriculum adapted from resettlement agencies’ materials, video testimonies.',
      },
      results: {
        en: 'Receiving agencies reported that families arrived better prepared and with more realistic expectations of the first months.',
      },
      replicability: {
        en: 'The curriculum can be adapted to any resettlement or complementary pathway, including labour mobility schemes for refugees.',
      },
      notCommunicated: ['evaluation', 'challenges'],
      actors: [lead('hias'), ...as('partner', 'iom', 'irc')],
      countries: ['CR', 'GT', 'SV', 'HN', 'US'],
      periodStart: '2018-01-15',
      ongoing: true,
      modality: 'multilateral',
      gcmObjectives: ['3', '5'],
      thematicAreas: ['resettlement', 'mass-information'],
      migrationStages: ['before-departure', 'destination'],
      targetGroups: ['refugees-asylum-seekers', 'families'],
    },
  },
  {
    key: 'oxfam-remittances-financial-inclusion',
    network: COALITION,
    organisation: 'oxfam-america',
    status: 'published',
    publishedOn: '2020-02-20',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: {
        en: 'Financial education and cheaper remittance channels for migrants’ families in El Salvador',
      },
      summary: {
        en: 'Families who receive remittances learn to compare transfer costs, open savings accounts and plan investments with local cooperatives. Women, who receive most remittances, lead the savings groups.',
      },
      description: {
        en: 'Savings groups of ten to twenty people meet every two weeks in their community. A facilitator from a local cooperative explains the real cost of sending money, how to compare providers and how mobile money and cooperative accounts can lower fees. Members save together and can borrow from the group for small productive investments.\n\nIn the United States, partner organisations run the same sessions for migrants who send remittances, so that both ends of the transfer understand the options.',
      },
      context: {
        en: 'Remittances are a major source of income for many Salvadoran households, but transfer fees and the lack of access to financial services reduce what families can save or invest.',
      },
      results: {
        en: 'Participants reported switching to cheaper transfer channels and saving regularly; several savings groups went on to register as cooperatives.',
      },
      challenges: {
        en: 'Mistrust of banks, and the difficulty for migrants in an irregular situation to open accounts in the United States.',
      },
      lessonsLearned: {
        en: 'Working with both the sender and the receiver is what changes the choice of transfer channel.',
      },
      actors: [lead('oxfam-america'), ...as('partner', 'lwr')],
      countries: ['US', 'SV'],
      periodStart: '2016-06-01',
      periodEnd: '2019-05-31',
      modality: 'bilateral',
      gcmObjectives: ['20', '19'],
      gcmPrinciples: ['gender-responsive', 'sustainable-development'],
      thematicAreas: ['labour-migration'],
      migrationStages: ['destination', 'before-departure'],
      targetGroups: ['families', 'women', 'diaspora'],
    },
  },
  {
    key: 'australian-rc-pacific-seasonal-workers',
    network: 'apmn',
    organisation: 'australian-red-cross',
    status: 'published',
    publishedOn: '2022-05-03',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Wellbeing and workplace rights information for Pacific seasonal workers' },
      summary: {
        en: 'Volunteers visit seasonal workers from Pacific island countries on farms and in regional towns, with information on health services, workplace rights and where to get help. Sessions are run with community leaders from the workers’ own countries.',
      },
      description: {
        en: 'Seasonal workers often live far from services and may not know how to see a doctor, what their contract guarantees or whom to call when something goes wrong. Red Cross volunteers, together with community leaders from the Pacific diaspora, run short evening sessions at accommodation sites and keep a phone line open for follow-up.\n\nThe sessions cover health and mental health services, workplace rights and safety, sending money home, and emergency preparedness for heatwaves and bushfires. Concerns about working conditions are referred, with the worker’s consent, to the appropriate authority or union.',
      },
      results: {
        en: 'Workers reported knowing where to turn for health care and advice; employers and community leaders asked for the sessions to be repeated each season.',
      },
      challenges: {
        en: 'Long working hours leave little time for sessions; some workers fear that raising concerns could affect their return next season.',
      },
      lessonsLearned: {
        en: 'Sessions led jointly with diaspora community leaders are better attended and more trusted.',
      },
      replicability: { en: 'Applicable to any temporary labour migration scheme in rural areas.' },
      actors: [lead('australian-red-cross'), ...as('partner', 'new-zealand-red-cross', 'ifrc')],
      countries: ['AU', 'FJ', 'TO', 'VU', 'WS'],
      periodStart: '2019-03-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['6', '3', '15'],
      gcmPrinciples: ['people-centred'],
      thematicAreas: ['labour-migration', 'migration-and-health'],
      migrationStages: ['destination'],
      targetGroups: ['migrant-workers'],
    },
  },
  {
    key: 'philippine-rc-predeparture-briefings',
    network: 'apmn',
    organisation: 'philippine-red-cross',
    status: 'published',
    publishedOn: '2019-08-22',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Health and safety briefings for overseas Filipino workers before departure' },
      summary: {
        en: 'Before they leave, migrant workers attend a briefing on health, first aid, personal safety and the help available from the Red Cross and Red Crescent in their country of destination. Domestic workers, most of them women, receive a session of their own.',
      },
      description: {
        en: 'The briefing adds a health and safety module to the mandatory pre-departure orientation. Workers learn basic first aid, how to recognise and seek help for mental distress, what to do in a fire or an earthquake, and how to contact the Red Crescent or Red Cross society of their country of destination and their family through the Restoring Family Links network.\n\nDomestic workers discuss, in a separate session, isolation, confiscation of documents and the warning signs of forced labour, with the contacts of the embassy, labour attachés and support groups.',
      },
      resources: {
        en: 'Trained Red Cross instructors, printed cards with emergency contacts per country of destination, time in the official orientation schedule.',
      },
      results: {
        en: 'Participants left with a card of emergency contacts and first aid skills; some later contacted the Red Crescent in their country of destination for help.',
      },
      notCommunicated: ['evaluation'],
      actors: [lead('philippine-red-cross'), ...as('partner', 'ifrc')],
      countries: ['PH', 'SA', 'AE', 'QA', 'KW'],
      periodStart: '2015-01-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['3', '6', '14'],
      gcmPrinciples: ['gender-responsive'],
      thematicAreas: ['labour-migration', 'mass-information', 'migration-and-health'],
      migrationStages: ['before-departure'],
      targetGroups: ['migrant-workers', 'women'],
    },
  },
  {
    key: 'bangladesh-nepal-trafficking-prevention',
    network: 'apmn',
    organisation: 'bangladesh-red-crescent',
    status: 'published',
    publishedOn: '2023-01-17',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Community awareness against human trafficking in districts of high labour emigration' },
      summary: {
        en: 'Red Crescent and Red Cross volunteers in Bangladesh and Nepal run community sessions on safe migration and the tactics of traffickers, and refer people at risk to support services. The two National Societies exchange materials and volunteers in a South–South partnership.',
      },
      description: {
        en: 'In districts where many young people leave for work abroad, volunteers hold courtyard meetings with families, young people and returnees. They explain how fraudulent recruitment and debt bondage work, how to check that a recruitment agency is licensed, and where to report suspected trafficking in persons.\n\nThe Bangladesh Red Crescent and the Nepal Red Cross held exchange visits to compare their materials and referral systems, and produced a shared set of illustrated flip charts in Bengali and Nepali. Survivors of trafficking who wish to speak take part as peer educators.',
      },
      context: {
        en: 'Both countries send large numbers of workers abroad; recruitment through informal brokers exposes them to deception, exploitation and trafficking.',
      },
      results: {
        en: 'Families in the target districts became familiar with licensed recruitment channels, and volunteers referred several people at risk to anti-trafficking services.',
      },
      challenges: {
        en: 'Brokers are often trusted members of the community; survivors face stigma when they return.',
      },
      lessonsLearned: {
        en: 'The exchange between two National Societies facing the same problem produced better materials than either had alone.',
      },
      actors: [lead('bangladesh-red-crescent'), ...as('partner', 'nepal-red-cross', 'ifrc')],
      countries: ['BD', 'NP'],
      periodStart: '2018-01-01',
      periodEnd: '2022-06-30',
      modality: 'south-south',
      gcmObjectives: ['10', '3', '6'],
      gcmPrinciples: ['gender-responsive', 'human-rights'],
      thematicAreas: ['counter-trafficking', 'mass-information'],
      migrationStages: ['before-departure', 'return-and-reintegration'],
      targetGroups: ['trafficking-victims', 'migrant-workers', 'women', 'families'],
    },
  },
  {
    key: 'kazakhstan-rc-labour-migrants-health',
    network: 'central-asia',
    organisation: 'red-crescent-kazakhstan',
    status: 'published',
    publishedOn: '2021-03-30',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Primary health care and tuberculosis referral for labour migrants' },
      summary: {
        en: 'Mobile teams of the Red Crescent offer labour migrants and their families health consultations, tuberculosis screening referral and treatment support at markets and construction sites. Cases are followed across borders with the Red Crescent societies of the countries of origin.',
      },
      description: {
        en: 'Labour migrants from neighbouring countries often avoid health services because of cost, language or fear of losing their job. Mobile teams, including nurses and volunteers who speak the migrants’ languages, visit workplaces and dormitories, offer basic consultations and refer people with symptoms to tuberculosis screening.\n\nWhen a migrant on treatment returns home, the team informs, with consent, the Red Crescent society of the country of origin, which helps the person continue treatment. A shared referral form is used by the four Central Asian National Societies.',
      },
      results: {
        en: 'Migrants who were diagnosed continued their treatment after returning home more often than before the cross-border referral existed, according to the teams’ follow-up.',
      },
      challenges: {
        en: 'Migrants in an irregular situation fear contact with any institution; treatment continuity depends on each country’s health system.',
      },
      lessonsLearned: {
        en: 'Cross-border follow-up works when one person in each National Society is responsible for it.',
      },
      actors: [
        lead('red-crescent-kazakhstan'),
        ...as(
          'partner',
          'red-crescent-kyrgyzstan',
          'red-crescent-tajikistan',
          'red-crescent-uzbekistan',
          'ifrc',
        ),
      ],
      countries: ['KZ', 'KG', 'TJ', 'UZ'],
      periodStart: '2014-04-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['15', '7'],
      thematicAreas: ['migration-and-health', 'labour-migration'],
      migrationStages: ['destination', 'return-and-reintegration'],
      targetGroups: ['migrant-workers', 'migrants-in-irregular-situation', 'families'],
    },
  },
  {
    key: 'tajikistan-rc-returnees-reentry-bans',
    network: 'central-asia',
    organisation: 'red-crescent-tajikistan',
    status: 'published',
    publishedOn: '2020-10-12',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: {
        en: 'Counselling and reintegration support for returning labour migrants facing re-entry bans',
      },
      summary: {
        en: 'Labour migrants who return home with a ban on re-entering their former country of work receive legal counselling, help with documents and referral to vocational training and local employment. Their families receive psychosocial support.',
      },
      description: {
        en: 'Migrants who are banned from re-entry often return with debts and no plan. Counsellors at Red Crescent branches check whether a ban can be appealed, help restore lost documents and connect returnees with vocational training centres and employers. Where a return abroad is possible, they explain the legal channels and the rights of workers.\n\nFamilies, particularly wives left in charge of the household, are invited to support groups and to sessions on managing remittances and household budgets.',
      },
      results: {
        en: 'Returnees obtained documents and training places; some found local jobs or started small businesses.',
      },
      challenges: {
        en: 'Few local jobs in rural districts; debts contracted before departure.',
      },
      replicability: {
        en: 'Relevant for any country of origin whose workers face bans or sudden returns.',
      },
      notCommunicated: ['resources', 'evaluation'],
      actors: [lead('red-crescent-tajikistan'), ...as('partner', 'iom')],
      countries: ['TJ', 'RU'],
      periodStart: '2015-02-01',
      periodEnd: '2019-12-31',
      modality: 'bilateral',
      gcmObjectives: ['21', '19', '4'],
      gcmPrinciples: ['people-centred'],
      thematicAreas: ['assisted-voluntary-return', 'labour-migration', 'migrants-human-rights'],
      migrationStages: ['return-and-reintegration'],
      targetGroups: ['returnees', 'migrant-workers', 'families', 'women'],
    },
  },
  {
    key: 'british-rc-family-reunion-travel',
    network: 'perco',
    organisation: 'british-red-cross',
    status: 'published',
    publishedOn: '2021-06-15',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: {
        en: 'Travel assistance for refugee family reunion',
        fr: 'Aide au voyage pour la réunification familiale des réfugiés',
      },
      summary: {
        en: 'Refugees in the United Kingdom whose family members have been granted visas for family reunion get help to bring them over: booking travel, exit permits, and a welcome at the airport. Children travelling alone are accompanied.',
        fr: 'Les réfugiés au Royaume-Uni dont les proches ont obtenu un visa de réunification familiale sont aidés à les faire venir : réservation du voyage, autorisations de sortie et accueil à l’aéroport. Les enfants qui voyagent seuls sont accompagnés.',
      },
      description: {
        en: 'Family reunion visas are often granted to relatives who live in countries of first asylum, far from a visa centre and without the means to pay for travel. Caseworkers in the United Kingdom work with the sponsoring refugee; Red Cross and Red Crescent societies and partners in the countries of transit help family members reach the visa centre, obtain exit permits and travel safely.\n\nOn arrival, volunteers meet the family at the airport and help them register with a doctor, enrol children in school and apply for the support they are entitled to.',
      },
      context: {
        en: 'Family reunification is one of the few safe and regular routes for refugees’ families, but practical and financial obstacles prevent many from using visas already granted.',
      },
      results: {
        en: 'Families reunited who would otherwise have been unable to travel; children were accompanied throughout their journey.',
      },
      challenges: {
        en: 'Exit permits in some countries of first asylum take months; the costs of travel are not covered by the visa.',
      },
      lessonsLearned: {
        en: 'The Movement’s presence in countries of transit makes safe travel possible where no other partner is present.',
      },
      actors: [lead('british-red-cross'), ...as('partner', 'icrc', 'ifrc')],
      countries: ['GB', 'ER', 'SD', 'ET', 'AF', 'SY'],
      periodStart: '2016-01-01',
      ongoing: true,
      modality: 'multilateral',
      gcmObjectives: ['5', '14', '16'],
      gcmPrinciples: ['child-sensitive', 'people-centred'],
      thematicAreas: ['resettlement', 'migrants-human-rights'],
      migrationStages: ['before-departure', 'destination'],
      targetGroups: ['refugees-asylum-seekers', 'families', 'children'],
      links: [{ url: 'https://www.redcross.org.uk', label: 'British Red Cross' }],
    },
  },
  {
    key: 'nz-rc-refugee-employment-pathways',
    network: 'apmn',
    organisation: 'new-zealand-red-cross',
    status: 'draft',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Pathways to employment for former refugees' },
      summary: {
        en: 'Former refugees are matched with employers, mentors and short courses that build on the skills they bring. Employers receive guidance on recognising overseas qualifications.',
      },
      description: {
        en: 'An employment adviser meets each person in the first months after arrival, maps their skills and qualifications, and agrees a plan: a recognised course, work experience, a mentor in the same trade, or help to have a qualification assessed. Employers who take part receive guidance on cultural orientation in the workplace.',
      },
      actors: [lead('new-zealand-red-cross')],
      countries: ['NZ'],
      periodStart: '2024-02-01',
      ongoing: true,
      gcmObjectives: ['16', '18'],
      thematicAreas: ['resettlement', 'labour-migration'],
      migrationStages: ['destination'],
      targetGroups: ['refugees-asylum-seekers'],
    },
  },
  {
    key: 'american-rc-missing-migrants-family-links',
    network: 'americas-mwg',
    organisation: 'american-red-cross',
    status: 'published',
    publishedOn: '2022-11-08',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: {
        en: 'Restoring family links and searching for missing migrants along the route to the United States',
      },
      summary: {
        en: 'Families who have lost contact with a relative on the migration route can open a tracing request in any country along the way. The National Societies of the route and the ICRC share requests so that a search started in Honduras can be followed in Mexico or the United States.',
      },
      description: {
        en: 'The tracing service accepts requests from families in the United States whose relatives went missing on the journey, and from migrants who lost contact with their families. Requests are shared through the Restoring Family Links network with the Red Cross societies of Mexico and Central America and the ICRC, which also works with forensic services on the identification of human remains.\n\nFamilies are kept informed at each step and referred to psychosocial support, since a search may last years.',
      },
      context: {
        en: 'Many migrants die or disappear on the way north; their families often do not know where to ask.',
      },
      results: {
        en: 'Some families regained contact with their relatives; others received answers about their fate after years of uncertainty.',
      },
      lessonsLearned: {
        en: 'One search, shared along the whole route, spares families from starting over in every country.',
      },
      notCommunicated: ['resources'],
      actors: [
        lead('american-red-cross'),
        ...as('partner', 'cruz-roja-mexicana', 'cruz-roja-guatemalteca', 'cruz-roja-hondurena', 'icrc'),
      ],
      countries: ['US', 'MX', 'GT', 'HN', 'SV'],
      periodStart: '2015-01-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['8', '14'],
      gcmPrinciples: ['human-rights', 'international-cooperation'],
      thematicAreas: ['emergency-and-post-conflict', 'migrants-human-rights'],
      migrationStages: ['transit', 'destination'],
      targetGroups: ['families', 'migrants-in-irregular-situation'],
    },
  },
  {
    key: 'kyrgyzstan-rc-social-security-portability',
    network: 'central-asia',
    organisation: 'red-crescent-kyrgyzstan',
    status: 'published',
    publishedOn: '2026-03-10',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Information on pension rights and social security for labour migrants' },
      summary: {
        en: 'Labour migrants and their families learn how the years they work abroad count towards their pension and how to claim benefits they have earned. Volunteers help older returnees gather the documents they need.',
      },
      description: {
        en: 'Regional agreements allow some of the years worked abroad to count towards a pension, but few migrants know the rules or keep the records they need. Red Crescent volunteers hold sessions in villages of origin and in migrants’ communities abroad, explaining which records to keep, how contributions are recorded, and how to claim a pension on return.\n\nOlder returnees are helped to gather employment records and to submit their claims to the social fund.',
      },
      results: {
        en: 'Returnees submitted pension claims with complete records; migrants asked for the information leaflet to be distributed before departure.',
      },
      challenges: {
        en: 'Informal work abroad leaves no record of contributions.',
      },
      actors: [lead('red-crescent-kyrgyzstan'), ...as('partner', 'red-crescent-kazakhstan')],
      countries: ['KG', 'KZ', 'RU'],
      periodStart: '2020-06-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['22', '6', '3'],
      thematicAreas: ['labour-migration', 'mass-information'],
      migrationStages: ['before-departure', 'destination', 'return-and-reintegration'],
      targetGroups: ['migrant-workers', 'older-persons', 'returnees'],
    },
  },
  {
    key: 'uzbekistan-rc-skills-predeparture',
    network: 'central-asia',
    organisation: 'red-crescent-uzbekistan',
    status: 'submitted',
    illustrative: true,
    content: {
      originalLanguage: 'en',
      title: { en: 'Pre-departure language courses and skills recognition for labour migrants' },
      summary: {
        en: 'Young people preparing to work abroad take language courses and have their vocational skills tested and certified before departure, so that employers abroad recognise their qualifications.',
      },
      description: {
        en: 'Red Crescent branches host language courses in the evenings and work with vocational colleges so that candidates can have their skills assessed against the standards of the country of destination. Courses include sessions on contracts, fair recruitment and the risks of informal brokers.',
      },
      resources: { en: 'Branch premises, volunteer teachers, agreements with two vocational colleges.' },
      actors: [lead('red-crescent-uzbekistan')],
      countries: ['UZ', 'KR'],
      periodStart: '2025-03-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['18', '6', '5'],
      thematicAreas: ['labour-migration'],
      migrationStages: ['before-departure'],
      targetGroups: ['migrant-workers', 'women'],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Illustrative practices, in Spanish.
// ---------------------------------------------------------------------------------------------

const ILLUSTRATIVE_ES: DemoPractice[] = [
  {
    key: 'cruz-roja-mexicana-humanitarian-points',
    network: 'americas-mwg',
    organisation: 'cruz-roja-mexicana',
    status: 'published',
    publishedOn: '2019-05-14',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: {
        es: 'Puntos de asistencia humanitaria en la ruta migratoria',
        en: 'Humanitarian service points on the migration route',
      },
      summary: {
        es: 'Puntos fijos y móviles a lo largo de la ruta ofrecen a las personas migrantes agua, primeros auxilios, atención en salud, llamadas telefónicas e información sobre sus derechos, sin importar su situación migratoria. El personal y el voluntariado se forman en principios humanitarios y protección.',
        en: 'Fixed and mobile points along the route offer migrants water, first aid, health care, phone calls and information on their rights, whatever their migration status. Staff and volunteers are trained in humanitarian principles and protection.',
      },
      description: {
        es: 'Los puntos de asistencia humanitaria se ubican en albergues, estaciones de tren y cruces fronterizos donde transitan personas migrantes. Cada punto ofrece un paquete mínimo de servicios: hidratación, primeros auxilios, consulta médica básica, apoyo psicosocial, llamadas para restablecer el contacto familiar y carga de teléfonos. La información sobre riesgos en la ruta y sobre el derecho a solicitar protección se entrega en materiales gráficos y en voz alta.\n\nLos puntos funcionan con un acuerdo explícito con las autoridades: nunca se usan para el control migratorio, y las personas pueden recibir ayuda sin identificarse. Los casos de mayor vulnerabilidad —niñez no acompañada, víctimas de violencia, personas heridas— se derivan a servicios especializados.',
      },
      context: {
        es: 'El aumento de los flujos mixtos por el territorio mexicano expone a las personas migrantes a accidentes, violencia y enfermedades, lejos de los servicios públicos.',
      },
      resources: {
        es: 'Voluntariado capacitado, unidades móviles, insumos médicos, teléfonos satelitales; apoyo del CICR y de la FICR.',
      },
      results: {
        es: 'Las personas en tránsito recibieron atención oportuna y muchas restablecieron el contacto con sus familias; los albergues reportaron una mejor coordinación de las derivaciones.',
      },
      lessonsLearned: {
        es: 'El acuerdo con las autoridades sobre el carácter exclusivamente humanitario de los puntos es la condición para que las personas migrantes confíen en ellos.',
      },
      replicability: {
        es: 'El modelo se ha replicado en otros países de la ruta con las Sociedades Nacionales del grupo de trabajo.',
      },
      notCommunicated: ['evaluation'],
      actors: [lead('cruz-roja-mexicana'), ...as('partner', 'cruz-roja-guatemalteca', 'icrc', 'ifrc')],
      countries: ['MX', 'GT'],
      periodStart: '2018-10-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['7', '8', '15'],
      gcmPrinciples: ['people-centred', 'human-rights'],
      thematicAreas: ['emergency-and-post-conflict', 'migration-and-health'],
      migrationStages: ['transit'],
      targetGroups: ['migrants-in-irregular-situation', 'families', 'children'],
    },
  },
  {
    key: 'cruz-roja-guatemalteca-returnee-reception',
    network: 'americas-mwg',
    organisation: 'cruz-roja-guatemalteca',
    status: 'published',
    publishedOn: '2020-08-25',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Atención a personas retornadas en los centros de recepción' },
      summary: {
        es: 'En los centros de recepción de personas retornadas por vía aérea y terrestre, la Cruz Roja ofrece primeros auxilios, llamadas, ropa, orientación y derivación a programas de retorno y reintegración. La práctica se apoya en una cooperación triangular con otra Sociedad Nacional y la OIM.',
      },
      description: {
        es: 'Las personas retornadas llegan a menudo sin dinero, sin teléfono y sin haber podido avisar a su familia. Equipos de la Cruz Roja presentes en los centros de recepción ofrecen una primera atención: revisión de salud, kit de higiene, llamada gratuita, transporte al terminal de autobuses. Una entrevista breve identifica necesidades de protección y de reintegración.\n\nLas personas que lo desean son derivadas a programas de reintegración: formación técnica, bolsa de empleo, apoyo psicosocial. La Cruz Roja Americana aporta apoyo técnico y la OIM financia parte de los kits, en un esquema de cooperación triangular.',
      },
      results: {
        es: 'Las personas retornadas salen del centro con contacto familiar restablecido y con información sobre los servicios de reintegración de su municipio.',
      },
      challenges: {
        es: 'Los vuelos llegan con poca antelación; la reintegración depende de servicios municipales desiguales.',
      },
      lessonsLearned: {
        es: 'La primera hora tras la llegada es el mejor momento para ofrecer información de reintegración, si se acompaña de una atención inmediata a las necesidades básicas.',
      },
      actors: [
        lead('cruz-roja-guatemalteca'),
        ...as('partner', 'american-red-cross'),
        ...as('funder', 'iom'),
      ],
      countries: ['GT', 'US', 'MX'],
      periodStart: '2016-07-01',
      ongoing: true,
      modality: 'triangular',
      gcmObjectives: ['21', '15'],
      gcmPrinciples: ['people-centred'],
      thematicAreas: ['assisted-voluntary-return', 'migration-and-health'],
      migrationStages: ['return-and-reintegration'],
      targetGroups: ['returnees', 'unaccompanied-children', 'families'],
    },
  },
  {
    key: 'cruz-roja-hondurena-psychosocial-returned-children',
    network: 'americas-mwg',
    organisation: 'cruz-roja-hondurena',
    status: 'submitted',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Apoyo psicosocial a niñas y niños retornados y a sus familias' },
      summary: {
        es: 'Grupos de apoyo en escuelas y centros comunitarios acompañan a la niñez retornada y a sus familias tras la experiencia de la migración y el retorno. El voluntariado está formado en primeros auxilios psicológicos.',
      },
      description: {
        es: 'Muchas niñas y niños retornados vivieron situaciones de miedo, separación o detención. En coordinación con las escuelas, el voluntariado organiza sesiones lúdicas semanales y encuentros con madres, padres y cuidadores para reconocer signos de malestar y saber a dónde acudir. Los casos que lo requieren se derivan a servicios de salud mental.',
      },
      challenges: {
        es: 'La rotación del voluntariado y la falta de especialistas en salud mental en algunos municipios.',
      },
      actors: [lead('cruz-roja-hondurena')],
      countries: ['HN'],
      periodStart: '2021-02-01',
      periodEnd: '2023-12-31',
      modality: 'bilateral',
      gcmObjectives: ['21', '7'],
      gcmPrinciples: ['child-sensitive'],
      thematicAreas: ['migration-and-health'],
      migrationStages: ['return-and-reintegration'],
      targetGroups: ['children', 'families', 'returnees'],
    },
  },
  {
    key: 'cruz-roja-colombiana-border-health',
    network: 'americas-mwg',
    organisation: 'cruz-roja-colombiana',
    status: 'published',
    publishedOn: '2021-01-19',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Servicios de salud para población migrante y comunidades de acogida en la frontera' },
      summary: {
        es: 'Unidades de salud fijas y móviles atienden a personas migrantes procedentes de Venezuela y a las comunidades que las acogen, con consulta general, salud sexual y reproductiva, vacunación y apoyo psicosocial. La atención se ofrece sin exigir documentos.',
      },
      description: {
        es: 'En los municipios fronterizos, los servicios públicos de salud no daban abasto ante la llegada de población migrante. La Cruz Roja instaló unidades básicas de atención y brigadas móviles que recorren los pasos fronterizos y los asentamientos informales. Se priorizan las mujeres gestantes, la niñez y las personas con enfermedades crónicas.\n\nLa población de acogida recibe los mismos servicios, lo que reduce tensiones y refuerza la convivencia. Las unidades derivan a los hospitales públicos los casos complejos y acompañan a las personas en su afiliación al sistema de salud cuando se regulariza su situación.',
      },
      context: {
        es: 'La llegada de un gran número de personas desde Venezuela, muchas en situación irregular, superó la capacidad de los servicios de salud de las zonas de frontera.',
      },
      results: {
        es: 'Las personas migrantes y de la comunidad de acogida accedieron a atención primaria y a vacunación; las gestantes recibieron control prenatal.',
      },
      evaluation: {
        es: 'Encuestas de satisfacción periódicas y revisión de los registros de atención con la secretaría de salud.',
      },
      lessonsLearned: {
        es: 'Atender por igual a la comunidad de acogida es tan importante para la convivencia como para la salud pública.',
      },
      actors: [lead('cruz-roja-colombiana'), ...as('partner', 'ifrc')],
      countries: ['CO', 'VE'],
      periodStart: '2018-04-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['15', '7', '16'],
      gcmPrinciples: ['gender-responsive', 'whole-of-society-approach'],
      thematicAreas: ['migration-and-health', 'emergency-and-post-conflict'],
      migrationStages: ['transit', 'destination'],
      targetGroups: ['migrants-in-irregular-situation', 'women', 'children', 'host-communities'],
    },
  },
  {
    key: 'cruz-roja-panamena-darien-reception',
    network: 'americas-mwg',
    organisation: 'cruz-roja-panamena',
    status: 'published',
    publishedOn: '2023-10-04',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Atención humanitaria a la salida de la selva del Darién' },
      summary: {
        es: 'En las estaciones de recepción migratoria a la salida de la selva, la Cruz Roja ofrece agua segura, primeros auxilios, atención psicosocial y el restablecimiento del contacto familiar. Se coordina con las Sociedades Nacionales de Colombia y Costa Rica para seguir los casos a lo largo de la ruta.',
      },
      description: {
        es: 'Las personas que cruzan la selva llegan deshidratadas, heridas y muchas veces tras haber presenciado la muerte de otras personas. Los equipos de la Cruz Roja instalan puntos de agua y saneamiento, curan heridas, ofrecen primeros auxilios psicológicos y registran a quienes buscan a un familiar desaparecido en la selva.\n\nLas solicitudes de búsqueda se comparten con la Cruz Roja Colombiana, la Cruz Roja Costarricense y el CICR. Las niñas y niños no acompañados se derivan de inmediato a las autoridades de protección.',
      },
      results: {
        es: 'Atención inmediata a las personas que salen de la selva y apertura de solicitudes de búsqueda de personas desaparecidas compartidas en toda la ruta.',
      },
      challenges: {
        es: 'El número de llegadas varía mucho de una semana a otra; el acceso a las comunidades es solo por río.',
      },
      actors: [
        lead('cruz-roja-panamena'),
        ...as('partner', 'cruz-roja-colombiana', 'cruz-roja-costarricense', 'icrc'),
      ],
      countries: ['PA', 'CO', 'CR'],
      periodStart: '2021-08-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['8', '7', '15'],
      thematicAreas: ['emergency-and-post-conflict', 'migration-and-health'],
      migrationStages: ['transit'],
      targetGroups: ['migrants-in-irregular-situation', 'families', 'unaccompanied-children'],
    },
  },
  {
    key: 'cruz-roja-costarricense-anti-xenophobia',
    network: 'americas-mwg',
    organisation: 'cruz-roja-costarricense',
    status: 'published',
    publishedOn: '2021-11-23',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Campaña comunitaria contra la xenofobia y por la convivencia' },
      summary: {
        es: 'Jóvenes voluntarios costarricenses y nicaragüenses producen, junto con medios locales, mensajes que desmontan rumores sobre la población migrante y refugiada. Ferias comunitarias reúnen a vecinos de ambos orígenes.',
      },
      description: {
        es: 'La campaña parte de un sondeo de los rumores que circulan en los barrios: que las personas migrantes saturan los servicios, que aumentan la delincuencia. Con datos públicos, los jóvenes elaboran cápsulas de radio, publicaciones en redes sociales y murales que presentan historias reales de convivencia.\n\nLas ferias comunitarias, organizadas con las municipalidades, combinan servicios (vacunación, orientación legal) y actividades culturales que reúnen a la población local y a la población migrante.',
      },
      results: {
        es: 'Las municipalidades participantes adoptaron la campaña; los jóvenes voluntarios formaron a sus pares de otras regiones.',
      },
      lessonsLearned: {
        es: 'Los mensajes funcionan mejor cuando los elaboran jóvenes de ambas comunidades, en su propio lenguaje.',
      },
      notCommunicated: ['resources', 'evaluation'],
      actors: [lead('cruz-roja-costarricense')],
      countries: ['CR', 'NI'],
      periodStart: '2019-06-01',
      periodEnd: '2020-12-31',
      modality: 'bilateral',
      gcmObjectives: ['17', '16'],
      gcmPrinciples: ['whole-of-society-approach'],
      thematicAreas: ['mass-information', 'migrants-human-rights'],
      migrationStages: ['destination'],
      targetGroups: ['host-communities', 'refugees-asylum-seekers'],
    },
  },
  {
    key: 'migracion-colombia-regularisation-registry',
    network: 'ricomi',
    organisation: 'migracion-colombia',
    status: 'published',
    publishedOn: '2022-08-10',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: {
        es: 'Registro biométrico y regularización de la población migrante',
        en: 'Biometric registration and regularisation of migrants',
      },
      summary: {
        es: 'Un registro en línea, completado con una toma biométrica presencial, permite a las personas migrantes en situación irregular obtener un documento de identificación y de permanencia. El documento abre el acceso al empleo formal, a la salud y a la educación.',
        en: 'Online registration, completed by biometric enrolment in person, allows migrants in an irregular situation to obtain an identity and residence document. The document opens access to formal employment, health care and education.',
      },
      description: {
        es: 'El proceso se divide en tres etapas: pre-registro en línea, con una encuesta de caracterización socioeconómica; toma de datos biométricos en puntos de atención fijos y móviles; y entrega del documento. Las jornadas móviles llegan a zonas rurales y a asentamientos informales, con el apoyo de organizaciones de la sociedad civil y de organismos internacionales.\n\nLa encuesta de caracterización proporciona datos desagregados que las entidades públicas usan para planificar servicios. La experiencia se ha compartido con otras autoridades migratorias de la región a través de la RICOMI.',
      },
      context: {
        es: 'Una gran parte de la población migrante llegada en los últimos años no tenía documento de permanencia, lo que la excluía del empleo formal y de los servicios.',
      },
      results: {
        es: 'Personas migrantes obtuvieron un documento de permanencia y pudieron afiliarse a la seguridad social; las entidades territoriales cuentan con datos para planificar.',
      },
      challenges: {
        es: 'La conectividad limitada en zonas rurales y la desinformación sobre el proceso, aprovechada por tramitadores que cobran por un trámite gratuito.',
      },
      lessonsLearned: {
        es: 'Combinar el registro en línea con jornadas presenciales es indispensable para no dejar atrás a quienes no tienen acceso a internet.',
      },
      replicability: {
        es: 'Otras autoridades migratorias de la región han solicitado asistencia técnica sobre la encuesta de caracterización y el esquema de jornadas móviles.',
      },
      actors: [lead('migracion-colombia'), ...as('partner', 'iom', 'cruz-roja-colombiana')],
      countries: ['CO', 'VE'],
      periodStart: '2021-05-01',
      ongoing: true,
      modality: 'south-south',
      gcmObjectives: ['4', '5', '1', '12'],
      gcmPrinciples: ['whole-of-government-approach', 'national-sovereignty'],
      thematicAreas: ['technical-cooperation', 'migrants-human-rights'],
      migrationStages: ['destination'],
      targetGroups: ['migrants-in-irregular-situation', 'families'],
      links: [{ url: 'https://www.migracioncolombia.gov.co', label: 'Migración Colombia' }],
    },
  },
  {
    key: 'inm-mexico-border-worker-documentation',
    network: 'ricomi',
    organisation: 'inm-mexico',
    status: 'published',
    publishedOn: '2019-09-30',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Documentación de trabajadoras y trabajadores temporales fronterizos' },
      summary: {
        es: 'Un documento migratorio específico permite a personas de países vecinos trabajar de forma regular en los estados fronterizos del sur, con una oferta de empleo registrada. La gestión se acerca a los lugares de trabajo con oficinas móviles.',
      },
      description: {
        es: 'Las personas trabajadoras de los países vecinos cruzan la frontera cada temporada para las cosechas, la construcción o el comercio. El documento de trabajador fronterizo les permite entrar, residir temporalmente y trabajar en los estados fronterizos con un empleador registrado, y cambiar de empleador sin perder su estatus.\n\nOficinas móviles visitan las fincas y los mercados para expedir el documento y explicar a personas trabajadoras y empleadores sus derechos y obligaciones. Se coordina con el consulado del país vecino y con la autoridad laboral.',
      },
      context: {
        es: 'La migración laboral temporal entre los países vecinos es antigua y circular, pero se realizaba mayoritariamente de manera irregular, lo que exponía a las personas trabajadoras a abusos.',
      },
      results: {
        es: 'Más personas trabajadoras temporales cuentan con documento y con un empleador registrado; los consulados reciben menos quejas por abusos en la contratación.',
      },
      notCommunicated: ['evaluation', 'resources'],
      actors: [lead('inm-mexico')],
      countries: ['MX', 'GT', 'BZ'],
      periodStart: '2014-05-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['5', '6', '11'],
      thematicAreas: ['labour-migration'],
      migrationStages: ['before-departure', 'destination'],
      targetGroups: ['migrant-workers'],
    },
  },
  {
    key: 'dgme-costa-rica-seasonal-agricultural-workers',
    network: 'ricomi',
    organisation: 'dgme-costa-rica',
    status: 'published',
    publishedOn: '2024-02-06',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Mecanismo binacional para personas trabajadoras agrícolas temporales' },
      summary: {
        es: 'Un acuerdo binacional ordena la contratación de personas trabajadoras agrícolas temporales para las cosechas: registro previo, contrato escrito, afiliación a la seguridad social y transporte seguro. Las cotizaciones se reconocen al regresar al país de origen.',
      },
      description: {
        es: 'Antes de cada temporada, los empleadores registran sus necesidades y las personas trabajadoras se inscriben en oficinas de su país de origen. La autoridad migratoria expide un permiso de trabajo temporal vinculado al contrato, y la afiliación a la seguridad social se realiza desde el primer día.\n\nUn protocolo entre las instituciones de seguridad social de ambos países permite que las cotizaciones de la temporada se tomen en cuenta en el país de origen. Inspectores de trabajo visitan las fincas durante la cosecha.',
      },
      results: {
        es: 'La contratación se realizó de forma más ordenada y las personas trabajadoras contaron con seguro durante la temporada.',
      },
      challenges: {
        es: 'Lograr que los pequeños productores usen el mecanismo y no recurran a intermediarios informales.',
      },
      lessonsLearned: {
        es: 'La portabilidad de la seguridad social es un incentivo fuerte para que las personas trabajadoras prefieran la vía regular.',
      },
      actors: [lead('dgme-costa-rica')],
      countries: ['CR', 'NI', 'PA'],
      periodStart: '2019-09-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['6', '5', '22'],
      gcmPrinciples: ['whole-of-government-approach'],
      thematicAreas: ['labour-migration'],
      migrationStages: ['before-departure', 'destination', 'return-and-reintegration'],
      targetGroups: ['migrant-workers', 'families'],
    },
  },
  {
    key: 'migraciones-peru-trafficking-border-referral',
    network: 'ricomi',
    organisation: 'migraciones-peru',
    status: 'published',
    publishedOn: '2020-04-28',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: {
        es: 'Detección y derivación de posibles víctimas de trata de personas en los puestos de control fronterizo',
      },
      summary: {
        es: 'Inspectores migratorios formados en la detección de indicadores de trata de personas y de tráfico ilícito de migrantes derivan a las posibles víctimas, con un protocolo común, a la fiscalía y a los servicios de protección. Los países vecinos comparten alertas.',
      },
      description: {
        es: 'En los puestos de control fronterizo, el personal migratorio aplica una guía de indicadores: personas menores de edad que viajan con adultos que no son sus familiares, documentos retenidos por terceros, ofertas de empleo poco creíbles. Ante una sospecha, una entrevista reservada con personal especializado permite evaluar la situación y, con el consentimiento de la persona, derivarla a la fiscalía y a los servicios de protección a víctimas.\n\nUn canal de comunicación con las autoridades migratorias de los países vecinos permite verificar datos y emitir alertas sobre rutas y modalidades de captación.',
      },
      context: {
        es: 'Las rutas de trata de personas con fines de explotación sexual y laboral cruzan las fronteras andinas, a menudo con documentos regulares.',
      },
      resources: {
        es: 'Formación del personal, salas de entrevista reservadas, protocolo interinstitucional y un canal de alertas con los países vecinos.',
      },
      results: {
        es: 'Más casos sospechosos derivados a la fiscalía y a los servicios de protección; el personal de frontera conoce el protocolo.',
      },
      lessonsLearned: {
        es: 'La detección solo sirve si la derivación funciona: el protocolo debe firmarse con las instituciones que reciben a las víctimas.',
      },
      actors: [lead('migraciones-peru'), ...as('partner', 'sermig-chile', 'iom')],
      countries: ['PE', 'EC', 'BO', 'CL'],
      periodStart: '2017-03-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['10', '11', '12', '9'],
      gcmPrinciples: ['human-rights', 'gender-responsive'],
      thematicAreas: ['counter-trafficking', 'technical-cooperation'],
      migrationStages: ['transit', 'before-departure'],
      targetGroups: ['trafficking-victims', 'women', 'children', 'officials'],
    },
  },
  {
    key: 'sermig-chile-open-migration-statistics',
    network: 'ricomi',
    organisation: 'sermig-chile',
    status: 'in-review',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Tablero abierto de estadísticas migratorias con datos desagregados' },
      summary: {
        es: 'Un tablero público presenta las estadísticas de permisos de residencia, solicitudes y entradas, desagregadas por sexo, edad, nacionalidad y región. Los datos se publican en formatos abiertos para investigadores, municipios y medios.',
      },
      description: {
        es: 'El servicio migratorio consolidó sus registros administrativos en un almacén de datos y publica trimestralmente un tablero interactivo y los archivos correspondientes. Una nota metodológica explica cada indicador y sus límites. Las cifras pequeñas se agrupan para proteger la privacidad.',
      },
      evaluation: { es: 'Pendiente: se prevé una consulta a las personas usuarias del tablero.' },
      actors: [lead('sermig-chile')],
      countries: ['CL'],
      periodStart: '2020-01-01',
      ongoing: true,
      modality: 'south-south',
      gcmObjectives: ['1', '17'],
      thematicAreas: ['technical-cooperation'],
      targetGroups: ['officials'],
    },
  },
  {
    key: 'oas-consular-protection-course',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2024-06-12',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: {
        es: 'Curso virtual sobre protección consular de personas migrantes',
        pt: 'Curso virtual sobre proteção consular de pessoas migrantes',
      },
      summary: {
        es: 'Un curso en línea, diseñado con las cancillerías y las autoridades migratorias, forma al personal consular en la asistencia a personas migrantes detenidas, víctimas de delitos o en situación de vulnerabilidad. Los participantes comparten casos de sus países.',
        pt: 'Um curso online, concebido com os ministérios das relações exteriores e as autoridades migratórias, forma o pessoal consular na assistência a pessoas migrantes detidas, vítimas de crimes ou em situação de vulnerabilidade. Os participantes partilham casos dos seus países.',
      },
      description: {
        es: 'El curso tiene seis módulos: marco jurídico de la protección consular, notificación consular en caso de detención, asistencia a víctimas de trata y de violencia, niñez migrante, repatriación de personas fallecidas y cooperación consular entre países. Cada módulo combina lecturas, videos y un foro con tutoría.\n\nEl trabajo final consiste en un protocolo o una mejora de procedimiento para el consulado de cada participante, que se comparte en el espacio de la red.',
      },
      results: {
        es: 'Personal consular de varios países completó el curso; algunos consulados adoptaron los protocolos elaborados en el trabajo final.',
      },
      evaluation: {
        es: 'Cuestionario de salida y seguimiento a los seis meses sobre el uso de lo aprendido.',
      },
      replicability: {
        es: 'Los módulos pueden adaptarse a otras regiones y traducirse; el curso ya se ofreció en portugués.',
      },
      actors: [lead('oas'), ...as('partner', 'inm-mexico', 'migracion-colombia', 'dgme-costa-rica')],
      countries: ['AR', 'CL', 'CO', 'CR', 'MX', 'PE', 'GT', 'HN', 'SV', 'BR'],
      periodStart: '2022-03-01',
      periodEnd: '2023-11-30',
      modality: 'multilateral',
      gcmObjectives: ['14', '23', '13'],
      gcmPrinciples: ['international-cooperation', 'rule-of-law-and-due-process'],
      thematicAreas: ['technical-cooperation', 'migrants-human-rights'],
      migrationStages: ['transit', 'destination'],
      targetGroups: ['officials'],
      links: [
        { url: 'https://example.org/puente-demo/curso-proteccion-consular', label: 'Programa del curso' },
      ],
    },
  },
  {
    key: 'dnm-argentina-mercosur-online-residence',
    network: 'ricomi',
    organisation: 'dnm-argentina',
    status: 'published',
    publishedOn: '2022-03-15',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Trámite de residencia en línea para nacionales de los países del MERCOSUR' },
      summary: {
        es: 'Las personas nacionales de los países del MERCOSUR y asociados pueden solicitar su residencia temporaria o permanente en línea, sin turnos presenciales salvo la toma biométrica. El criterio de nacionalidad del acuerdo regional simplifica los requisitos.',
      },
      description: {
        es: 'El acuerdo regional de residencia permite a las personas nacionales de los Estados parte y asociados residir y trabajar con el solo criterio de la nacionalidad y la ausencia de antecedentes penales. La autoridad migratoria digitalizó el trámite: carga de documentos, pago y seguimiento en línea; la persona solo se presenta para la toma de datos biométricos.\n\nLa residencia da acceso al trabajo formal, a la seguridad social y a la reunificación familiar en las mismas condiciones. El trámite en línea se acompaña de operativos territoriales en barrios con alta presencia migrante.',
      },
      results: {
        es: 'Reducción de los tiempos de trámite y de las filas en las oficinas; más personas regularizadas en zonas alejadas de las delegaciones.',
      },
      challenges: {
        es: 'La brecha digital de una parte de la población migrante y la verificación de documentos extranjeros.',
      },
      notCommunicated: ['evaluation'],
      actors: [lead('dnm-argentina')],
      countries: ['AR', 'BR', 'PY', 'BO', 'UY'],
      periodStart: '2018-11-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['5', '4', '12'],
      gcmPrinciples: ['national-sovereignty', 'international-cooperation'],
      thematicAreas: ['technical-cooperation', 'labour-migration'],
      migrationStages: ['destination'],
      targetGroups: ['migrant-workers', 'families'],
    },
  },
  {
    key: 'cejil-strategic-litigation-detention',
    network: COALITION,
    organisation: 'cejil',
    status: 'published',
    publishedOn: '2021-07-27',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: {
        es: 'Litigio estratégico ante el sistema interamericano sobre la detención de personas migrantes',
      },
      summary: {
        es: 'Organizaciones de la región documentan casos de detención migratoria de niñas, niños y familias y los presentan ante la Comisión Interamericana de Derechos Humanos. El litigio se acompaña de propuestas de alternativas a la detención.',
      },
      description: {
        es: 'El litigio estratégico selecciona casos representativos de problemas estructurales: detención de niñez, detención prolongada sin control judicial, falta de acceso a asistencia consular y legal. Las organizaciones aportan la documentación y las víctimas participan en la definición de las medidas de reparación que se solicitan.\n\nEn paralelo, la coalición presenta a los Estados propuestas concretas de alternativas a la detención —gestión de casos, presentación periódica, albergues abiertos— basadas en experiencias de la región.',
      },
      context: {
        es: 'La detención migratoria, incluida la de niñas y niños, se ha generalizado en varios países de la región, a pesar de los estándares interamericanos.',
      },
      results: {
        es: 'Audiencias temáticas y medidas cautelares obtenidas en casos emblemáticos; los estándares se citan en debates legislativos nacionales.',
      },
      lessonsLearned: {
        es: 'El litigio tiene más impacto cuando se acompaña de propuestas viables de política pública.',
      },
      actors: [lead('cejil'), ...as('partner', 'wola', 'kind', 'ghrc')],
      countries: ['MX', 'US', 'GT', 'HN', 'SV', 'CR', 'PA'],
      periodStart: '2015-01-01',
      ongoing: true,
      modality: 'multilateral',
      gcmObjectives: ['13', '12', '7'],
      gcmPrinciples: ['rule-of-law-and-due-process', 'child-sensitive', 'human-rights'],
      thematicAreas: ['migrants-human-rights'],
      migrationStages: ['transit', 'destination'],
      targetGroups: ['migrants-in-irregular-situation', 'children', 'families'],
      links: [{ url: 'https://cejil.org', label: 'CEJIL' }],
    },
  },
  {
    key: 'simn-shelter-network-common-registry',
    network: COALITION,
    organisation: 'simn',
    status: 'returned',
    illustrative: true,
    content: {
      originalLanguage: 'es',
      title: { es: 'Registro común de atención en una red de casas del migrante' },
      summary: {
        es: 'Las casas del migrante de la red registran con una misma ficha las atenciones que brindan, con el consentimiento de las personas. Los datos agregados documentan las necesidades y los riesgos en la ruta.',
      },
      description: {
        es: 'Cada casa registra, en una ficha común y con consentimiento informado, datos básicos y los servicios prestados: alojamiento, alimentación, atención médica, asesoría legal. Los datos se anonimizan y se agregan mensualmente en un informe de la red, que sirve para la incidencia y para planificar recursos.',
      },
      challenges: {
        es: 'Proteger los datos personales en contextos de riesgo; las casas tienen capacidades informáticas muy distintas.',
      },
      actors: [lead('simn'), ...as('partner', 'jesuit-conference')],
      countries: ['MX', 'GT', 'US'],
      periodStart: '2018-01-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['1', '15', '7'],
      thematicAreas: ['migrants-human-rights', 'migration-and-health'],
      migrationStages: ['transit'],
      targetGroups: ['migrants-in-irregular-situation', 'families', 'unaccompanied-children'],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Illustrative practices, in Portuguese (Brazilian Portuguese where the practice is about Brazil).
// ---------------------------------------------------------------------------------------------

const ILLUSTRATIVE_PT: DemoPractice[] = [
  {
    key: 'japanese-rc-disaster-info-portuguese',
    network: 'apmn',
    organisation: 'japanese-red-cross',
    status: 'published',
    publishedOn: '2019-04-09',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: {
        pt: 'Informação em português sobre preparação para desastres para a comunidade brasileira no Japão',
      },
      summary: {
        pt: 'Voluntários da comunidade brasileira, formados pela Cruz Vermelha, levam às famílias e às fábricas informações em português sobre terremotos, tsunamis e tufões. Os participantes aprendem a usar os alertas, a conhecer os abrigos e a preparar uma mochila de emergência.',
      },
      description: {
        pt: 'Muitos trabalhadores brasileiros e suas famílias vivem em cidades industriais e não dominam o japonês escrito usado nos alertas. A Cruz Vermelha forma voluntários da própria comunidade, que organizam oficinas em igrejas, escolas brasileiras e fábricas: como receber os alertas no celular, onde ficam os abrigos, o que fazer durante e depois de um terremoto, primeiros socorros básicos.\n\nOs materiais, produzidos com as prefeituras, são distribuídos também em espanhol e em outras línguas das comunidades migrantes. Em caso de desastre, os voluntários ajudam a difundir informações confiáveis e combatem boatos nas redes sociais.',
      },
      context: {
        pt: 'Depois de grandes desastres, as comunidades estrangeiras relataram dificuldades para entender os alertas e as instruções de evacuação.',
      },
      results: {
        pt: 'Famílias brasileiras passaram a conhecer os abrigos do seu bairro e participaram de simulações; prefeituras pediram a continuidade das oficinas.',
      },
      lessonsLearned: {
        pt: 'Voluntários da própria comunidade alcançam pessoas que não participam das atividades oficiais.',
      },
      replicability: {
        pt: 'Aplicável a qualquer comunidade migrante em países expostos a desastres naturais.',
      },
      notCommunicated: ['resources', 'evaluation'],
      actors: [lead('japanese-red-cross')],
      countries: ['JP', 'BR'],
      periodStart: '2012-04-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['3', '16', '7'],
      gcmPrinciples: ['whole-of-society-approach'],
      thematicAreas: ['mass-information', 'emergency-and-post-conflict'],
      migrationStages: ['destination'],
      targetGroups: ['diaspora', 'migrant-workers', 'families'],
    },
  },
  {
    key: 'japanese-rc-community-health-interpreters',
    network: 'apmn',
    organisation: 'japanese-red-cross',
    status: 'published',
    publishedOn: '2025-09-17',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Intérpretes comunitários de saúde em língua portuguesa' },
      summary: {
        pt: 'Membros bilíngues da comunidade brasileira são formados como intérpretes de saúde e acompanham pacientes em consultas hospitalares. O serviço atende especialmente idosos e gestantes.',
      },
      description: {
        pt: 'Os intérpretes recebem uma formação sobre vocabulário médico, ética e confidencialidade. Os hospitais parceiros agendam a presença de um intérprete nos dias de consulta, e um serviço por telefone cobre as emergências. Os intérpretes também ajudam os pacientes a entender o seguro de saúde e os reembolsos.',
      },
      results: {
        pt: 'Pacientes que antes evitavam o hospital passaram a fazer acompanhamento regular; os hospitais relatam consultas mais rápidas e menos erros de compreensão.',
      },
      challenges: { pt: 'Financiar a remuneração dos intérpretes de forma estável.' },
      actors: [lead('japanese-red-cross')],
      countries: ['JP'],
      periodStart: '2016-10-01',
      ongoing: true,
      gcmObjectives: ['15', '16'],
      thematicAreas: ['migration-and-health'],
      migrationStages: ['destination'],
      targetGroups: ['older-persons', 'women', 'migrant-workers', 'diaspora'],
    },
  },
  {
    key: 'australian-rc-timor-leste-workers',
    network: 'apmn',
    organisation: 'australian-red-cross',
    status: 'published',
    publishedOn: '2023-05-22',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: {
        pt: 'Apoio a trabalhadores sazonais timorenses: antes da partida, durante a estadia e no regresso',
      },
      summary: {
        pt: 'A Cruz Vermelha Australiana e a Cruz Vermelha de Timor-Leste acompanham os trabalhadores sazonais timorenses em todo o ciclo: orientação antes da partida, apoio em saúde e bem-estar na Austrália e preparação do regresso. São abordadas também as remessas e a poupança.',
      },
      description: {
        pt: 'Antes da partida, sessões em tétum e em português explicam o contrato, os direitos laborais, o sistema de saúde australiano e o custo de vida. Na Austrália, voluntários visitam os trabalhadores nos alojamentos e mantêm uma linha de apoio. Antes do regresso, uma sessão trata da poupança, do envio de remessas a custo reduzido e dos projetos que os trabalhadores querem iniciar em casa.\n\nAs duas Sociedades Nacionais partilham um ficheiro de contactos e de encaminhamento, com o consentimento dos trabalhadores, para que os problemas de saúde sejam acompanhados também depois do regresso.',
      },
      results: {
        pt: 'Os trabalhadores partiram mais bem informados e souberam onde pedir ajuda na Austrália; muitos regressaram com um plano de poupança.',
      },
      challenges: {
        pt: 'A distância entre as explorações agrícolas e as cidades; a vergonha de pedir ajuda em caso de dificuldade.',
      },
      lessonsLearned: {
        pt: 'Acompanhar o regresso é tão importante como preparar a partida: é aí que as remessas e a poupança se transformam em projetos.',
      },
      actors: [lead('australian-red-cross'), ...as('partner', 'ifrc')],
      countries: ['AU', 'TL'],
      periodStart: '2019-07-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['6', '20', '21'],
      gcmPrinciples: ['people-centred', 'sustainable-development'],
      thematicAreas: ['labour-migration', 'migration-and-health'],
      migrationStages: ['before-departure', 'destination', 'return-and-reintegration'],
      targetGroups: ['migrant-workers', 'families'],
    },
  },
  {
    key: 'spanish-rc-cabo-verde-safe-migration',
    network: 'perco',
    organisation: 'spanish-red-cross',
    status: 'published',
    publishedOn: '2021-02-09',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Informação para uma migração segura com jovens de Cabo Verde e do Senegal' },
      summary: {
        pt: 'A Cruz Vermelha Espanhola, com as Sociedades Nacionais de Cabo Verde e do Senegal, forma jovens voluntários para informar os seus pares sobre os riscos da migração irregular por mar, o tráfico ilícito de migrantes e as vias legais de mobilidade. A troca entre os dois países africanos é o centro da prática.',
      },
      description: {
        pt: 'Os jovens voluntários são formados em comunicação entre pares e nos factos essenciais: riscos da travessia atlântica, funcionamento das redes de tráfico ilícito de migrantes, direitos das pessoas migrantes, bolsas de estudo e programas de mobilidade laboral. Organizam sessões em escolas, associações desportivas e emissões de rádio.\n\nOs voluntários de Cabo Verde e do Senegal encontram-se duas vezes por ano para trocar materiais e experiências; a Cruz Vermelha Espanhola apoia a formação e o financiamento, num esquema de cooperação triangular.',
      },
      context: {
        pt: 'As partidas em embarcações precárias em direção às Canárias expõem os jovens a riscos mortais; a informação disponível vem sobretudo dos intermediários.',
      },
      results: {
        pt: 'Os jovens participantes falam com mais segurança das vias legais; as escolas pediram a continuação das sessões.',
      },
      evaluation: {
        pt: 'Grupos de discussão com jovens participantes no início e no fim do projeto.',
      },
      lessonsLearned: {
        pt: 'A cooperação entre dois países de origem, com o apoio de um país de destino, permite adaptar as mensagens a cada contexto.',
      },
      actors: [lead('spanish-red-cross'), ...as('partner', 'ifrc')],
      countries: ['CV', 'SN', 'ES'],
      periodStart: '2017-09-01',
      periodEnd: '2020-08-31',
      modality: 'triangular',
      gcmObjectives: ['3', '9', '2'],
      gcmPrinciples: ['child-sensitive'],
      thematicAreas: ['mass-information'],
      migrationStages: ['before-departure'],
      targetGroups: ['children', 'host-communities'],
    },
  },
  {
    key: 'italian-rc-guinea-bissau-reintegration',
    network: 'perco',
    organisation: 'italian-red-cross',
    status: 'published',
    publishedOn: '2022-09-13',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Retorno e reintegração sustentável de migrantes na Guiné-Bissau' },
      summary: {
        pt: 'Migrantes que regressam voluntariamente à Guiné-Bissau recebem apoio para um projeto de reintegração: formação profissional, pequeno negócio ou regresso aos estudos. A Cruz Vermelha Italiana, a Cruz Vermelha da Guiné-Bissau e a OIM acompanham cada projeto durante um ano.',
      },
      description: {
        pt: 'Antes da partida de Itália, um conselheiro prepara com a pessoa um plano de reintegração realista, tendo em conta as competências adquiridas durante a migração. À chegada, a Sociedade Nacional da Guiné-Bissau acolhe a pessoa, apoia o reencontro com a família e acompanha o plano: inscrição numa formação, compra de equipamento, ligação a uma cooperativa.\n\nAs comunidades de regresso participam também: parte do apoio financia projetos comunitários (poços, hortas), o que reduz o estigma associado ao regresso.',
      },
      results: {
        pt: 'Os retornados acompanhados iniciaram atividades económicas ou formações; as comunidades acolheram melhor os regressos quando beneficiaram também do apoio.',
      },
      challenges: {
        pt: 'A fragilidade da economia local e o acesso ao crédito.',
      },
      lessonsLearned: {
        pt: 'O reconhecimento das competências adquiridas no estrangeiro torna os projetos de reintegração mais sólidos.',
      },
      actors: [lead('italian-red-cross'), ...as('partner', 'iom', 'ifrc')],
      countries: ['GW', 'IT', 'SN'],
      periodStart: '2018-05-01',
      periodEnd: '2021-10-31',
      modality: 'triangular',
      gcmObjectives: ['21', '19', '18'],
      gcmPrinciples: ['sustainable-development', 'people-centred'],
      thematicAreas: ['assisted-voluntary-return', 'labour-migration'],
      migrationStages: ['return-and-reintegration'],
      targetGroups: ['returnees', 'host-communities'],
    },
  },
  {
    key: 'dnm-argentina-brazil-integrated-border-control',
    network: 'ricomi',
    organisation: 'dnm-argentina',
    status: 'published',
    publishedOn: '2020-07-07',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Controle migratório integrado na fronteira entre Argentina e Brasil' },
      summary: {
        pt: 'Nas passagens de fronteira entre a Argentina e o Brasil, as autoridades migratórias dos dois países fazem o controle em um único posto e em uma única parada. O viajante é registrado uma só vez, e os dados são compartilhados em tempo real.',
      },
      description: {
        pt: 'O controle integrado reúne, no mesmo balcão, os agentes das duas autoridades migratórias: a saída de um país e a entrada no outro são registradas em sequência. Os sistemas trocam os dados do viajante, o que reduz os tempos de espera, evita duplicidades e facilita a detecção de alertas, como crianças viajando sem autorização.\n\nOs agentes dos dois países recebem formação conjunta sobre os procedimentos, a proteção de dados e a identificação de pessoas em situação de vulnerabilidade, incluindo possíveis vítimas de tráfico de pessoas.',
      },
      results: {
        pt: 'Tempos de travessia mais curtos e melhor coordenação entre os agentes dos dois países.',
      },
      lessonsLearned: {
        pt: 'A formação conjunta dos agentes é tão importante quanto a interconexão dos sistemas.',
      },
      notCommunicated: ['resources', 'evaluation'],
      actors: [lead('dnm-argentina')],
      countries: ['AR', 'BR'],
      periodStart: '2016-03-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['11', '23', '10'],
      gcmPrinciples: ['national-sovereignty', 'international-cooperation'],
      thematicAreas: ['technical-cooperation'],
      migrationStages: ['transit'],
      targetGroups: ['officials'],
    },
  },
  {
    key: 'migraciones-peru-amazon-tri-border',
    network: 'ricomi',
    organisation: 'migraciones-peru',
    status: 'published',
    publishedOn: '2026-06-02',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Coordenação trinacional contra o tráfico de pessoas na tríplice fronteira amazônica' },
      summary: {
        pt: 'As autoridades migratórias do Peru, da Colômbia e do Brasil realizam reuniões mensais, operações conjuntas de orientação e um protocolo comum de encaminhamento de possíveis vítimas de tráfico de pessoas na tríplice fronteira amazônica.',
      },
      description: {
        pt: 'Na tríplice fronteira, as cidades são contíguas e a circulação é constante, por rio e por terra. As três autoridades migratórias criaram uma mesa de coordenação que se reúne mensalmente, com a participação dos serviços de proteção e das organizações locais. As equipes fazem ações conjuntas de orientação nos portos fluviais e aplicam um protocolo comum para encaminhar as possíveis vítimas de tráfico de pessoas ao serviço de proteção do país onde se encontram.\n\nUm glossário trilíngue e um diretório de contatos facilitam a comunicação entre os agentes.',
      },
      results: {
        pt: 'Casos encaminhados entre os três países com menos atrasos; os agentes conhecem os seus homólogos.',
      },
      challenges: {
        pt: 'A rotação frequente dos agentes e a dificuldade de comunicação nas comunidades ribeirinhas.',
      },
      actors: [lead('migraciones-peru'), ...as('partner', 'migracion-colombia')],
      countries: ['PE', 'CO', 'BR'],
      periodStart: '2019-08-01',
      ongoing: true,
      modality: 'regional',
      gcmObjectives: ['10', '11', '23'],
      thematicAreas: ['counter-trafficking', 'technical-cooperation'],
      migrationStages: ['transit'],
      targetGroups: ['trafficking-victims', 'officials'],
    },
  },
  {
    key: 'cruz-roja-colombiana-leticia-tabatinga-health',
    network: 'americas-mwg',
    organisation: 'cruz-roja-colombiana',
    status: 'published',
    publishedOn: '2023-03-08',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Saúde comunitária para migrantes na fronteira Letícia–Tabatinga' },
      summary: {
        pt: 'Uma equipe binacional de agentes comunitários de saúde atende migrantes e moradores dos dois lados da fronteira, com vacinação, pré-natal e prevenção da malária. Os encaminhamentos são feitos ao serviço de saúde mais próximo, seja qual for o país.',
      },
      description: {
        pt: 'Nas cidades gêmeas de Letícia e Tabatinga, migrantes e moradores atravessam a fronteira para trabalhar, estudar e buscar atendimento. Agentes comunitários recrutados nos dois lados visitam os bairros e as comunidades ribeirinhas, fazem vacinação, acompanhamento pré-natal e ações de prevenção da malária e da dengue.\n\nUm protocolo binacional permite encaminhar os pacientes ao serviço mais próximo, independentemente do país, com uma ficha de encaminhamento bilíngue.',
      },
      results: {
        pt: 'Mais gestantes migrantes com acompanhamento pré-natal; campanhas de vacinação coordenadas entre os dois municípios.',
      },
      lessonsLearned: {
        pt: 'Nas cidades gêmeas, a saúde pública só funciona quando ignora a linha de fronteira.',
      },
      notCommunicated: ['evaluation'],
      actors: [lead('cruz-roja-colombiana'), ...as('partner', 'ifrc')],
      countries: ['CO', 'BR', 'PE'],
      periodStart: '2020-02-01',
      periodEnd: '2022-12-31',
      modality: 'bilateral',
      gcmObjectives: ['15', '7'],
      gcmPrinciples: ['whole-of-society-approach'],
      thematicAreas: ['migration-and-health'],
      migrationStages: ['transit', 'destination'],
      targetGroups: ['migrants-in-irregular-situation', 'host-communities', 'women'],
    },
  },
  {
    key: 'oas-south-south-labour-integration',
    network: 'ricomi',
    organisation: 'oas',
    status: 'published',
    publishedOn: '2021-10-19',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Intercâmbio Sul–Sul sobre acolhida humanitária e inserção laboral de migrantes' },
      summary: {
        pt: 'Autoridades migratórias e laborais de vários países da região visitaram experiências de acolhida humanitária e de inserção laboral de migrantes e refugiados, e adaptaram elementos aos seus contextos. A OEA facilitou as visitas e a sistematização.',
      },
      description: {
        pt: 'O intercâmbio reuniu delegações de autoridades migratórias e de trabalho em visitas de estudo a centros de acolhida, serviços de intermediação de emprego e programas de reconhecimento de diplomas. Cada delegação elaborou um plano de adaptação, acompanhado durante um ano em reuniões virtuais.\n\nA sistematização das experiências, publicada no espaço da rede, descreve os programas visitados, as condições do seu funcionamento e os elementos que outros países podem adotar.',
      },
      results: {
        pt: 'Planos de adaptação elaborados pelas delegações participantes; alguns países iniciaram programas de reconhecimento de qualificações inspirados nas visitas.',
      },
      replicability: {
        pt: 'O formato de visita de estudo com plano de adaptação pode ser usado para outros temas da rede.',
      },
      notCommunicated: ['resources', 'challenges'],
      actors: [lead('oas'), ...as('partner', 'sermig-chile', 'dnm-argentina', 'migraciones-peru')],
      countries: ['BR', 'CL', 'AR', 'PE'],
      periodStart: '2019-03-01',
      periodEnd: '2020-02-29',
      modality: 'south-south',
      gcmObjectives: ['18', '16', '5', '23'],
      gcmPrinciples: ['international-cooperation'],
      thematicAreas: ['labour-migration', 'technical-cooperation'],
      migrationStages: ['destination'],
      targetGroups: ['refugees-asylum-seekers', 'migrant-workers', 'officials'],
    },
  },
  {
    key: 'indonesian-rc-timor-leste-family-links',
    network: 'apmn',
    organisation: 'indonesian-red-cross',
    status: 'published',
    publishedOn: '2020-05-26',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: {
        pt: 'Restabelecimento de laços familiares e reunificação familiar entre Timor-Leste e a Indonésia',
      },
      summary: {
        pt: 'As Sociedades Nacionais da Indonésia e de Timor-Leste, com o CICR, ajudam famílias separadas há muitos anos a reencontrar-se: pesquisa de familiares, troca de mensagens e visitas de reunificação familiar na fronteira.',
      },
      description: {
        pt: 'Muitas famílias ficaram separadas entre os dois países, algumas desde a infância dos seus membros. A pesquisa parte de um pedido da família e das informações que ela consegue reunir; voluntários das duas Sociedades Nacionais procuram a pessoa, confirmam a sua vontade de retomar o contacto e organizam a troca de mensagens.\n\nQuando ambas as partes o desejam, são organizadas visitas de reunificação familiar, com apoio psicossocial antes e depois do reencontro.',
      },
      results: {
        pt: 'Famílias reencontraram-se após anos de separação; algumas crianças separadas, hoje adultas, conheceram a família de origem.',
      },
      challenges: {
        pt: 'Registos incompletos e nomes alterados ao longo dos anos.',
      },
      actors: [lead('indonesian-red-cross'), ...as('partner', 'icrc')],
      countries: ['ID', 'TL'],
      periodStart: '2017-01-01',
      periodEnd: '2019-12-31',
      modality: 'bilateral',
      gcmObjectives: ['8', '14'],
      gcmPrinciples: ['people-centred'],
      thematicAreas: ['emergency-and-post-conflict', 'migrants-human-rights'],
      migrationStages: ['destination', 'return-and-reintegration'],
      targetGroups: ['families', 'internally-displaced'],
    },
  },
  {
    key: 'crf-oiapoque-health-access',
    network: 'perco',
    organisation: 'croix-rouge-francaise',
    status: 'published',
    publishedOn: '2025-01-14',
    illustrative: true,
    content: {
      originalLanguage: 'pt',
      title: { pt: 'Acesso à saúde para migrantes brasileiros na fronteira do Oiapoque, na Guiana Francesa' },
      summary: {
        pt: 'Uma equipe móvel bilíngue da Cruz Vermelha Francesa atende migrantes brasileiros em comunidades isoladas do lado francês do rio Oiapoque, com consultas, mediação em saúde e orientação sobre a cobertura de saúde a que têm direito.',
      },
      description: {
        pt: 'Muitos migrantes brasileiros vivem e trabalham em comunidades ribeirinhas e garimpos da Guiana Francesa, longe dos serviços de saúde e sem conhecer os seus direitos. Uma equipe móvel, com enfermeiros e mediadores de saúde que falam português, percorre o rio em canoa, oferece consultas, testes rápidos e vacinação, e ajuda as pessoas a pedir a cobertura de saúde prevista para estrangeiros em situação irregular.\n\nOs casos graves são encaminhados ao hospital mais próximo, com o apoio do mediador para a comunicação.',
      },
      results: {
        pt: 'Migrantes isolados tiveram acesso a consultas e a uma cobertura de saúde; os casos graves foram encaminhados a tempo.',
      },
      challenges: {
        pt: 'O acesso por rio depende da estação; o medo dos controlos afasta parte das pessoas.',
      },
      actors: [lead('croix-rouge-francaise')],
      countries: ['FR', 'BR'],
      periodStart: '2018-06-01',
      ongoing: true,
      modality: 'bilateral',
      gcmObjectives: ['15', '7', '4'],
      gcmPrinciples: ['people-centred', 'human-rights'],
      thematicAreas: ['migration-and-health'],
      migrationStages: ['destination', 'transit'],
      targetGroups: ['migrants-in-irregular-situation', 'migrant-workers', 'women'],
    },
  },
];

export const DEMO_PRACTICES: DemoPractice[] = [
  SEED_000,
  ...SEED_003,
  ...SEED_004,
  ...ILLUSTRATIVE_FR,
  ...ILLUSTRATIVE_EN,
  ...ILLUSTRATIVE_ES,
  ...ILLUSTRATIVE_PT,
];
