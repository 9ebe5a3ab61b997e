/**
 * The shape of the operations that read an employee's record of one kind (salary, schedule,
 * addresses) as valid in the company's current period or in a period given: the `…_GetCurrent`
 * or the `…_Get` call. One item per record, with the employee, company and (for a period given)
 * year and period; no item when the employee has none in that period.
 */
import type { CuratedCall } from '../../catalogue/calls';
import { asList } from '../../glue/request';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import { employeeRecordIn, periodProperties } from '../shared/period';
import type { NmbrsOperation } from '../types';

export interface PeriodRecordSpec extends Pick<NmbrsOperation, 'name' | 'description' | 'action'> {
	/** What the record is, in the period field's description: 'the salary'. */
	what: string;
	current: CuratedCall;
	inPeriod: CuratedCall;
}

export function periodRecordOperation(spec: PeriodRecordSpec): NmbrsOperation {
	return {
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			locatorProperty('company'),
			locatorProperty('employee'),
			...periodProperties(spec.what),
		],
		calls: [spec.current, spec.inPeriod, 'CompanyService.Company_GetCurrentPeriod'],
		async execute(itemIndex) {
			const companyId = readLocator.call(this, 'company', itemIndex);
			const employeeId = readLocator.call(this, 'employee', itemIndex);
			const { record, at } = await employeeRecordIn.call(
				this,
				{ current: spec.current, inPeriod: spec.inPeriod },
				companyId,
				employeeId,
				itemIndex,
			);
			const period = at === undefined ? {} : { Year: at.year, Period: at.period };
			return returnRows.call(this, asList(record), itemIndex, {
				extra: { EmployeeId: employeeId, CompanyId: companyId, ...period },
			});
		},
	};
}
