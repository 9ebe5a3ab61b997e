/**
 * Custom Call's operation list: every operation the catalogue knows for the chosen service, the
 * curated entries and those generated from the v2.1 WSDLs (loaded only now, when the list opens).
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { catalogue, generatedCatalogue, SERVICES, type ServiceName } from '../catalogue';

export async function searchOperations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	let service: unknown;
	try {
		service = this.getCurrentNodeParameter('service');
	} catch {
		service = undefined;
	}
	if (!SERVICES.includes(service as ServiceName)) return { results: [] };
	const curated = catalogue.operations.filter((op) => op.service === service);
	const seen = new Set(curated.map((op) => op.name));
	const generated = (generatedCatalogue(service as ServiceName)?.operations ?? []).filter(
		(op) => !seen.has(op.name),
	);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = [...curated, ...generated]
		.filter(
			(op) =>
				needle === '' ||
				op.name.toLowerCase().includes(needle) ||
				(op.description ?? '').toLowerCase().includes(needle),
		)
		.map((op) => ({
			name: `${op.name}${op.access === 'write' ? ' (writes)' : ''}`,
			value: op.name,
			description: op.description,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
