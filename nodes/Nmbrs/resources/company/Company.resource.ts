import type { NmbrsResource } from '../types';
import { getMany } from './getMany.operation';
import { getWageTaxDeclarations } from './getWageTaxDeclarations.operation';

export const company: NmbrsResource = {
	value: 'company',
	name: 'Company',
	operations: { getMany, getWageTaxDeclarations },
	defaultOperation: 'getMany',
};
