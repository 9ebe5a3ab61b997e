/** Word lists for a believable Dutch payroll world (all people and firms are invented). */

export const MALE_FIRST_NAMES = [
	'Jan', 'Pieter', 'Daan', 'Sem', 'Lucas', 'Thomas', 'Bram', 'Ruben', 'Tim', 'Jeroen', 'Mark', 'Dennis',
	'Kevin', 'Martijn', 'Bas', 'Niels', 'Joost', 'Wouter', 'Sander', 'Hendrik', 'Willem', 'Johannes', 'Gerrit',
	'Kees', 'Mohamed', 'Youssef', 'Stijn', 'Jesse', 'Milan', 'Luuk', 'Koen', 'Arjen', 'Erik', 'Rob',
] as const;

export const FEMALE_FIRST_NAMES = [
	'Anna', 'Emma', 'Julia', 'Sophie', 'Lotte', 'Sanne', 'Lisa', 'Eva', 'Fleur', 'Anouk', 'Maria', 'Johanna',
	'Cornelia', 'Ingrid', 'Marieke', 'Linda', 'Esther', 'Femke', 'Iris', 'Noor', 'Fatima', 'Saskia', 'Mirjam',
	'Ilse', 'Yvonne', 'Petra', 'Tessa', 'Roos', 'Lieke', 'Naima', 'Annemiek', 'Karin',
] as const;

/** [prefix (tussenvoegsel), surname]: the prefix is separate in Nmbrs, as in every Dutch register. */
export const SURNAMES: ReadonlyArray<readonly [string, string]> = [
	['de', 'Jong'], ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'],
	['', 'Janssen'], ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'],
	['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'],
	['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'], ['van der', 'Meer'], ['van der', 'Linden'],
	['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'],
	['van den', 'Broek'], ['de', 'Bruijn'], ['van der', 'Heijden'], ['', 'Schouten'], ['van', 'Beek'],
	['', 'Willems'], ['van', 'Vliet'], ['van de', 'Ven'], ['', 'Hoekstra'], ['', 'Maas'], ['', 'Verhoeven'],
	['', 'Koster'], ['van', 'Dam'], ['van der', 'Wal'], ['', 'Prins'], ['', 'Blom'], ['', 'Huisman'],
	['ter', 'Horst'], ['', 'Yilmaz'], ['El', 'Amrani'], ['', 'Bouzid'], ['in \'t', 'Veld'], ['', 'Postma'],
];

/** Cities with the postal-code number range (four digits) that belongs to them. */
export const CITIES: ReadonlyArray<{ name: string; postal: readonly [number, number]; area: string }> = [
	{ name: 'Amsterdam', postal: [1011, 1109], area: '020' },
	{ name: 'Rotterdam', postal: [3011, 3089], area: '010' },
	{ name: 'Utrecht', postal: [3511, 3585], area: '030' },
	{ name: 'Den Haag', postal: [2491, 2597], area: '070' },
	{ name: 'Eindhoven', postal: [5611, 5658], area: '040' },
	{ name: 'Groningen', postal: [9711, 9747], area: '050' },
	{ name: 'Zwolle', postal: [8011, 8043], area: '038' },
	{ name: 'Haarlem', postal: [2011, 2037], area: '023' },
	{ name: 'Amersfoort', postal: [3811, 3829], area: '033' },
	{ name: 'Nijmegen', postal: [6511, 6546], area: '024' },
	{ name: 'Arnhem', postal: [6811, 6846], area: '026' },
	{ name: 'Leiden', postal: [2311, 2334], area: '071' },
	{ name: 'Breda', postal: [4811, 4839], area: '076' },
	{ name: 'Tilburg', postal: [5011, 5049], area: '013' },
	{ name: "'s-Hertogenbosch", postal: [5211, 5237], area: '073' },
	{ name: 'Alkmaar', postal: [1811, 1827], area: '072' },
	{ name: 'Apeldoorn', postal: [7311, 7339], area: '055' },
	{ name: 'Enschede', postal: [7511, 7548], area: '053' },
	{ name: 'Maastricht', postal: [6211, 6229], area: '043' },
	{ name: 'Delft', postal: [2611, 2629], area: '015' },
];

export const STREETS = [
	'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsweg', 'Julianalaan', 'Beatrixstraat', 'Wilhelminastraat',
	'Nieuwstraat', 'Schoolstraat', 'Parallelweg', 'Eikenlaan', 'Lindelaan', 'Kastanjelaan', 'Havenstraat',
	'Marktplein', 'Industrieweg', 'Sportlaan', 'Vondelstraat', 'Rembrandtlaan', 'Irisstraat', 'Tulpstraat',
	'Populierenlaan', 'Beukenlaan', 'Esdoornstraat', 'Merelstraat', 'Zwaluwstraat', 'Mozartlaan', 'Hoofdstraat',
	'Oranjestraat', 'Spoorlaan', 'Prins Hendrikkade', 'Burgemeester de Kockstraat',
] as const;

/** Debtors are the accountant's clients; each owns one or more employer companies. */
export const DEBTOR_NAMES = [
	'Van Dam Beheer', 'Groenewoud Groep', 'Zorggroep De Linde', 'Noordzee Logistiek Holding', 'Bakkerij Visser',
	'Hoekstra & Zonen', 'Stichting Kinderopvang Het Anker', 'De Haan Techniek', 'Brouwer Retail', 'Meijer Bouw',
	'Mulder Transport', 'Jansen Horeca', 'Smit Installaties', 'Dekker Advocaten', 'Kok Catering',
] as const;

/** Company name endings: a debtor's companies get the debtor's stem plus one of these. */
export const COMPANY_SUFFIXES = [
	'B.V.', 'Personeel B.V.', 'Holding B.V.', 'Services B.V.', 'Noord B.V.', 'Zuid B.V.', 'Logistiek B.V.',
	'Onderhoud B.V.', 'Detachering B.V.', 'Online B.V.',
] as const;

export const DEPARTMENTS = [
	'Directie', 'Administratie', 'Verkoop', 'Inkoop', 'Productie', 'Logistiek', 'ICT', 'Personeelszaken',
	'Klantenservice', 'Facilitair',
] as const;

export const FUNCTIONS = [
	'Directeur', 'Office manager', 'Medewerker administratie', 'Accountmanager', 'Verkoopmedewerker',
	'Productiemedewerker', 'Chauffeur', 'Magazijnmedewerker', 'Monteur', 'Software developer',
	'HR-adviseur', 'Klantenservicemedewerker', 'Teamleider', 'Schoonmaker', 'Stagiair',
] as const;

export const COST_CENTERS = [
	['100', 'Algemeen'], ['200', 'Verkoop'], ['300', 'Productie'], ['400', 'Logistiek'], ['500', 'Overhead'],
] as const;

export const TITLES = ['dhr.', 'mevr.', 'mr.', 'drs.', 'ing.', 'ir.', 'dr.'] as const;

/** Marital status codes as the V2 batch calls carry them (int), with the text PersonalInfo carries. */
export const MARITAL_STATUSES = ['Onbekend', 'Ongehuwd', 'Gehuwd', 'Geregistreerd partnerschap', 'Gescheiden', 'Weduwe/weduwnaar'] as const;

/** Name use (naamstelling) codes with their text: own name, partner's, partner's + own, own + partner's. */
export const NAME_USES = ['Eigen naam', 'Naam partner', 'Naam partner + eigen naam', 'Eigen naam + naam partner'] as const;

export const ABSENCE_DOSSIERS = ['Ziekte', 'Zwangerschap', 'Arbeidsongeval', 'Ziekte (privé-ongeval)'] as const;
