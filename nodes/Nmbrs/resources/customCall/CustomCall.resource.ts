import type { NmbrsResource } from '../types';
import { call } from './call.operation';

export const customCall: NmbrsResource = {
	value: 'customCall',
	name: 'Custom Call',
	operations: { call },
	defaultOperation: 'call',
};
