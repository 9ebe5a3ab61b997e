/**
 * The one shape of the events about a company's export of a period (a wage tax declaration, a
 * pension export): listed per year, a free-text status compared case-insensitively, and an XML
 * fetched by ID, added as a file when asked. What differs per export (the statuses emitted once,
 * its own options) comes from the event's file.
 */
import type { IDataObject, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ParamsOf } from '../../catalogue/calls';
import { parseBoolean, parseStatusList } from '../../glue/parameters';
import { isRecord } from '../../glue/request';
import { MIME, binaryFieldProperty, documentItem, periodExportFileName } from '../../common/binary';
import { alphabetical } from '../../common/alphabetical';
import type { PeriodExport } from '../../common/periodExports';
import { toJson } from '../../common/rows';
import type { PollCalls } from '../companies';
import type { EventSettings, Thing, TriggerEvent } from '../event';
import { periodEnd as endOfPeriod, sentDay } from './periods';

/** What the event's own options make of its settings. */
export interface OwnRules {
	/** What the state is recorded for (saved state is read by it: never change an event's key). */
	watchKey: string;
	passed: NonNullable<EventSettings['passed']>;
	once: readonly string[];
	/** The period's end as the list gives it, if it does; else it is reckoned from the period. */
	listedEnd?(thing: Thing): string | undefined;
	/** Fields read from the XML into the item; present only when an option asks for them. */
	xmlFields?(xml: string, calls: PollCalls): IDataObject;
}

export interface PeriodExportEvent
	extends PeriodExport, Pick<TriggerEvent, 'value' | 'name' | 'description' | 'wakesOn'> {
	/** In messages: "No {what} of 2026 …", "… have {seen} with these statuses", "… have no {all} in". */
	names: { all: string; seen: string };
	/** The Statuses parameter; its default is the status the examples name. */
	statuses: { name: string; default: string; placeholder: string; description: string };
	options: {
		name: string;
		/** "Include {xmlLabel}". */
		xmlLabel: string;
		/** What the file holds: "Whether to add {xmlIs} as a file, …". */
		xmlIs: string;
		/** The event's own options. */
		own?: INodeProperties[];
	};
	rules(options: IDataObject, watched: string[], node: INode): OwnRules;
}

const number = (value: unknown) => Number(value ?? 0);

export function periodExportEvent(spec: PeriodExportEvent): TriggerEvent {
	const includeXmlLabel = `Include ${spec.options.xmlLabel}`;
	const example = spec.statuses.default;
	const options: INodeProperties[] = [
		...(spec.options.own ?? []),
		{
			displayName: includeXmlLabel,
			name: 'includeXml',
			type: 'boolean',
			default: false,
			description: `Whether to add ${spec.options.xmlIs} as a file, one extra call (${spec.xml}) per item`,
		},
		{ ...binaryFieldProperty, required: false },
	];
	// Alphabetical, as the editor lists them.
	options.sort((a, b) => alphabetical(a.displayName, b.displayName));
	return {
		value: spec.value,
		name: spec.name,
		description: spec.description,
		wakesOn: spec.wakesOn,
		calls: [spec.list, spec.xml],
		properties: [
			{
				displayName: 'Statuses',
				name: spec.statuses.name,
				type: 'string',
				default: example,
				placeholder: spec.statuses.placeholder,
				description: spec.statuses.description,
			},
			{
				displayName: 'Options',
				name: spec.options.name,
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options,
			},
		],
		settings(read, node) {
			const watched = [...new Set(parseStatusList(read(spec.statuses.name, example)))].sort();
			if (watched.length === 0) {
				throw new NodeOperationError(node, 'The Statuses field is empty', {
					description: `Give the statuses to watch, comma-separated, e.g. ${example} or ${example}, sent.`,
				});
			}
			const chosen = (read(spec.options.name, {}) ?? {}) as IDataObject;
			const includeXml = parseBoolean(node, chosen.includeXml ?? false, includeXmlLabel, 0);
			const own = spec.rules(chosen, watched, node);
			const field = String(chosen.binaryPropertyName ?? 'data').trim();
			if (includeXml && field === '') {
				throw new NodeOperationError(node, 'Put Output File in Field is empty', {
					description: 'Name the output field the XML file goes into, e.g. data.',
				});
			}
			const periodEnd = (thing: Thing, year: number, periodType: string | null = null) =>
				own.listedEnd?.(thing) ??
				endOfPeriod(number(thing.Year) || year, number(thing.Period), periodType);
			return {
				watched,
				watchKey: own.watchKey,
				async fetch(calls, companyId, year) {
					const rows = await calls.records(spec.list, { CompanyId: companyId, intYear: year });
					return rows.map((row) => toJson(row));
				},
				id: (thing) => String(thing[spec.idField]),
				status: (thing) =>
					String(thing.Status ?? '')
						.trim()
						.toLowerCase(),
				passed: own.passed,
				once: own.once,
				periodEnd,
				existingDate: periodEnd,
				// A company first seen after activation: an export not sent yet may have reached a
				// watched status since (emitted); a sent one changed last when it was sent.
				lastChanged(thing, year, periodType) {
					const sent = sentDay(thing);
					if (sent === undefined) return undefined;
					const end = periodEnd(thing, year, periodType);
					return end !== undefined && end > sent ? end : sent;
				},
				compare: (a: Thing, b: Thing) =>
					number(a.Year) - number(b.Year) ||
					number(a.Period) - number(b.Period) ||
					number(a[spec.idField]) - number(b[spec.idField]),
				async item(calls, json): Promise<INodeExecutionData> {
					if (!includeXml && own.xmlFields === undefined) return { json };
					const params = {
						[spec.idField]: Number(json[spec.idField]),
						CompanyId: Number(json.CompanyId),
					} as ParamsOf<typeof spec.xml>;
					const answer = await calls.request(spec.xml, params);
					const xml = isRecord(answer) ? '' : String(answer ?? '');
					const out: IDataObject = { ...json, ...own.xmlFields?.(xml, calls) };
					if (!includeXml) return { json: out };
					return await documentItem.call(
						calls.binary(),
						{
							data: Buffer.from(xml, 'utf8'),
							fileName: periodExportFileName(spec.kind, {
								company: json.CompanyName as string,
								year: json.Year as number,
								period: json.Period as number,
								id: json[spec.idField] as number,
							}),
							mimeType: MIME.xml,
						},
						out,
						undefined,
						field,
					);
				},
				noMatch(seen, years, companies) {
					const statuses = [...seen.entries()]
						.sort((a, b) => b[1] - a[1])
						.map(([status, count]) => `${status || '(empty)'} (${count})`);
					return {
						message: `No ${spec.what} of ${years.join(' or ')} has the status ${watched.map((s) => `"${s}"`).join(' or ')}`,
						description:
							statuses.length > 0
								? `The ${companies} companies watched have ${spec.names.seen} with these statuses: ${statuses.join(', ')}. Put the one to wait for in Statuses.`
								: `The ${companies} companies watched have no ${spec.names.all} in ${years.join(' or ')}.`,
					};
				},
			};
		},
	};
}
