/**
 * What the editor should show, read from the built node's own description: its resources, each
 * resource's operations, and the parameters visible for a resource and operation.
 */
import * as path from 'path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { REPO_ROOT } from '../../scripts/e2e/harness';

export function builtDescription(file: 'Nmbrs' | 'NmbrsTrigger'): INodeTypeDescription {
	const loaded = require(
		path.join(REPO_ROOT, 'dist', 'nodes', 'Nmbrs', `${file}.node.js`),
	) as Record<string, new () => { description: INodeTypeDescription }>;
	return new loaded[file]().description;
}

export interface Choice {
	name: string;
	value: string;
}

function optionsOf(property: INodeProperties | undefined): Choice[] {
	return (property?.options ?? []).map((o) => {
		const option = o as { name: string; value?: unknown };
		return { name: option.name, value: String(option.value) };
	});
}

export function resources(description: INodeTypeDescription): Choice[] {
	return optionsOf(description.properties.find((p) => p.name === 'resource'));
}

export function operations(description: INodeTypeDescription, resource: string): Choice[] {
	return optionsOf(
		description.properties.find(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource),
		),
	);
}

/** Whether a property shows for these values (its displayOptions, equality only, as ours use). */
function shows(property: INodeProperties, values: Record<string, unknown>): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [key, wanted] of Object.entries(show ?? {})) {
		if (!(wanted as unknown[]).includes(values[key])) return false;
	}
	for (const [key, unwanted] of Object.entries(hide ?? {})) {
		if ((unwanted as unknown[]).includes(values[key])) return false;
	}
	return true;
}

/** The parameters n8n shows for `values` (the others at their defaults), in order. */
export function visibleParameters(
	description: INodeTypeDescription,
	values: Record<string, unknown>,
): INodeProperties[] {
	const all: Record<string, unknown> = {};
	for (const p of description.properties)
		if (!(p.name in all) && shows(p, values)) all[p.name] = p.default;
	Object.assign(all, values);
	const seen = new Set<string>();
	return description.properties.filter((p) => {
		if (seen.has(p.name) || !shows(p, all)) return false;
		seen.add(p.name);
		return true;
	});
}

/** The names a collection's add list offers (options without displayOptions of their own). */
export function collectionOptions(collection: INodeProperties): string[] {
	return ((collection.options ?? []) as INodeProperties[])
		.filter((o) => o.displayOptions === undefined)
		.map((o) => o.displayName);
}
