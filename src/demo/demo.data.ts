import { labelOf } from '../reference/index.ts';
import type { FundingStatus, MembershipRole, NetworkKind } from '../directory/directory.tables.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';

/**
 * The demo network, from the seeds: the NGO coalition of seed 000, the Red Cross regional
 * networks of seed 003, RICOMI of seed 004. The directory domain adds organisations, memberships
 * and relationships to this as it grows.
 */
export interface DemoNetwork {
  slug: string;
  name: LocalizedText;
  description: LocalizedText;
  kind: NetworkKind;
  /** UN M49 area. */
  region: string | null;
  yearFounded: number | null;
  objectives?: LocalizedText;
  /** The key of an organisation of DEMO_ORGANISATIONS. */
  coordinator?: string;
  meetingCadence?: LocalizedText;
  fundingStatus?: FundingStatus;
  fundingNote?: LocalizedText;
  fundingYear?: number;
  countries: string[];
}

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'ricomi',
    kind: 'network',
    region: '019',
    yearFounded: null,
    coordinator: 'oas',
    objectives: {
      fr: 'Promouvoir des mécanismes de coopération et d’échange de données, d’expériences et de connaissances entre les institutions chargées de gérer les migrations, vers des politiques publiques plus efficientes et efficaces, en s’appuyant sur la coopération horizontale.',
      es: 'Promover mecanismos de cooperación y de intercambio de datos, experiencias y conocimientos entre las instituciones encargadas de gestionar las migraciones, hacia políticas públicas más eficientes y eficaces, apoyándose en la cooperación horizontal.',
      en: 'Promote cooperation and the exchange of data, experience and knowledge among the institutions that manage migration, towards more efficient and effective public policies, building on horizontal cooperation.',
      pt: 'Promover mecanismos de cooperação e de intercâmbio de dados, experiências e conhecimentos entre as instituições responsáveis pela gestão das migrações, rumo a políticas públicas mais eficientes e eficazes, com base na cooperação horizontal.',
    },
    countries: ['AR', 'CL', 'CO', 'CR', 'MX', 'PE'],
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
    kind: 'platform',
    region: '150',
    yearFounded: 1997,
    objectives: {
      fr: 'Coordination des Sociétés nationales européennes pour améliorer la situation des réfugiés, des demandeurs d’asile et des migrants en Europe : échange d’informations, renforcement des capacités par les pairs, actions conjointes.',
      en: 'Coordination among European National Societies to improve the situation of refugees, asylum seekers and migrants in Europe: information exchange, peer capacity building, joint action.',
    },
    countries: ['BE', 'DE', 'ES', 'FR', 'GB', 'IT', 'SE'],
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
    kind: 'network',
    region: null,
    yearFounded: 2012,
    objectives: {
      fr: 'Objectifs semblables à ceux de la PERCO ; rapports et recensement des programmes, services et initiatives des acteurs du Mouvement dans la région.',
      en: 'Aims similar to PERCO’s; reports and mapping of the programmes, services and initiatives of the Movement’s actors in the region.',
    },
    countries: ['AU', 'BD', 'ID', 'JP', 'NP', 'NZ', 'PH'],
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
    kind: 'working-group',
    region: '019',
    yearFounded: null,
    objectives: {
      fr: 'Améliorer l’échange d’informations et la coordination sur la migration dans les Amériques et les Caraïbes : évolution des routes migratoires, rapatriement, financement, société civile, modifications législatives.',
      es: 'Mejorar el intercambio de información y la coordinación sobre migración en las Américas y el Caribe: evolución de las rutas migratorias, repatriación, financiación, sociedad civil, cambios legislativos.',
      en: 'Better information exchange and coordination on migration in the Americas and the Caribbean: changing migration routes, repatriation, funding, civil society, legislative changes.',
    },
    meetingCadence: {
      fr: 'Téléconférences bimensuelles et une réunion annuelle (le CICR y a le statut d’observateur).',
      es: 'Teleconferencias bimestrales y una reunión anual (el CICR participa como observador).',
      en: 'Bimonthly teleconferences and an annual meeting (the ICRC attends as observer).',
      pt: 'Teleconferências bimestrais e uma reunião anual (o CICV participa como observador).',
    },
    fundingStatus: 'partly-funded',
    fundingYear: 2016,
    fundingNote: {
      fr: 'Le réseau a manqué de fonds pour fonctionner pleinement en 2016 ; les coordonnateurs nationaux ont aussi d’autres responsabilités.',
      es: 'La red careció de fondos para funcionar plenamente en 2016; los coordinadores nacionales tienen además otras responsabilidades.',
      en: 'The network lacked the funds to operate fully in 2016; national coordinators also carry other responsibilities.',
      pt: 'A rede não teve fundos para funcionar plenamente em 2016; os coordenadores nacionais têm também outras responsabilidades.',
    },
    countries: ['CA', 'CO', 'CR', 'GT', 'HN', 'MX', 'PA', 'SV', 'US'],
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
    kind: 'network',
    region: '143',
    yearFounded: null,
    objectives: {
      fr: 'Réseau informel qui partage les objectifs de la PERCO et de l’APMN.',
      en: 'An informal network that shares the aims of PERCO and the APMN.',
    },
    countries: ['KG', 'KZ', 'TJ', 'UZ'],
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
    kind: 'coalition',
    region: '013',
    yearFounded: null,
    objectives: {
      fr: 'a) Améliorer la sécurité et les mécanismes de protection des migrants au Mexique et en Amérique centrale le long des frontières ; b) la réinstallation ; c) les programmes de rapatriement et de réinsertion ; d) la protection des droits de l’homme dans les stratégies états-uniennes d’aide au développement visant les causes profondes de la migration.',
      es: 'a) Mejorar la seguridad y los mecanismos de protección de los migrantes en México y Centroamérica a lo largo de las fronteras; b) el reasentamiento; c) los programas de retorno y reintegración; d) la protección de los derechos humanos en las estrategias estadounidenses de ayuda al desarrollo que abordan las causas profundas de la migración.',
      en: 'a) Better security and protection mechanisms for migrants in Mexico and Central America along the borders; b) resettlement; c) return and reintegration programmes; d) human rights protection in US development aid strategies that address the root causes of migration.',
      pt: 'a) Melhorar a segurança e os mecanismos de proteção dos migrantes no México e na América Central ao longo das fronteiras; b) o reassentamento; c) os programas de repatriamento e reintegração; d) a proteção dos direitos humanos nas estratégias de ajuda ao desenvolvimento dos Estados Unidos que abordam as causas profundas da migração.',
    },
    countries: ['GT', 'HN', 'MX', 'SV', 'US'],
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

