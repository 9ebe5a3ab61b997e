/**
 * The operation catalogue: curated entries (checked against the real WSDLs by
 * test/contract) and, for Custom Call, every other operation generated from the WSDLs.
 */
import { companyOperations } from './companyService';
import { complexTypes } from './complexTypes';
import { debtorOperations } from './debtorService';
import { employeeOperations } from './employeeService';
import { enums } from './enums';
import { generatedCatalogue } from './generatedCatalogue';
import type { Catalogue, Operation, ServiceName } from './types';
import { operationKey } from './types';

export * from './types';
export { generatedCatalogue, GENERATED_SERVICES } from './generatedCatalogue';
export { parsePeriod } from './periods';
export { ANNUAL_DOCUMENTS } from './companyService';
export type { ParsedPeriod, PeriodType } from './periods';

/** The curated operations and the complex types and enums they use. */
export const catalogue: Catalogue = {
	operations: [...debtorOperations, ...companyOperations, ...employeeOperations],
	types: complexTypes,
	enums,
};

const byKey = new Map<string, Operation>(catalogue.operations.map((op) => [operationKey(op), op]));

/** A curated operation, or undefined. */
export function findOperation(service: ServiceName, name: string): Operation | undefined {
	return byKey.get(`${service}.${name}`);
}

/** A curated operation by `Service.Operation` key; throws when the catalogue has no such entry. */
export function getOperation(key: string): Operation {
	const op = byKey.get(key);
	if (!op) {
		throw new Error(
			`The Nmbrs catalogue has no curated operation "${key}": use "Service.Operation" with the exact WSDL casing ` +
				`(e.g. "CompanyService.WageTax_GetList"), or add an entry in nodes/Nmbrs/catalogue/`,
		);
	}
	return op;
}

/** An operation together with the catalogue that holds its complex types and enums. */
export interface ResolvedOperation {
	operation: Operation;
	catalogue: Catalogue;
	/** 'curated': checked entry with v3 corrections; 'generated': straight from the v2.1 WSDL. */
	origin: 'curated' | 'generated';
}

/**
 * For Custom Call: the curated entry if there is one, else the one generated from the v2.1
 * WSDL; undefined when neither knows the operation (then parameters go in the user's order).
 * Pass the returned catalogue to the wire codec: generated types live in their own per-service catalogue.
 */
export function resolveAnyOperation(
	service: ServiceName,
	name: string,
): ResolvedOperation | undefined {
	const curated = findOperation(service, name);
	if (curated) return { operation: curated, catalogue, origin: 'curated' };
	const generated = generatedCatalogue(service);
	const operation = generated?.operations.find((op) => op.name === name);
	return generated && operation
		? { operation, catalogue: generated, origin: 'generated' }
		: undefined;
}

/** Like resolveAnyOperation, the operation only. */
export function findAnyOperation(service: ServiceName, name: string): Operation | undefined {
	return resolveAnyOperation(service, name)?.operation;
}
