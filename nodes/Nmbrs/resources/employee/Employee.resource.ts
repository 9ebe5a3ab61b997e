import type { NmbrsResource } from '../types';
import { getMany } from './getMany.operation';

export const employee: NmbrsResource = {
	value: 'employee',
	name: 'Employee',
	operations: { getMany },
	defaultOperation: 'getMany',
};