export interface DemoOrganisation {
  key: string;
  name: LocalizedText;
  acronym?: LocalizedText;
  stakeholderGroup: string;
  headquartersCountry: string | null;
  countriesServed: string[];
  thematicAreas: string[];
  website: string | null;
  description: LocalizedText;
}

const NORTHERN_TRIANGLE = ['GT', 'HN', 'MX', 'SV', 'US'];

/** The description of a National Society, in the four languages, from its country's names. */
function nationalSocietyDescription(country: string): LocalizedText {
  const name = (lang: (typeof LANGUAGES)[number]) => labelOf('countries', country, lang) ?? country;
  return {
    fr: `Société nationale du Mouvement international de la Croix-Rouge et du Croissant-Rouge — pays : ${name('fr')}.`,
    es: `Sociedad Nacional del Movimiento Internacional de la Cruz Roja y de la Media Luna Roja — país: ${name('es')}.`,
    en: `National Society of the International Red Cross and Red Crescent Movement — country: ${name('en')}.`,
    pt: `Sociedade Nacional do Movimento Internacional da Cruz Vermelha e do Crescente Vermelho — país: ${name('pt')}.`,
  };
}

function nationalSociety(
  key: string,
  country: string,
  name: LocalizedText,
  website: string | null,
  areas: string[] = ['migrants-human-rights', 'migration-and-health'],
): DemoOrganisation {
  return {
    key,
    name,
    stakeholderGroup: 'red-cross-red-crescent',
    headquartersCountry: country,
    countriesServed: [country],
    thematicAreas: areas,
    website,
    description: nationalSocietyDescription(country),
  };
}

/** One of the fifteen NGOs of the coalition of seed 000, based in the United States. */
function coalitionNgo(
  key: string,
  name: LocalizedText,
  acronym: string | null,
  group: 'civil-society' | 'faith-based-organisations',
  website: string | null,
  description: LocalizedText,
  areas: string[] = ['migrants-human-rights'],
): DemoOrganisation {
  return {
    key,
    name,
    ...(acronym ? { acronym: { en: acronym } } : {}),
    stakeholderGroup: group,
    headquartersCountry: 'US',
    countriesServed: NORTHERN_TRIANGLE,
    thematicAreas: areas,
    website,
    description,
  };
}

