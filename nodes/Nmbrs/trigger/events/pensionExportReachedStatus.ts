/**
 * Pension Export Reached Status: each pension export (CompanyService.PensionExport_GetList) once
 * per watched status it reaches (Nmbrs's Pension Export Created and Sent). Nmbrs does not publish
 * the status values: they are free text, compared case-insensitively. An export seen with a sent
 * date was created before, so "created" is not missed when it was created and sent between looks.
 */
import { PENSION_EXPORT } from '../../common/periodExports';
import { periodExportEvent } from './periodExport';
import { sentDay } from './periods';

export const pensionExportReachedStatus = periodExportEvent({
	value: 'pensionExportReachedStatus',
	name: 'Pension Export Reached Status',
	description: 'Once per pension export and status it reaches, e.g. when it is created or sent',
	wakesOn: ['Pension Export Created', 'Pension Export Sent'],
	...PENSION_EXPORT,
	names: { all: 'pension exports', seen: 'pension exports' },
	statuses: {
		name: 'exportStatuses',
		default: 'created',
		placeholder: 'e.g. created, sent',
		description:
			'The statuses to watch, comma-separated; case does not matter. Nmbrs does not publish the list: "Fetch Test Event" names the statuses it finds when none matches.',
	},
	options: {
		name: 'exportOptions',
		xmlLabel: 'Pension Export XML',
		xmlIs: 'the export (the XML sent to the pension fund)',
	},
	rules: (_options, watched) => ({
		watchKey: `pension:${watched.join(',')}`,
		passed: (thing) =>
			sentDay(thing) !== undefined && watched.includes('created') ? ['created'] : [],
		// Each watched status once per export: an export does not go back.
		once: watched,
	}),
});
