import type { NmbrsResource } from '../types';
import { getMany } from './getMany.operation';

export const debtor: NmbrsResource = {
	value: 'debtor',
	name: 'Debtor',
	operations: { getMany },
	defaultOperation: 'getMany',
};