function migrationAuthority(
  key: string,
  country: string,
  name: LocalizedText,
  website: string | null,
): DemoOrganisation {
  return {
    key,
    name,
    stakeholderGroup: 'government',
    headquartersCountry: country,
    countriesServed: [country],
    thematicAreas: ['labour-migration', 'technical-cooperation'],
    website,
    description: {
      es: 'Autoridad nacional de migración.',
      en: 'National migration authority.',
      fr: 'Autorité nationale chargée des migrations.',
      pt: 'Autoridade nacional de migração.',
    },
  };
}

/** The fifteen NGOs of the seed 000 coalition, in the seed's order. */
export const COALITION_MEMBERS = [
  'cejil',
  'elca',
  'ghrc',
  'hias',
  'irc',
  'jesuit-conference',
  'kind',
  'lawg',
  'lwr',
  'oxfam-america',
  'save-the-children-us',
  'simn',
  'wola',
  'wrc',
  'uusc',
] as const;

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'oas',
    name: {
      fr: 'Organisation des États américains',
      es: 'Organización de los Estados Americanos',
      en: 'Organization of American States',
      pt: 'Organização dos Estados Americanos',
    },
    acronym: { fr: 'OEA', es: 'OEA', en: 'OAS', pt: 'OEA' },
    stakeholderGroup: 'intergovernmental-organisation',
    headquartersCountry: 'US',
    countriesServed: ['AR', 'CA', 'CL', 'CO', 'CR', 'GT', 'HN', 'MX', 'PA', 'PE', 'SV', 'US'],
    thematicAreas: ['technical-cooperation', 'labour-migration'],
    website: 'https://www.oas.org',
    description: {
      fr: 'Sa Commission spéciale des questions migratoires (CEAM), avec l’appui de son Secrétariat technique, a proposé en 2010 le Réseau interaméricain de coopération sur les migrations (RICOMI).',
      es: 'Su Comisión Especial de Asuntos Migratorios (CEAM), con el apoyo de su Secretaría Técnica, propuso en 2010 la Red Interamericana de Cooperación en Migraciones (RICOMI).',
      en: 'Its Special Committee on Migration Issues (CEAM), supported by its Technical Secretariat, proposed the Inter-American Network for Cooperation on Migration (RICOMI) in 2010.',
      pt: 'A sua Comissão Especial de Assuntos Migratórios (CEAM), com o apoio do seu Secretariado Técnico, propôs em 2010 a Rede Interamericana de Cooperação em Migrações (RICOMI).',
    },
  },
  {
    key: 'iom',
    name: {
      fr: 'Organisation internationale pour les migrations',
      es: 'Organización Internacional para las Migraciones',
      en: 'International Organization for Migration',
      pt: 'Organização Internacional para as Migrações',
    },
    acronym: { fr: 'OIM', es: 'OIM', en: 'IOM', pt: 'OIM' },
    stakeholderGroup: 'intergovernmental-organisation',
    headquartersCountry: 'CH',
    countriesServed: ['CO', 'GT', 'HN', 'MX', 'SV', 'US', 'KZ', 'KG', 'TJ', 'UZ', 'PH', 'BD'],
    thematicAreas: [
      'counter-trafficking',
      'assisted-voluntary-return',
      'migrants-human-rights',
      'emergency-and-post-conflict',
      'resettlement',
      'labour-migration',
      'mass-information',
      'migration-and-health',
      'technical-cooperation',
    ],
    website: 'https://www.iom.int',
    description: {
      fr: 'Sa Constitution (article 1.2) prévoit une coopération étroite avec les organisations non gouvernementales ; plus de 50 ONG ont le statut d’observateur auprès de l’OIM.',
      es: 'Su Constitución (artículo 1.2) prevé una estrecha cooperación con las organizaciones no gubernamentales; más de 50 ONG tienen estatuto de observador ante la OIM.',
      en: 'Its Constitution (Article 1.2) provides for close cooperation with non-governmental organisations; more than 50 NGOs hold observer status with IOM.',
      pt: 'A sua Constituição (artigo 1.2) prevê uma estreita cooperação com as organizações não governamentais; mais de 50 ONG têm estatuto de observador junto da OIM.',
    },
  },
  {
    key: 'icrc',
    name: {
      fr: 'Comité international de la Croix-Rouge',
      es: 'Comité Internacional de la Cruz Roja',
      en: 'International Committee of the Red Cross',
      pt: 'Comité Internacional da Cruz Vermelha',
    },
    acronym: { fr: 'CICR', es: 'CICR', en: 'ICRC', pt: 'CICV' },
    stakeholderGroup: 'red-cross-red-crescent',
    headquartersCountry: 'CH',
    countriesServed: ['CO', 'GT', 'HN', 'MX', 'SV'],
    thematicAreas: ['migrants-human-rights', 'emergency-and-post-conflict'],
    website: 'https://www.icrc.org',
    description: {
      fr: 'Observateur de la réunion annuelle du groupe de travail sur la migration des Amériques et des Caraïbes.',
      es: 'Observador en la reunión anual del grupo de trabajo sobre migración de las Américas y el Caribe.',
      en: 'Observer at the annual meeting of the Migration Working Group of the Americas and Caribbean.',
      pt: 'Observador na reunião anual do grupo de trabalho sobre migração das Américas e Caraíbas.',
    },
  },
  {
    key: 'ifrc',
    name: {
      fr: 'Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge',
      es: 'Federación Internacional de Sociedades de la Cruz Roja y de la Media Luna Roja',
      en: 'International Federation of Red Cross and Red Crescent Societies',
      pt: 'Federação Internacional das Sociedades da Cruz Vermelha e do Crescente Vermelho',
    },
    acronym: { fr: 'FICR', es: 'FICR', en: 'IFRC', pt: 'FICV' },
    stakeholderGroup: 'red-cross-red-crescent',
    headquartersCountry: 'CH',
    countriesServed: [],
    thematicAreas: ['migrants-human-rights', 'emergency-and-post-conflict', 'migration-and-health'],
    website: 'https://www.ifrc.org',
    description: {
      fr: 'Sa politique relative à la migration définit les migrants comme des personnes qui quittent ou fuient leur lieu de résidence habituel pour aller dans de nouveaux lieux, en quête d’opportunités ou de perspectives plus sûres et meilleures.',
      en: 'Its Policy on Migration describes migrants as persons who leave or flee their habitual residence to go to new places to seek opportunities or safer and better prospects.',
    },
  },
  // The coalition of seed 000.
  coalitionNgo(
    'cejil',
    {
      en: 'Center for Justice and International Law',
      es: 'Centro por la Justicia y el Derecho Internacional',
      fr: 'Centre pour la justice et le droit international',
    },
    'CEJIL',
    'civil-society',
    'https://cejil.org',
    {
      en: 'Defends human rights in the Americas before the inter-American human rights system.',
      es: 'Defiende los derechos humanos en las Américas ante el sistema interamericano de derechos humanos.',
    },
  ),
  coalitionNgo(
    'elca',
    {
      en: 'Evangelical Lutheran Church in America',
      fr: 'Église évangélique luthérienne d’Amérique',
      es: 'Iglesia Evangélica Luterana en América',
    },
    'ELCA',
    'faith-based-organisations',
    'https://www.elca.org',
    { en: 'A Lutheran church in the United States.', es: 'Una iglesia luterana de los Estados Unidos.' },
    ['migrants-human-rights', 'resettlement'],
  ),
  coalitionNgo(
    'ghrc',
    {
      en: 'Guatemala Human Rights Commission/USA',
      fr: 'Commission des droits de l’homme du Guatemala',
      es: 'Comisión de Derechos Humanos de Guatemala/EUA',
    },
    'GHRC',
    'civil-society',
    'https://www.ghrc-usa.org',
    {
      en: 'Documents and denounces human rights violations in Guatemala.',
      es: 'Documenta y denuncia violaciones de derechos humanos en Guatemala.',
    },
  ),
  coalitionNgo(
    'hias',
    { en: 'HIAS' },
    'HIAS',
    'faith-based-organisations',
    'https://hias.org',
    {
      en: 'A Jewish humanitarian organisation that protects refugees.',
      es: 'Organización humanitaria judía que protege a las personas refugiadas.',
    },
    ['resettlement', 'migrants-human-rights'],
  ),
  coalitionNgo(
    'irc',
    {
      en: 'International Rescue Committee',
      fr: 'Comité international de secours',
      es: 'Comité Internacional de Rescate',
    },
    'IRC',
    'civil-society',
    'https://www.rescue.org',
    { en: 'Humanitarian aid, relief and resettlement.', es: 'Ayuda humanitaria, socorro y reasentamiento.' },
    ['resettlement', 'emergency-and-post-conflict'],
  ),
  coalitionNgo(
    'jesuit-conference',
    {
      en: 'Jesuit Conference of Canada and the United States',
      fr: 'Conférence jésuite du Canada et des États-Unis',
      es: 'Conferencia Jesuita de Canadá y Estados Unidos',
    },
    null,
    'faith-based-organisations',
    'https://www.jesuits.org',
    { en: 'The Jesuits of Canada and the United States.', fr: 'Les jésuites du Canada et des États-Unis.' },
  ),
  coalitionNgo(
    'kind',
    { en: 'Kids in Need of Defense', es: 'Niños que Necesitan Defensa' },
    'KIND',
    'civil-society',
    'https://supportkind.org',
    {
      en: 'Protects unaccompanied and separated children on the move.',
      es: 'Protege a niñas, niños y adolescentes migrantes no acompañados y separados.',
    },
    ['migrants-human-rights', 'assisted-voluntary-return'],
  ),
  coalitionNgo(
    'lawg',
    { en: 'Latin America Working Group', es: 'Grupo de Trabajo sobre América Latina' },
    'LAWG',
    'civil-society',
    'https://www.lawg.org',
    {
      en: 'Advocacy for just US policy towards Latin America.',
      es: 'Incidencia por una política estadounidense justa hacia América Latina.',
    },
  ),
  coalitionNgo(
    'lwr',
    { en: 'Lutheran World Relief', es: 'Ayuda Luterana Mundial' },
    'LWR',
    'faith-based-organisations',
    'https://lwr.org',
    {
      en: 'Relief and development work of the Lutheran churches of the United States.',
      es: 'Ayuda y desarrollo de las iglesias luteranas de los Estados Unidos.',
    },
    ['migrants-human-rights', 'emergency-and-post-conflict'],
  ),
  coalitionNgo(
    'oxfam-america',
    { en: 'Oxfam America' },
    null,
    'civil-society',
    'https://www.oxfamamerica.org',
    {
      en: 'The US affiliate of the Oxfam confederation.',
      es: 'La filial estadounidense de la confederación Oxfam.',
    },
  ),
  coalitionNgo(
    'save-the-children-us',
    { en: 'Save the Children USA', es: 'Save the Children Estados Unidos' },
    null,
    'civil-society',
    'https://www.savethechildren.org',
    {
      en: 'Works for children’s rights, including migrant children.',
      es: 'Trabaja por los derechos de la niñez, incluida la niñez migrante.',
    },
    ['migrants-human-rights', 'assisted-voluntary-return'],
  ),
  coalitionNgo(
    'simn',
    { en: 'Scalabrini International Migration Network', es: 'Red Internacional de Migración Scalabrini' },
    'SIMN',
    'faith-based-organisations',
    'https://simn-global.org',
    {
      en: 'The network of the Scalabrinian missionaries’ services for migrants.',
      es: 'La red de servicios para migrantes de los misioneros scalabrinianos.',
    },
    ['migrants-human-rights', 'technical-cooperation'],
  ),
  coalitionNgo(
    'wola',
    { en: 'Washington Office on Latin America', es: 'Oficina en Washington para Asuntos Latinoamericanos' },
    'WOLA',
    'civil-society',
    'https://www.wola.org',
    {
      en: 'Research and advocacy for human rights in the Americas.',
      es: 'Investigación e incidencia por los derechos humanos en las Américas.',
    },
  ),
  coalitionNgo(
    'wrc',
    { en: 'Women’s Refugee Commission', es: 'Comisión de Mujeres Refugiadas' },
    'WRC',
    'civil-society',
    'https://www.womensrefugeecommission.org',
    {
      en: 'Research and advocacy for the rights of displaced women, children and young people.',
      es: 'Investigación e incidencia por los derechos de mujeres, niñez y juventud desplazadas.',
    },
    ['migrants-human-rights', 'resettlement'],
  ),
  coalitionNgo(
    'uusc',
    { en: 'Unitarian Universalist Service Committee', es: 'Comité de Servicio Unitario Universalista' },
    'UUSC',
    'faith-based-organisations',
    'https://www.uusc.org',
    {
      en: 'A human rights organisation of Unitarian Universalist origin.',
      es: 'Organización de derechos humanos de origen unitario universalista.',
    },
  ),
  // PERCO (seed 003): European National Societies.
  nationalSociety(
    'croix-rouge-francaise',
    'FR',
    {
      fr: 'Croix-Rouge française',
      en: 'French Red Cross',
      es: 'Cruz Roja Francesa',
      pt: 'Cruz Vermelha Francesa',
    },
    'https://www.croix-rouge.fr',
  ),
  nationalSociety(
    'german-red-cross',
    'DE',
    {
      en: 'German Red Cross',
      fr: 'Croix-Rouge allemande',
      es: 'Cruz Roja Alemana',
      pt: 'Cruz Vermelha Alemã',
    },
    'https://www.drk.de',
  ),
  nationalSociety(
    'italian-red-cross',
    'IT',
    {
      en: 'Italian Red Cross',
      fr: 'Croix-Rouge italienne',
      es: 'Cruz Roja Italiana',
      pt: 'Cruz Vermelha Italiana',
    },
    'https://cri.it',
  ),
  nationalSociety(
    'spanish-red-cross',
    'ES',
    {
      es: 'Cruz Roja Española',
      en: 'Spanish Red Cross',
      fr: 'Croix-Rouge espagnole',
      pt: 'Cruz Vermelha Espanhola',
    },
    'https://www.cruzroja.es',
  ),
  nationalSociety(
    'swedish-red-cross',
    'SE',
    { en: 'Swedish Red Cross', fr: 'Croix-Rouge suédoise', es: 'Cruz Roja Sueca', pt: 'Cruz Vermelha Sueca' },
    'https://www.redcross.se',
  ),
  nationalSociety(
    'british-red-cross',
    'GB',
    {
      en: 'British Red Cross',
      fr: 'Croix-Rouge britannique',
      es: 'Cruz Roja Británica',
      pt: 'Cruz Vermelha Britânica',
    },
    'https://www.redcross.org.uk',
  ),
  nationalSociety(
    'belgian-red-cross',
    'BE',
    {
      fr: 'Croix-Rouge de Belgique',
      en: 'Belgian Red Cross',
      es: 'Cruz Roja de Bélgica',
      pt: 'Cruz Vermelha da Bélgica',
    },
    null,
  ),
  // APMN (seed 003): National Societies of Asia and the Pacific.
  nationalSociety(
    'australian-red-cross',
    'AU',
    { en: 'Australian Red Cross', fr: 'Croix-Rouge australienne', es: 'Cruz Roja Australiana' },
    'https://www.redcross.org.au',
  ),
  nationalSociety(
    'philippine-red-cross',
    'PH',
    { en: 'Philippine Red Cross', fr: 'Croix-Rouge philippine', es: 'Cruz Roja Filipina' },
    'https://redcross.org.ph',
  ),
  nationalSociety(
    'indonesian-red-cross',
    'ID',
    { en: 'Indonesian Red Cross Society (Palang Merah Indonesia)', fr: 'Croix-Rouge indonésienne' },
    'https://pmi.or.id',
  ),
  nationalSociety(
    'bangladesh-red-crescent',
    'BD',
    { en: 'Bangladesh Red Crescent Society', fr: 'Croissant-Rouge du Bangladesh' },
    null,
  ),
  nationalSociety(
    'nepal-red-cross',
    'NP',
    { en: 'Nepal Red Cross Society', fr: 'Croix-Rouge népalaise' },
    null,
  ),
  nationalSociety(
    'japanese-red-cross',
    'JP',
    { en: 'Japanese Red Cross Society', fr: 'Croix-Rouge japonaise' },
    'https://www.jrc.or.jp',
  ),
  nationalSociety(
    'new-zealand-red-cross',
    'NZ',
    { en: 'New Zealand Red Cross', fr: 'Croix-Rouge néo-zélandaise' },
    'https://www.redcross.org.nz',
  ),
  // The Americas and Caribbean working group (seed 003).
  nationalSociety(
    'cruz-roja-mexicana',
    'MX',
    {
      es: 'Cruz Roja Mexicana',
      en: 'Mexican Red Cross',
      fr: 'Croix-Rouge mexicaine',
      pt: 'Cruz Vermelha Mexicana',
    },
    'https://www.cruzrojamexicana.org.mx',
  ),
  nationalSociety(
    'american-red-cross',
    'US',
    { en: 'American Red Cross', es: 'Cruz Roja Americana', fr: 'Croix-Rouge américaine' },
    'https://www.redcross.org',
  ),
  nationalSociety(
    'canadian-red-cross',
    'CA',
    { en: 'Canadian Red Cross', fr: 'Croix-Rouge canadienne', es: 'Cruz Roja Canadiense' },
    'https://www.redcross.ca',
  ),
  nationalSociety(
    'cruz-roja-guatemalteca',
    'GT',
    { es: 'Cruz Roja Guatemalteca', en: 'Guatemalan Red Cross' },
    null,
  ),
  nationalSociety('cruz-roja-hondurena', 'HN', { es: 'Cruz Roja Hondureña', en: 'Honduran Red Cross' }, null),
  nationalSociety(
    'cruz-roja-salvadorena',
    'SV',
    { es: 'Cruz Roja Salvadoreña', en: 'Salvadorean Red Cross' },
    null,
  ),
  nationalSociety(
    'cruz-roja-colombiana',
    'CO',
    { es: 'Cruz Roja Colombiana', en: 'Colombian Red Cross' },
    null,
  ),
  nationalSociety(
    'cruz-roja-costarricense',
    'CR',
    { es: 'Cruz Roja Costarricense', en: 'Costa Rican Red Cross' },
    null,
  ),
  nationalSociety(
    'cruz-roja-panamena',
    'PA',
    { es: 'Cruz Roja Panameña', en: 'Red Cross Society of Panama' },
    null,
  ),
  // The Central Asia network (seed 003).
  nationalSociety(
    'red-crescent-kazakhstan',
    'KZ',
    { en: 'Red Crescent Society of Kazakhstan', fr: 'Croissant-Rouge du Kazakhstan' },
    null,
    ['labour-migration', 'migration-and-health'],
  ),
  nationalSociety(
    'red-crescent-kyrgyzstan',
    'KG',
    { en: 'Red Crescent Society of Kyrgyzstan', fr: 'Croissant-Rouge du Kirghizistan' },
    null,
    ['labour-migration', 'migration-and-health'],
  ),
  nationalSociety(
    'red-crescent-tajikistan',
    'TJ',
    { en: 'Red Crescent Society of Tajikistan', fr: 'Croissant-Rouge du Tadjikistan' },
    null,
    ['labour-migration', 'migration-and-health'],
  ),
  nationalSociety(
    'red-crescent-uzbekistan',
    'UZ',
    { en: 'Red Crescent Society of Uzbekistan', fr: 'Croissant-Rouge d’Ouzbékistan' },
    null,
    ['labour-migration', 'migration-and-health'],
  ),
  // RICOMI (seed 004): national migration authorities.
  migrationAuthority(
    'migracion-colombia',
    'CO',
    { es: 'Migración Colombia', en: 'Migration Colombia' },
    'https://www.migracioncolombia.gov.co',
  ),
  migrationAuthority(
    'inm-mexico',
    'MX',
    { es: 'Instituto Nacional de Migración', en: 'National Migration Institute (Mexico)' },
    'https://www.gob.mx/inm',
  ),
  migrationAuthority(
    'dgme-costa-rica',
    'CR',
    {
      es: 'Dirección General de Migración y Extranjería',
      en: 'General Directorate of Migration and Foreigners (Costa Rica)',
    },
    'https://www.migracion.go.cr',
  ),
  migrationAuthority(
    'dnm-argentina',
    'AR',
    { es: 'Dirección Nacional de Migraciones', en: 'National Directorate of Migration (Argentina)' },
    'https://www.argentina.gob.ar/interior/migraciones',
  ),
  migrationAuthority(
    'migraciones-peru',
    'PE',
    { es: 'Superintendencia Nacional de Migraciones', en: 'National Superintendency of Migration (Peru)' },
    'https://www.gob.pe/migraciones',
  ),
  migrationAuthority(
    'sermig-chile',
    'CL',
    { es: 'Servicio Nacional de Migraciones', en: 'National Migration Service (Chile)' },
    null,
  ),
];

