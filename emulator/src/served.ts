/**
 * What the emulator's WSDLs offer, in one place: per service the curated operations first, then
 * those only the v2.1 WSDL knows (served with their generated catalogue entry), then the v3-only
 * calls the emulator serves outside the catalogue (a WSDL-driven client can call those too).
 */
import { catalogue, generatedCatalogue, operationKey } from '../../nodes/Nmbrs/catalogue';
import type { ResolvedOperation } from '../../nodes/Nmbrs/catalogue';
import { SERVICES, type ServiceName } from '../../nodes/Nmbrs/catalogue/types';
import { findV3Only, v3OnlyHandlers } from './operations/v3Only';

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
	for (const r of generated) known.add(r.operation.name);
	const v3Only = Object.keys(v3OnlyHandlers)
		.filter((key) => key.startsWith(`${service}.`))
		.map((key) => findV3Only(service, key.slice(service.length + 1)))
		.filter((r): r is ResolvedOperation => r !== undefined && !known.has(r.operation.name));
	list = [...curated, ...generated, ...v3Only];
	cache.set(service, list);
	return list;
}

/** Every operation the emulator's WSDLs know, as 'Service.Op', sorted. */
export function allOperationKeys(): string[] {
	return SERVICES.flatMap((service) =>
		operationsOf(service).map((r) => operationKey(r.operation)),
	).sort();
}
