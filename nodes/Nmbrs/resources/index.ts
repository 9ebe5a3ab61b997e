/** Every resource of the action node, in the order the editor lists them. */
import { company } from './company/Company.resource';
import { customCall } from './customCall/CustomCall.resource';
import { debtor } from './debtor/Debtor.resource';
import { employee } from './employee/Employee.resource';
import { salaryDocument } from './salaryDocument/SalaryDocument.resource';
import type { NmbrsResource } from './types';

export const resources: readonly NmbrsResource[] = [
	company,
	debtor,
	employee,
	salaryDocument,
	customCall,
];
