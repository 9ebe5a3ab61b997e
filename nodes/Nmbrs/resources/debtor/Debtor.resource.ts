import type { NmbrsResource } from '../types';
import { checkApiAccess } from './checkApiAccess.operation';
import { get } from './get.operation';
import { getDepartments } from './getDepartments.operation';
import { getFunctions } from './getFunctions.operation';
import { getMany } from './getMany.operation';

export const debtor: NmbrsResource = {
	value: 'debtor',
	name: 'Debtor',
	operations: { get, getMany, getDepartments, getFunctions, checkApiAccess },
	defaultOperation: 'getMany',
};
