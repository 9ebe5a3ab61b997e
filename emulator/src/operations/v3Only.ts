/**
 * Calls Nmbrs v3 answers that no v2.1 WSDL has and the node's catalogue leaves out: the node
 * reaches them only through Custom Call, as operations it does not know (parameters in the
 * user's order, the answer as generic JSON, never retried). The emulator keeps their shape here,
 * apart from the catalogue, so the node's tests meet them as the node would in production.
 */
import {
	catalogue,
	type ResolvedOperation,
	type ServiceName,
} from '../../../nodes/Nmbrs/catalogue';
import { requireEmployee } from './faults';
import type { World } from '../world/world';
import { int, type OperationCall, type OperationHandler } from './params';
import { companyRecord } from './records';
import { shapeResultOf, type Loose } from './shape';

interface V3OnlyOperation {
	resolved: ResolvedOperation;
	handler: (world: World, call: OperationCall) => Loose;
}

const V3_ONLY: V3OnlyOperation[] = [
	{
		// REFERENCE: v3-only, one v3 code base; the result presumably a Company.
		resolved: {
			origin: 'curated',
			catalogue,
			operation: {
				service: 'CompanyService',
				name: 'Company_GetCurrentByEmployeeId',
				params: [{ name: 'EmployeeId', type: 'int' }],
				result: {
					name: 'Company_GetCurrentByEmployeeIdResult',
					type: 'type:Company',
					optional: true,
				},
				auth: 'AuthHeaderWithDomain',
				access: 'read',
				source: 'inferred',
				sourceNote: 'v3-only (one v3 code base); served by the emulator, not in the catalogue',
			},
		},
		handler: (world, { user, params }) =>
			companyRecord(requireEmployee(world, user, int(params, 'EmployeeId')).company),
	},
];

const served =
	(operation: V3OnlyOperation): OperationHandler =>
	(world, call) =>
		shapeResultOf(operation.resolved, operation.handler(world, call));

/** `Service.Op` -> handler, for the server. */
export const v3OnlyHandlers: Record<string, OperationHandler> = Object.fromEntries(
	V3_ONLY.map((entry) => [
		`${entry.resolved.operation.service}.${entry.resolved.operation.name}`,
		served(entry),
	]),
);

/** The operation, when the emulator serves it as a v3-only call. */
export function findV3Only(service: ServiceName, name: string): ResolvedOperation | undefined {
	return V3_ONLY.find(
		({ resolved: { operation } }) => operation.service === service && operation.name === name,
	)?.resolved;
}
