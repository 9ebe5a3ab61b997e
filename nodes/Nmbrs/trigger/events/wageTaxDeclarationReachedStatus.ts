/**
 * Wage Tax Declaration Reached Status. Nmbrs does not publish its status values, so the statuses
 * are free text, compared case-insensitively. "locked" is emitted once per declaration, when it is
 * seen locked or seen with a sent date (it was locked before it was sent), whichever comes first:
 * a declaration locked and sent between two polls is not missed. Other watched statuses are
 * emitted each time a poll sees a declaration reach them; the option Emit: Once per Status gives
 * "locked" that rule too. A status nobody watches is remembered, never emitted.
 */
import { NodeOperationError } from 'n8n-workflow';

import { parseBoolean } from '../../glue/parameters';
import { toJson } from '../../common/rows';
import { xmlDocumentToJson, type WireValue } from '../../wire';
import { CallFailure } from '../companies';
import { WAGE_TAX_DECLARATION } from '../../common/periodExports';
import { periodExportEvent } from './periodExport';
import { sentDay } from './periods';
import { attempt } from '../../support/outcome';

export const wageTaxDeclarationReachedStatus = periodExportEvent({
	value: 'wageTaxDeclarationReachedStatus',
	name: 'Wage Tax Declaration Reached Status',
	description: 'Once per wage tax declaration and status it reaches, e.g. when it is locked',
	// A run finishing makes or changes its period's declaration; then it is created and sent.
	wakesOn: ['Run Finish', 'Wage Tax Declaration Created', 'Wage Tax Declaration Sent'],
	...WAGE_TAX_DECLARATION,
	names: { all: 'wage tax declarations', seen: 'declarations' },
	statuses: {
		name: 'statuses',
		default: 'locked',
		placeholder: 'e.g. locked, sent',
		description:
			'The statuses to watch, comma-separated; case does not matter. "locked" (the declaration is final) is the one accounting firms wait for. Nmbrs does not publish the full list: "Fetch Test Event" names the statuses it finds when none matches.',
	},
	options: {
		name: 'declarationOptions',
		xmlLabel: 'Declaration XML',
		xmlIs: 'the declaration message (XML)',
		own: [
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
				displayName: 'Include Declaration XML as JSON',
				name: 'xmlAsJson',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the declaration message, read into JSON, in the field Xml (without BSNs unless Include BSN is on)',
			},
		],
	},
	rules(options, watched, node) {
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
		return {
			// The foundation trigger's key for its statuses, so that its state is read (state.ts).
			watchKey: watched.join(','),
			passed: (thing) => (lockedOnce && sentDay(thing) !== undefined ? ['locked'] : []),
			once: lockedOnce ? ['locked'] : [],
			listedEnd: (thing) =>
				typeof thing.TijdvakEnd === 'string' ? thing.TijdvakEnd.slice(0, 10) : undefined,
			xmlFields: xmlAsJson
				? (xml, calls) => {
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
						return { Xml: toJson(parsed.value as WireValue, !includeBsn) };
					}
				: undefined,
		};
	},
});
