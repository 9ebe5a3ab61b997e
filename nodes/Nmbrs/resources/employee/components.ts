/**
 * The shape of Get Hours and Get Wage Components: an employee's components of the current period
 * or of a period given, variable (entered for that period only) or fixed (recurring from a period
 * on). One item per component, with the employee, company, period and kind it belongs to.
 */
import type { CuratedCall } from '../../catalogue/calls';
import { asList } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { employeeRecordIn, periodProperties } from '../shared/period';
import type { NmbrsOperation } from '../types';

type Kind = 'variable' | 'fixed';

interface PeriodCalls {
	current: CuratedCall;
	inPeriod: CuratedCall;
}

export interface ComponentsSpec extends Pick<NmbrsOperation, 'name' | 'description' | 'action'> {
	/** What the components are, in the field descriptions: 'hours', 'wage components'. */
	what: string;
	calls: Record<Kind, PeriodCalls>;
}

export function componentsOperation(spec: ComponentsSpec): NmbrsOperation {
	return {
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			locatorProperty('company'),
			locatorProperty('employee'),
			{
				displayName: 'Kind',
				name: 'kind',
				type: 'options',
				options: [
					{
						name: 'Variable',
						value: 'variable',
						description: `The ${spec.what} entered for the period only`,
					},
					{
						name: 'Fixed',
						value: 'fixed',
						description: `The ${spec.what} that recur every period from their start on`,
					},
				],
				default: 'variable',
			},
			...periodProperties(`the ${spec.what}`),
		],
		calls: [
			spec.calls.variable.current,
			spec.calls.variable.inPeriod,
			spec.calls.fixed.current,
			spec.calls.fixed.inPeriod,
			'CompanyService.Company_GetCurrentPeriod',
		],
		async execute(itemIndex) {
			const companyId = readLocator.call(this, 'company', itemIndex);
			const employeeId = readLocator.call(this, 'employee', itemIndex);
			const kind: Kind =
				this.getNodeParameter('kind', itemIndex, 'variable') === 'fixed' ? 'fixed' : 'variable';
			const { record: list, at } = await employeeRecordIn.call(
				this,
				spec.calls[kind],
				companyId,
				employeeId,
				itemIndex,
			);
			const period = at === undefined ? {} : { Year: at.year, Period: at.period };
			return returnRows.call(this, asList(list), itemIndex, {
				extra: { EmployeeId: employeeId, CompanyId: companyId, Kind: kind, ...period },
			});
		},
	};
}
