/**
 * `npm run bench`: every benchmark case, printed as one table with the machine it ran on.
 * Numbers are printed, never asserted: these are not tests. Needs `npm run build` first.
 */
import * as os from 'os';

import { answerStallCase } from './cases/answerStall';
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
	// Parse first, in a fresh heap: after the bulk read the benchmark's own heap is large and every
	// collection costs more, which measured the parse (and its peers) up to 40 % slower.
	for (const run of [
		parseCase,
		coldLoadCase,
		emulatorStartCase,
		triggerPollCase,
		answerStallCase,
		() => bulkReadCase(bulkReadInN8n()),
	]) {
		rows.push(...(await run()));
	}
	printTable(rows.sort((a, b) => parseInt(a.case, 10) - parseInt(b.case, 10)));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
