/**
 * Pension Export Reached Status: each pension export (CompanyService.PensionExport_GetList) once
 * per watched status it reaches (Nmbrs's Pension Export Created and Sent). Nmbrs does not publish
 * the status values: they are free text, compared case-insensitively. An export seen with a sent
 * date was created before, so "created" is not missed when it was created and sent between looks.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseBoolean, parseStatusList } from '../../glue/parameters';
import { isRecord } from '../../glue/request';
import { MIME, binaryFieldProperty, documentItem, periodExportFileName } from '../../common/binary';
import { toJson } from '../../common/rows';
import type { TriggerEvent, Thing } from '../event';
import { periodEnd as endOfPeriod, sentDay } from './periods';

interface Options {
	includeXml?: unknown;
	binaryPropertyName?: unknown;
}

const number = (value: unknown) => Number(value ?? 0);

export const pensionExportReachedStatus: TriggerEvent = {
	value: 'pensionExportReachedStatus',
	name: 'Pension Export Reached Status',
	description: 'Once per pension export and status it reaches, e.g. when it is created or sent',
	wakesOn: ['Pension Export Created', 'Pension Export Sent'],
	calls: ['CompanyService.PensionExport_GetList', 'CompanyService.PensionExport_GetXML'],
	properties: [
		{
			displayName: 'Statuses',
			name: 'exportStatuses',
			type: 'string',
			default: 'created',
			placeholder: 'e.g. created, sent',
			description:
				'The statuses to watch, comma-separated; case does not matter. Nmbrs does not publish the list: "Fetch Test Event" names the statuses it finds when none matches.',
		},
		{
			displayName: 'Options',
			name: 'exportOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Include Pension Export XML',
					name: 'includeXml',
					type: 'boolean',
					default: false,
					description:
						'Whether to add the export (the XML sent to the pension fund) as a file, one extra call (CompanyService.PensionExport_GetXML) per item',
				},
				{ ...binaryFieldProperty, required: false },
			],
		},
	],
	settings(read, node) {
		const watched = [...new Set(parseStatusList(read('exportStatuses', 'created')))].sort();
		if (watched.length === 0) {
			throw new NodeOperationError(node, 'The Statuses field is empty', {
				description: 'Give the statuses to watch, comma-separated, e.g. created or created, sent.',
			});
		}
		const options = (read('exportOptions', {}) ?? {}) as Options;
		const includeXml = parseBoolean(
			node,
			options.includeXml ?? false,
			'Include Pension Export XML',
			0,
		);
		const field = String(options.binaryPropertyName ?? 'data').trim();
		if (includeXml && field === '') {
			throw new NodeOperationError(node, 'Put Output File in Field is empty', {
				description: 'Name the output field the XML file goes into, e.g. data.',
			});
		}
		const periodEnd = (thing: Thing, year: number, periodType: string | null = null) =>
			endOfPeriod(number(thing.Year) || year, number(thing.Period), periodType);
		return {
			watched,
			watchKey: `pension:${watched.join(',')}`,
			async fetch(calls, companyId, year) {
				const rows = await calls.records('CompanyService.PensionExport_GetList', {
					CompanyId: companyId,
					intYear: year,
				});
				return rows.map((row) => toJson(row));
			},
			id: (thing) => String(thing.PensionExportID),
			status: (thing) =>
				String(thing.Status ?? '')
					.trim()
					.toLowerCase(),
			passed: (thing) =>
				sentDay(thing) !== undefined && watched.includes('created') ? ['created'] : [],
			// Each watched status once per export: an export does not go back.
			once: watched,
			periodEnd,
			existingDate: periodEnd,
			lastChanged(thing, year, periodType) {
				const sent = sentDay(thing);
				if (sent === undefined) return undefined;
				const end = periodEnd(thing, year, periodType);
				return end !== undefined && end > sent ? end : sent;
			},
			compare: (a: Thing, b: Thing) =>
				number(a.Year) - number(b.Year) ||
				number(a.Period) - number(b.Period) ||
				number(a.PensionExportID) - number(b.PensionExportID),
			async item(calls, json): Promise<INodeExecutionData> {
				if (!includeXml) return { json };
				const answer = await calls.request('CompanyService.PensionExport_GetXML', {
					PensionExportID: Number(json.PensionExportID),
					CompanyId: Number(json.CompanyId),
				});
				const xml = isRecord(answer) ? '' : String(answer ?? '');
				return await documentItem.call(
					calls.binary(),
					{
						data: Buffer.from(xml, 'utf8'),
						fileName: periodExportFileName('pension-export', {
							company: json.CompanyName as string,
							year: number(json.Year),
							period: number(json.Period),
							id: number(json.PensionExportID),
						}),
						mimeType: MIME.xml,
					},
					json,
					undefined,
					field,
				);
			},
			noMatch(seen, years, companies) {
				const statuses = [...seen.entries()]
					.sort((a, b) => b[1] - a[1])
					.map(([status, count]) => `${status || '(empty)'} (${count})`);
				return {
					message: `No pension export of ${years.join(' or ')} has the status ${watched.map((s) => `"${s}"`).join(' or ')}`,
					description:
						statuses.length > 0
							? `The ${companies} companies watched have pension exports with these statuses: ${statuses.join(', ')}. Put the one to wait for in Statuses.`
							: `The ${companies} companies watched have no pension exports in ${years.join(' or ')}.`,
				};
			},
		};
	},
};
