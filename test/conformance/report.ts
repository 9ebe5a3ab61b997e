/**
 * The conformance run in numbers and words: served / all, validating / served, what fell out of
 * the baseline (served.json), what is new, why answers fail, how writes read back.
 */
import type { CallResult, ConformanceRun, OperationOutcome } from './runner';

export interface Summary {
	text: string;
	/** Served and validating now: what served.json holds after an update. */
	conforming: string[];
	/** Baseline operations that are no longer served or no longer validate, each with why. */
	lost: string[];
	/** Served and validating, not yet in the baseline. */
	gained: string[];
}

/** Why a call did not validate, short enough to group by (ids and numbers folded). */
export function reasonsOf(result: CallResult): string[] {
	switch (result.status) {
		case 'fault': {
			const message = result.message ?? '';
			const nmbrs = /--->\s*(\d{4}):\s*([^\n]*)/.exec(message);
			const fold = (text: string) => text.replace(/\d{2,}/g, 'N').slice(0, 80);
			return [nmbrs ? `fault ${nmbrs[1]}: ${fold(nmbrs[2])}` : `fault: ${fold(message)}`];
		}
		case 'invalid':
			return [...new Set(result.problems.map((p) => p.reason))];
		case 'no-answer':
			return [`no SOAP answer: ${(result.message ?? '').slice(0, 80)}`];
		default:
			return [];
	}
}

const served = (o: OperationOutcome) => o.status !== 'not-served';

function explain(outcome: OperationOutcome | undefined): string {
	if (!outcome) return 'not called (no longer in the WSDL?)';
	if (outcome.status === 'not-served') return 'no longer served';
	const reasons = reasonsOf(outcome).slice(0, 3).join('; ');
	const guesses = [
		...outcome.placeholders.map((name) => `stand-in ${name}`),
		...outcome.minimal.map((name) => `minimal ${name}`),
	];
	const why = outcome.status === 'fault' ? reasons : `${outcome.status}: ${reasons}`;
	return guesses.length ? `${why} (${guesses.join(', ')})` : why;
}

const list = (names: string[], max = 12) =>
	names.length <= max
		? names.join(', ')
		: `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

export function summarise(run: ConformanceRun, baseline: readonly string[]): Summary {
	const { outcomes } = run;
	const byKey = new Map(outcomes.map((o) => [o.key, o]));
	const servedOnes = outcomes.filter(served);
	const conforming = servedOnes.filter((o) => o.status === 'valid').map((o) => o.key);
	const baselineSet = new Set(baseline);
	const lost = baseline
		.filter((key) => byKey.get(key)?.status !== 'valid')
		.map((key) => `${key}: ${explain(byKey.get(key))}`);
	const gained = conforming.filter((key) => !baselineSet.has(key));

	const lines: string[] = [];
	const reads = outcomes.filter((o) => !o.write);
	const writes = outcomes.filter((o) => o.write);
	const ratio = (part: OperationOutcome[], whole: OperationOutcome[]) =>
		`${part.length} / ${whole.length}`;
	lines.push(
		`Nmbrs conformance: the real v2.1 WSDLs (v3 namespace and auth header) against the emulator`,
		`served ${ratio(servedOnes, outcomes)},` +
			` validating ${conforming.length} / ${servedOnes.length}` +
			` (reads ${ratio(reads.filter(served), reads)},` +
			` writes ${ratio(writes.filter(served), writes)})`,
	);
	if (lost.length)
		lines.push(`LOST from served.json (${lost.length}):`, ...lost.map((l) => `  ${l}`));
	if (gained.length) {
		lines.push(
			`served and validating, not yet in served.json (${gained.length}):` +
				' npm run conformance:update adds them',
			...gained.map((key) => `  ${key}`),
		);
	}

	const counts = new Map<string, string[]>();
	for (const outcome of servedOnes) {
		for (const reason of reasonsOf(outcome)) {
			// The filler's guesses may be why: say so.
			const stand =
				outcome.placeholders.length || outcome.minimal.length ? ' [filler stand-in/minimal]' : '';
			counts.set(reason + stand, [...(counts.get(reason + stand) ?? []), outcome.operation]);
		}
	}
	const top = [...counts.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 10);
	if (top.length) {
		lines.push('top reasons served answers do not validate (operations):');
		for (const [reason, ops] of top)
			lines.push(`  ${String(ops.length).padStart(3)}  ${reason}  (${list(ops, 4)})`);
	}

	const servedWrites = writes.filter(served);
	const accepted = servedWrites.filter((o) => o.readBack !== undefined);
	const withRead = accepted.filter((o) => o.readBack?.operation !== undefined);
	const answered = withRead.filter((o) =>
		['valid', 'invalid'].includes(o.readBack?.result?.status ?? ''),
	);
	const readValid = answered.filter((o) => o.readBack?.result?.status === 'valid');
	const noRead = accepted.filter((o) => o.readBack?.operation === undefined).map((o) => o.key);
	lines.push(
		`writes: ${servedWrites.length} served, ${accepted.length} accepted; read back by a read of ` +
			`their family: ${answered.length} / ${withRead.length} answered, ${readValid.length} valid` +
			(noRead.length ? `; no read in the family: ${list(noRead, 6)}` : ''),
	);

	const standIns = outcomes.filter((o) => o.placeholders.length > 0);
	const standInsServed = standIns
		.filter(served)
		.map((o) => `${o.key} (${o.placeholders.join(', ')})`);
	lines.push(
		`filler stand-ins (ids it does not know): ${standIns.length} operations` +
			(standInsServed.length ? `, served: ${list(standInsServed, 8)}` : ''),
		`v3 additions seen: ${run.additionsSeen.join(', ') || 'none'}`,
	);
	return { text: lines.join('\n'), conforming: conforming.sort(), lost, gained };
}

/** served.json as prettier writes an array of strings: one line if it fits, else a line each. */
export function baselineJson(keys: readonly string[]): string {
	const oneLine = `[${keys.map((k) => JSON.stringify(k)).join(', ')}]`;
	if (oneLine.length <= 100) return `${oneLine}\n`;
	return `[\n${keys.map((k) => `\t${JSON.stringify(k)}`).join(',\n')}\n]\n`;
}
