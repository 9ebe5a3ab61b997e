/**
 * `npm run bench`: every benchmark case, printed as one table with the machine it ran on.
 * Numbers are printed, never asserted: these are not tests. Needs `npm run build` first.
 */
import * as os from 'os';

import { bulkReadCase } from './cases/bulkRead';
import { bulkReadInN8n } from './cases/bulkReadInN8n';
import { coldLoadCase } from './cases/coldLoad';
import { emulatorStartCase } from './cases/emulatorStart';
import { parseCase } from './cases/parse';
import { triggerPollCase } from './cases/triggerPoll';
import { printTable, type BenchRow } from './table';

async function main(): Promise<void> {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	console.log(
		`node ${process.version}, ${os.platform()}/${os.arch()}, ${os.cpus().length} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB${global.gc ? '' : ' (without --expose-gc: heap figures are rougher)'}\n`,
	);
	const rows: BenchRow[] = [];
	for (const run of [
		() => bulkReadCase(bulkReadInN8n()),
		parseCase,
		triggerPollCase,
		coldLoadCase,
		emulatorStartCase,
	]) {
		rows.push(...(await run()));
	}
	printTable(rows);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