const members = (role: MembershipRole, keys: readonly string[]) =>
  keys.map((organisation) => ({ organisation, role }));

/** Who belongs to which network, with the role; the since-date only where a seed gives it. */
export const DEMO_MEMBERSHIPS: Record<
  string,
  { organisation: string; role: MembershipRole; since?: string }[]
> = {
  'northern-triangle-ngo-group': members('member', COALITION_MEMBERS),
  perco: members('member', [
    'croix-rouge-francaise',
    'german-red-cross',
    'italian-red-cross',
    'spanish-red-cross',
    'swedish-red-cross',
    'british-red-cross',
    'belgian-red-cross',
  ]),
  apmn: members('member', [
    'australian-red-cross',
    'philippine-red-cross',
    'indonesian-red-cross',
    'bangladesh-red-crescent',
    'nepal-red-cross',
    'japanese-red-cross',
    'new-zealand-red-cross',
  ]),
  'americas-mwg': [
    ...members('member', [
      'cruz-roja-mexicana',
      'american-red-cross',
      'canadian-red-cross',
      'cruz-roja-guatemalteca',
      'cruz-roja-hondurena',
      'cruz-roja-salvadorena',
      'cruz-roja-colombiana',
      'cruz-roja-costarricense',
      'cruz-roja-panamena',
    ]),
    { organisation: 'icrc', role: 'observer' },
  ],
  'central-asia': members('member', [
    'red-crescent-kazakhstan',
    'red-crescent-kyrgyzstan',
    'red-crescent-tajikistan',
    'red-crescent-uzbekistan',
  ]),
  ricomi: [
    { organisation: 'oas', role: 'coordinator' },
    ...members('member', [
      'migracion-colombia',
      'inm-mexico',
      'dgme-costa-rica',
      'dnm-argentina',
      'migraciones-peru',
      'sermig-chile',
    ]),
  ],
};

