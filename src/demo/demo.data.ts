import type { LocalizedText } from '../web/language.ts';

/**
 * The demo network, from the seeds: the NGO coalition of seed 000, the Red Cross regional
 * networks of seed 003, RICOMI of seed 004. The directory domain adds organisations, memberships
 * and relationships to this as it grows.
 */
export const DEMO_NETWORKS: { slug: string; name: LocalizedText; description: LocalizedText }[] = [
  {
    slug: 'ricomi',
    name: {
      fr: 'Réseau interaméricain de coopération sur les migrations (RICOMI)',
      es: 'Red Interamericana de Cooperación en Migraciones (RICOMI)',
      en: 'Inter-American Network for Cooperation on Migration (RICOMI)',
      pt: 'Rede Interamericana de Cooperação em Migrações (RICOMI)',
    },
    description: {
      fr: 'Mécanisme d’échange de données, d’expériences et de connaissances entre les institutions chargées des migrations, proposé par la Commission spéciale des questions migratoires (CEAM) avec l’appui de son Secrétariat technique.',
      es: 'Mecanismo de intercambio de datos, experiencias y conocimientos entre las instituciones a cargo de las migraciones, propuesto por la Comisión Especial de Asuntos Migratorios (CEAM) con el apoyo de su Secretaría Técnica.',
      en: 'A mechanism for exchanging data, experience and knowledge among the institutions that manage migration, proposed by the Special Committee on Migration Issues (CEAM) with the support of its Technical Secretariat.',
      pt: 'Mecanismo de intercâmbio de dados, experiências e conhecimentos entre as instituições responsáveis pelas migrações, proposto pela Comissão Especial de Assuntos Migratórios (CEAM) com o apoio do seu Secretariado Técnico.',
    },
  },
  {
    slug: 'perco',
    name: {
      fr: 'Plate-forme de coopération de la Croix-Rouge européenne pour les réfugiés, les demandeurs d’asile et les migrants (PERCO)',
      es: 'Plataforma de Cooperación de la Cruz Roja Europea para Refugiados, Solicitantes de Asilo y Migrantes (PERCO)',
      en: 'Platform for European Red Cross Cooperation on Refugees, Asylum Seekers and Migrants (PERCO)',
      pt: 'Plataforma de Cooperação da Cruz Vermelha Europeia para Refugiados, Requerentes de Asilo e Migrantes (PERCO)',
    },
    description: {
      fr: 'Créée en 1997 pour coordonner les Sociétés nationales européennes : échange d’informations, renforcement des capacités par les pairs et actions conjointes.',
      en: 'Founded in 1997 to coordinate the European National Societies: information exchange, peer capacity building and joint action.',
    },
  },
  {
    slug: 'apmn',
    name: {
      fr: 'Réseau sur la migration de la région Asie-Pacifique (APMN)',
      es: 'Red sobre Migración de Asia y el Pacífico (APMN)',
      en: 'Asia Pacific Migration Network (APMN)',
      pt: 'Rede sobre Migração da Ásia-Pacífico (APMN)',
    },
    description: {
      fr: 'Créé en décembre 2012 par 17 Sociétés nationales ; publie des rapports et recense les programmes, services et initiatives du Mouvement dans la région.',
      en: 'Founded in December 2012 by 17 National Societies; publishes reports and maps the Movement’s programmes, services and initiatives in the region.',
    },
  },
  {
    slug: 'americas-mwg',
    name: {
      fr: 'Groupe de travail sur la migration de la région Amériques et Caraïbes',
      es: 'Grupo de Trabajo sobre Migración de las Américas y el Caribe',
      en: 'Migration Working Group of the Americas and Caribbean',
      pt: 'Grupo de Trabalho sobre Migração das Américas e Caraíbas',
    },
    description: {
      es: 'Coordinadores de migración de 17 de las 35 Sociedades Nacionales de la región; teleconferencias bimestrales y una reunión anual con el CICR como observador.',
      en: 'Migration coordinators of 17 of the 35 National Societies in the region; bimonthly teleconferences and an annual meeting with the ICRC as observer.',
      fr: 'Coordonnateurs chargés des migrations de 17 des 35 Sociétés nationales de la région ; téléconférences bimensuelles et une réunion annuelle avec le CICR comme observateur.',
    },
  },
  {
    slug: 'central-asia',
    name: {
      fr: 'Réseau sur la migration des Sociétés nationales d’Asie centrale',
      en: 'Migration Network for Central Asian Societies',
      es: 'Red sobre Migración de las Sociedades Nacionales de Asia Central',
      pt: 'Rede sobre Migração das Sociedades Nacionais da Ásia Central',
    },
    description: {
      fr: 'Réseau informel qui partage les objectifs de la PERCO et de l’APMN.',
      en: 'An informal network sharing the aims of PERCO and the APMN.',
    },
  },
  {
    slug: 'northern-triangle-ngo-group',
    name: {
      fr: 'Groupe de travail des ONG sur la migration dans le Triangle nord',
      es: 'Grupo de trabajo de ONG sobre migración en el Triángulo Norte',
      en: 'NGO Working Group on Migration in the Northern Triangle',
      pt: 'Grupo de trabalho de ONG sobre migração no Triângulo Norte',
    },
    description: {
      fr: 'Coalition de quinze ONG qui plaide d’une seule voix auprès du gouvernement des États-Unis : protection le long des frontières, réinstallation, rapatriement et réinsertion, droits humains dans l’aide au développement.',
      en: 'A coalition of fifteen NGOs advocating with one voice to the United States government: protection along the borders, resettlement, return and reintegration, human rights in development aid.',
      es: 'Coalición de quince ONG que aboga con una sola voz ante el gobierno de los Estados Unidos: protección en las fronteras, reasentamiento, retorno y reintegración, derechos humanos en la ayuda al desarrollo.',
    },
  },
];

