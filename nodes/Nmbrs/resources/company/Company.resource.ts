import type { NmbrsResource } from '../types';
import { get } from './get.operation';
import { getAbsences } from './getAbsences.operation';
import { getAddress } from './getAddress.operation';
import { getCostCenters } from './getCostCenters.operation';
import { getCurrentPeriod } from './getCurrentPeriod.operation';
import { getHourCodes } from './getHourCodes.operation';
import { getMany } from './getMany.operation';
import { getPayrollRunEmployees } from './getPayrollRunEmployees.operation';
import { getPayrollRuns } from './getPayrollRuns.operation';
import { getPensionExports } from './getPensionExports.operation';
import { getWageCodes } from './getWageCodes.operation';
import { getWageTaxDeclarations } from './getWageTaxDeclarations.operation';
import { markWageTaxDeclarationSent } from './markWageTaxDeclarationSent.operation';

export const company: NmbrsResource = {
	value: 'company',
	name: 'Company',
	operations: {
		get,
		getMany,
		getCurrentPeriod,
		getAddress,
		getPayrollRuns,
		getPayrollRunEmployees,
		getWageTaxDeclarations,
		getPensionExports,
		getAbsences,
		markWageTaxDeclarationSent,
		getHourCodes,
		getWageCodes,
		getCostCenters,
	},
	defaultOperation: 'getMany',
};