const ILLUSTRATIVE = 'Illustrates one of the kinds of IOM–NGO relationship of seed 001 in the demo.';

/** "organisation is <kind> of related": the six kinds of seed 001, with IOM. */
export const DEMO_RELATIONSHIPS: { organisation: string; related: string; kind: string; note: string }[] = [
  { organisation: 'irc', related: 'iom', kind: 'partner', note: ILLUSTRATIVE },
  { organisation: 'hias', related: 'iom', kind: 'service-provider', note: ILLUSTRATIVE },
  { organisation: 'save-the-children-us', related: 'iom', kind: 'project-manager', note: ILLUSTRATIVE },
  { organisation: 'oxfam-america', related: 'iom', kind: 'donor', note: ILLUSTRATIVE },
  { organisation: 'simn', related: 'iom', kind: 'technical-cooperation-beneficiary', note: ILLUSTRATIVE },
  { organisation: 'kind', related: 'iom', kind: 'funds-recipient', note: ILLUSTRATIVE },
  { organisation: 'american-red-cross', related: 'iom', kind: 'partner', note: ILLUSTRATIVE },
];

/** Observer status with IOM (seed 001: more than 50 NGOs hold it); the grant dates are not in the seeds. */
export const DEMO_ACCREDITATIONS: {
  organisation: string;
  accreditedBy: string;
  kind: string;
  note: string;
}[] = ['hias', 'irc', 'simn', 'save-the-children-us'].map((organisation) => ({
  organisation,
  accreditedBy: 'iom',
  kind: 'observer status',
  note: 'Demo data: seed 001 says more than 50 NGOs hold observer status with IOM, without naming them.',
}));

export const DEMO_PASSWORD = 'puente-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  locale: 'fr' | 'es' | 'en' | 'pt';
  role: string;
  isAdmin?: boolean;
  organisation?: string;
  grants?: { network: string; role: 'secretariat' | 'member' }[];
  /** The languages this person translates practices into (the translator role). */
  translates?: string[];
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
  {
    email: 'focal.mexico@demo.puente.example',
    name: 'Mariana López',
    locale: 'es',
    role: 'focal point, Instituto Nacional de Migración (reviewer in RICOMI)',
    organisation: 'inm-mexico',
    grants: [{ network: 'ricomi', role: 'member' }],
  },
  {
    email: 'translator@demo.puente.example',
    name: 'Rafael Costa',
    locale: 'pt',
    role: 'translator of practices into Portuguese and English (RICOMI member)',
    grants: [{ network: 'ricomi', role: 'member' }],
    translates: ['pt', 'en'],
  },
];
