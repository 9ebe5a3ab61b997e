/** What the salary document tests share: the run picked, PDF checks, a fake PDF for the stub. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator } from '../../runNode';
import { rl } from '../../runNode';
import { firstCompany, lockedRun } from '../../examples/world';

/** Company, year and run parameters of the first company's last locked run. */
export function runParams(emulator: Emulator) {
	const run = lockedRun(emulator);
	return {
		resource: 'salaryDocument',
		companyId: rl(firstCompany(emulator).id),
		year: String(run.year),
		runId: rl(run.id),
	};
}

/** The bytes of a binary field of an item. */
export function fileOf(item: INodeExecutionData, field = 'data'): Buffer {
	const binary = item.binary?.[field];
	if (!binary) throw new Error(`item has no binary field ${field}`);
	return Buffer.from(binary.data, 'base64');
}

/** A small stand-in PDF for stubbed answers. */
export const FAKE_PDF = Buffer.from('%PDF-1.4\n% stub\n%%EOF\n', 'latin1');

/** A file name slug as the node makes it ('Acme B.V.' -> 'acme-b-v'). */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
