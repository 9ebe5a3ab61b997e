/** The trigger's events and the SOAP calls each makes (the README's API template table uses them). */
export interface TriggerEventCalls {
	/** The event as the editor lists it. */
	name: string;
	calls: readonly string[];
}

export const triggerEvents: readonly TriggerEventCalls[] = [
	{
		name: 'Wage Tax Declaration Reached Status',
		calls: ['CompanyService.List_GetAll', 'CompanyService.WageTax_GetList'],
	},
];
