import type { ResourceExamples } from '.';

export const debtor: ResourceExamples = {
	getMany: [() => ({ returnAll: true })],
};
