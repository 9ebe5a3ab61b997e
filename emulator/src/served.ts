/**
 * What the emulator's WSDLs offer, in one place: per service the curated operations first, then
 * those only the v2.1 WSDL knows (served with their generated catalogue entry).
 */
import { catalogue, generatedCatalogue, operationKey } from '../../nodes/Nmbrs/catalogue';
import type { ResolvedOperation } from '../../nodes/Nmbrs/catalogue';
import { SERVICES, type ServiceName } from '../../nodes/Nmbrs/catalogue/types';

const cache = new Map<ServiceName, ResolvedOperation[]>();

export function operationsOf(service: ServiceName): ResolvedOperation[] {
	let list = cache.get(service);
	if (list) return list;
	const curated = catalogue.operations
		.filter((op) => op.service === service)
		.map((operation): ResolvedOperation => ({ operation, catalogue, origin: 'curated' }));
	const known = new Set(curated.map((r) => r.operation.name));
	const generatedFor = generatedCatalogue(service);
	const generated = (generatedFor?.operations ?? [])
		.filter((operation) => !known.has(operation.name))
		.map((operation): ResolvedOperation => ({
			operation,
			catalogue: generatedFor as NonNullable<typeof generatedFor>,
			origin: 'generated',
		}));
	list = [...curated, ...generated];
	cache.set(service, list);
	return list;
}

/** Every operation the emulator's WSDLs know, as 'Service.Op', sorted. */
export function allOperationKeys(): string[] {
	return SERVICES.flatMap((service) =>
		operationsOf(service).map((r) => operationKey(r.operation)),
	).sort();
}