export const DEMO_ORGANISATIONS: { key: string; name: LocalizedText; acronym: string | null }[] = [
  {
    key: 'oas',
    name: {
      fr: 'Organisation des États américains',
      es: 'Organización de los Estados Americanos',
      en: 'Organization of American States',
      pt: 'Organização dos Estados Americanos',
    },
    acronym: 'OEA',
  },
  {
    key: 'iom',
    name: {
      fr: 'Organisation internationale pour les migrations',
      es: 'Organización Internacional para las Migraciones',
      en: 'International Organization for Migration',
      pt: 'Organização Internacional para as Migrações',
    },
    acronym: 'OIM',
  },
  { key: 'hias', name: { en: 'HIAS' }, acronym: 'HIAS' },
  {
    key: 'wola',
    name: {
      en: 'Washington Office on Latin America',
      es: 'Oficina en Washington para Asuntos Latinoamericanos',
    },
    acronym: 'WOLA',
  },
  {
    key: 'cruz-roja-mexicana',
    name: {
      es: 'Cruz Roja Mexicana',
      en: 'Mexican Red Cross',
      fr: 'Croix-Rouge mexicaine',
      pt: 'Cruz Vermelha Mexicana',
    },
    acronym: null,
  },
  {
    key: 'croix-rouge-francaise',
    name: {
      fr: 'Croix-Rouge française',
      en: 'French Red Cross',
      es: 'Cruz Roja Francesa',
      pt: 'Cruz Vermelha Francesa',
    },
    acronym: 'CRF',
  },
  { key: 'migracion-colombia', name: { es: 'Migración Colombia', en: 'Migration Colombia' }, acronym: null },
];

export const DEMO_PASSWORD = 'puente-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  locale: 'fr' | 'es' | 'en' | 'pt';
  role: string;
  isAdmin?: boolean;
  organisation?: string;
  grants?: { network: string; role: 'secretariat' | 'member' }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@demo.puente.example',
    name: 'Ana Admin',
    locale: 'en',
    role: 'admin (whole instance)',
    isAdmin: true,
  },
  {
    email: 'secretariat@demo.puente.example',
    name: 'Sofía Ramírez',
    locale: 'es',
    role: 'secretariat of RICOMI',
    organisation: 'oas',
    grants: [{ network: 'ricomi', role: 'secretariat' }],
  },
  {
    email: 'perco@demo.puente.example',
    name: 'Claire Dubois',
    locale: 'fr',
    role: 'secretariat of PERCO',
    organisation: 'croix-rouge-francaise',
    grants: [
      { network: 'perco', role: 'secretariat' },
      { network: 'americas-mwg', role: 'member' },
    ],
  },
  {
    email: 'focal.colombia@demo.puente.example',
    name: 'Julián Herrera',
    locale: 'es',
    role: 'focal point, Migración Colombia',
    organisation: 'migracion-colombia',
    grants: [{ network: 'ricomi', role: 'member' }],
  },
  {
    email: 'focal.cruzroja@demo.puente.example',
    name: 'Mariana López',
    locale: 'es',
    role: 'focal point, Cruz Roja Mexicana',
    organisation: 'cruz-roja-mexicana',
    grants: [{ network: 'americas-mwg', role: 'member' }],
  },
  {
    email: 'member@demo.puente.example',
    name: 'João Silva',
    locale: 'pt',
    role: 'member of the Americas working group',
    grants: [{ network: 'americas-mwg', role: 'member' }],
  },
];
