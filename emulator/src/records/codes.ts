/**
 * The hour and wage codes of a company's hour model and wage model. In Nmbrs they come with the
 * company's labour agreement; the emulator gives every company the same models, with codes and
 * names a Dutch payroll commonly has (an assumption: Nmbrs publishes no list).
 */
export interface Code {
	code: number;
	description: string;
}

export const HOUR_CODES: readonly Code[] = [
	{ code: 1, description: 'Gewerkte uren' },
	{ code: 2, description: 'Overuren 125%' },
	{ code: 3, description: 'Overuren 150%' },
	{ code: 4, description: 'Toeslaguren avond/weekend' },
	{ code: 10, description: 'Ziekte-uren' },
	{ code: 20, description: 'Verlofuren' },
	{ code: 30, description: 'Feestdaguren' },
];

export const WAGE_CODES: readonly Code[] = [
	{ code: 1010, description: 'Reiskostenvergoeding woon-werk' },
	{ code: 1020, description: 'Thuiswerkvergoeding' },
	{ code: 1030, description: 'Kilometervergoeding zakelijk' },
	{ code: 1040, description: 'Onkostenvergoeding' },
	{ code: 2010, description: 'Bonus' },
	{ code: 2020, description: 'Eenmalige uitkering' },
	{ code: 3010, description: 'Inhouding personeelsvereniging' },
];
