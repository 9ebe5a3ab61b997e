import type { NmbrsResource } from '../types';
import { addHours } from './addHours.operation';
import { addWageComponents } from './addWageComponents.operation';
import { create } from './create.operation';
import { getAbsences } from './getAbsences.operation';
import { getAddresses } from './getAddresses.operation';
import { get } from './get.operation';
import { getBankAccounts } from './getBankAccounts.operation';
import { getContracts } from './getContracts.operation';
import { getEmployments } from './getEmployments.operation';
import { getHours } from './getHours.operation';
import { getLeaveBalance } from './getLeaveBalance.operation';
import { getMany } from './getMany.operation';
import { getSalary } from './getSalary.operation';
import { getSchedule } from './getSchedule.operation';
import { getWageComponents } from './getWageComponents.operation';
import { setDaysWorked } from './setDaysWorked.operation';
import { addLeave } from './addLeave.operation';
import { getLeave } from './getLeave.operation';
import { reportAbsence } from './reportAbsence.operation';
import { reportRecovery } from './reportRecovery.operation';
import { updateAddress } from './updateAddress.operation';
import { updatePersonalInfo } from './updatePersonalInfo.operation';
import { updateSchedule } from './updateSchedule.operation';

export const employee: NmbrsResource = {
	value: 'employee',
	name: 'Employee',
	operations: {
		get,
		getMany,
		create,
		updatePersonalInfo,
		getContracts,
		getEmployments,
		getSalary,
		getBankAccounts,
		getAddresses,
		updateAddress,
		getSchedule,
		updateSchedule,
		getAbsences,
		reportAbsence,
		reportRecovery,
		getLeaveBalance,
		getLeave,
		addLeave,
		getHours,
		getWageComponents,
		addHours,
		addWageComponents,
		setDaysWorked,
	},
	defaultOperation: 'getMany',
};
