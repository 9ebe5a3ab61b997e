/**
 * Wage Tax Declaration Reached Status. Nmbrs does not publish its status values, so the statuses
 * are free text, compared case-insensitively. "locked" is emitted once per declaration, when it is
 * seen locked or seen with a sent date (it was locked before it was sent), whichever comes first:
 * a declaration locked and sent between two polls is not missed. Other watched statuses are
 * emitted each time a poll sees a declaration reach them; the option Emit: Once per Status gives
 * "locked" that rule too. A status nobody watches is remembered, never emitted.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseBoolean, parseStatusList } from '../../glue/parameters';
import { isRecord } from '../../glue/request';
import { MIME, binaryFieldProperty, documentItem, declarationFileName } from '../../common/binary';
import { toJson } from '../../common/rows';
import { xmlDocumentToJson, type WireValue } from '../../wire';
import { CallFailure } from '../companies';
import type { TriggerEvent, Thing } from '../event';
import { periodEnd as endOfPeriod, sentDay } from './periods';
import { attempt } from '../../support/outcome';

const VALUE = 'wageTaxDeclarationReachedStatus';

interface Options {
	emit?: unknown;
	includeXml?: unknown;
	xmlAsJson?: unknown;
	includeBsn?: unknown;
	binaryPropertyName?: unknown;
}

const number = (value: unknown) => Number(value ?? 0);

export const wageTaxDeclarationReachedStatus: TriggerEvent = {
	value: VALUE,
	name: 'Wage Tax Declaration Reached Status',
	description: 'Once per wage tax declaration and status it reaches, e.g. when it is locked',
	// A run finishing makes or changes its period's declaration; then it is created and sent.
	wakesOn: ['Run Finish', 'Wage Tax Declaration Created', 'Wage Tax Declaration Sent'],
	calls: ['CompanyService.WageTax_GetList', 'CompanyService.WageTax_GetXML'],
	properties: [
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'string',
			default: 'locked',
			placeholder: 'e.g. locked, sent',
			description:
				'The statuses to watch, comma-separated; case does not matter. "locked" (the declaration is final) is the one accounting firms wait for. Nmbrs does not publish the full list: "Fetch Test Event" names the statuses it finds when none matches.',
		},
		{
			displayName: 'Options',
			name: 'declarationOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Emit',
					name: 'emit',
					type: 'options',
					options: [
						{
							name: 'Locked Once per Declaration',
							value: 'lockedOnce',
							description:
								'"locked" once per declaration: when it is seen locked, or seen with a sent date (locked and sent between two polls), whichever comes first. Other statuses: each time one is reached.',
						},
						{
							name: 'Once per Status',
							value: 'perStatus',
							description:
								'Each time a poll sees a declaration in a watched status it was not in at the last poll (again after it left it: IsRepeat true). A declaration locked and sent between two polls is not seen locked.',
						},
					],
					default: 'lockedOnce',
				},
				{
					displayName: 'Include BSN',
					name: 'includeBsn',
					type: 'boolean',
					default: false,
					description:
						"Whether to keep the employees' BSN (SofiNr) in the declaration XML as JSON. The XML file itself always holds it.",
				},
				{
					displayName: 'Include Declaration XML',
					name: 'includeXml',
					type: 'boolean',
					default: false,
					description:
						'Whether to add the declaration message (XML) as a file, one extra call (CompanyService.WageTax_GetXML) per item',
				},
				{
					displayName: 'Include Declaration XML as JSON',
					name: 'xmlAsJson',
					type: 'boolean',
					default: false,
					description:
						'Whether to add the declaration message, read into JSON, in the field Xml (without BSNs unless Include BSN is on)',
				},
				{ ...binaryFieldProperty, required: false },
			],
		},
	],
	settings(read, node) {
		const watched = [...new Set(parseStatusList(read('statuses', 'locked')))].sort();
		if (watched.length === 0) {
			throw new NodeOperationError(node, 'The Statuses field is empty', {
				description: 'Give the statuses to watch, comma-separated, e.g. locked or locked, sent.',
			});
		}
		const options = (read('declarationOptions', {}) ?? {}) as Options;
		const includeXml = parseBoolean(
			node,
			options.includeXml ?? false,
			'Include Declaration XML',
			0,
		);
		const xmlAsJson = parseBoolean(
			node,
			options.xmlAsJson ?? false,
			'Include Declaration XML as JSON',
			0,
		);
		const includeBsn = parseBoolean(node, options.includeBsn ?? false, 'Include BSN', 0);
		const emit = options.emit ?? 'lockedOnce';
		if (emit !== 'lockedOnce' && emit !== 'perStatus') {
			throw new NodeOperationError(node, `The Emit option "${String(emit)}" is not valid`, {
				description: 'Emit must be lockedOnce or perStatus.',
			});
		}
		const lockedOnce = emit === 'lockedOnce' && watched.includes('locked');
		const field = String(options.binaryPropertyName ?? 'data').trim();
		if (includeXml && field === '') {
			throw new NodeOperationError(node, 'Put Output File in Field is empty', {
				description: 'Name the output field the XML file goes into, e.g. data.',
			});
		}
		const periodEnd = (thing: Thing, year: number, periodType: string | null = null) =>
			typeof thing.TijdvakEnd === 'string'
				? thing.TijdvakEnd.slice(0, 10)
				: endOfPeriod(number(thing.Year) || year, number(thing.Period), periodType);
		return {
			watched,
			// The foundation trigger's key for its statuses, so that its state is read (state.ts).
			watchKey: watched.join(','),
			async fetch(calls, companyId, year) {
				const rows = await calls.records('CompanyService.WageTax_GetList', {
					CompanyId: companyId,
					intYear: year,
				});
				return rows.map((row) => toJson(row));
			},
			id: (thing) => String(thing.LoonaangifteID),
			status: (thing) =>
				String(thing.Status ?? '')
					.trim()
					.toLowerCase(),
			passed: (thing) => (lockedOnce && sentDay(thing) !== undefined ? ['locked'] : []),
			once: lockedOnce ? ['locked'] : [],
			periodEnd,
			existingDate: periodEnd,
			// A company first seen after activation: a declaration not sent yet may have been locked
			// since (emitted); a sent one changed last when it was sent.
			lastChanged(thing, year, periodType) {
				const sent = sentDay(thing);
				if (sent === undefined) return undefined;
				const end = periodEnd(thing, year, periodType);
				return end !== undefined && end > sent ? end : sent;
			},
			compare: (a: Thing, b: Thing) =>
				number(a.Year) - number(b.Year) ||
				number(a.Period) - number(b.Period) ||
				number(a.LoonaangifteID) - number(b.LoonaangifteID),
			async item(calls, json): Promise<INodeExecutionData> {
				if (!includeXml && !xmlAsJson) return { json };
				const answer = await calls.request('CompanyService.WageTax_GetXML', {
					LoonaangifteID: Number(json.LoonaangifteID),
					CompanyId: Number(json.CompanyId),
				});
				const xml = isRecord(answer) ? '' : String(answer ?? '');
				const out: IDataObject = { ...json };
				if (xmlAsJson) {
					const parsed = attempt(() => xmlDocumentToJson(xml));
					if (!parsed.ok) {
						throw new CallFailure(
							'CompanyService.WageTax_GetXML',
							new NodeOperationError(calls.context.getNode(), (parsed.error as Error).message, {
								description:
									'Nmbrs answered the declaration XML in a form that cannot be read as JSON; switch off Include Declaration XML as JSON to get the file alone.',
							}),
						);
					}
					out.Xml = toJson(parsed.value as WireValue, !includeBsn);
				}
				if (!includeXml) return { json: out };
				return await documentItem.call(
					calls.binary(),
					{
						data: Buffer.from(xml, 'utf8'),
						fileName: declarationFileName({
							company: json.CompanyName as string,
							year: json.Year as number,
							period: json.Period as number,
							declarationId: json.LoonaangifteID as number,
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
					message: `No wage tax declaration of ${years.join(' or ')} has the status ${watched.map((s) => `"${s}"`).join(' or ')}`,
					description:
						statuses.length > 0
							? `The ${companies} companies watched have declarations with these statuses: ${statuses.join(', ')}. Put the one to wait for in Statuses.`
							: `The ${companies} companies watched have no wage tax declarations in ${years.join(' or ')}.`,
				};
			},
		};
	},
};
