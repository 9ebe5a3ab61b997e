/**
 * The trigger's failure bookkeeping: which companies and debtors fail, since when and for how many
 * polls (kept in the state), and the report a poll without items gives once a unit has failed
 * REPORT_AFTER polls in a row, once per run of failures. What was reported is kept in memory per
 * state instance: a poll that fails cannot store it.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CallFailure } from './companies';
import type { Failing, TriggerState } from './state';

/** Failed polls in a row after which a poll without items reports the company. */
export const REPORT_AFTER = 3;

/** A failing company (`company:<id>`) or chosen debtor (`debtor:<id>`) of this poll. */
export type PollFailures = Map<string, { name: string; failure: CallFailure }>;

/** The failure of `call`, kept as it is when it is one already. */
export function asFailure(error: unknown, call: string): CallFailure {
	return error instanceof CallFailure ? error : new CallFailure(call, error);
}

/** The error a failed call left, as n8n shows it (NodeApiError / NodeOperationError). */
export function errorOf(failure: CallFailure): Error {
	return failure.error instanceof Error ? failure.error : new Error(String(failure.error));
}

/** Per state instance: the failures already reported, as `<unit>@<since>`. */
const reported = new Map<string, Set<string>>();

/**
 * This poll's failures into the state: each unit's first failure and its count of polls.
 * `unseen`: the units a poll that looked at some only (a webhook delivery) did not look at; their
 * failures are kept as they were.
 */
export function recordFailures(
	state: TriggerState,
	failures: PollFailures,
	nowIso: string,
	unseen: (unit: string) => boolean = () => false,
): void {
	const previous = state.failing ?? {};
	const failing: Record<string, Failing> = Object.fromEntries(
		Object.entries(previous).filter(([unit]) => unseen(unit)),
	);
	for (const [key, { name, failure }] of failures) {
		const before = previous[key];
		failing[key] = {
			name,
			since: before?.since ?? nowIso,
			polls: (before?.polls ?? 0) + 1,
			call: failure.call,
		};
	}
	if (Object.keys(failing).length > 0) state.failing = failing;
	else delete state.failing;
}

function report(node: INode, due: Array<[string, Failing, CallFailure]>): NodeOperationError {
	const [, first, failure] = due[0];
	const error = errorOf(failure);
	const description =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? (error.description ?? '')
			: '';
	const others = due.slice(1).map(([, f]) => `${f.name} (${f.call})`);
	return new NodeOperationError(
		node,
		`The ${first.name} has failed ${first.polls} polls in a row at ${first.call}: ${error.message}`,
		{
			description: [
				description,
				others.length > 0
					? `Also failing ${REPORT_AFTER} polls or more: ${others.join(', ')}.`
					: '',
				'The trigger keeps its place and tries again at every poll; this is reported once until it recovers.',
			]
				.filter((s) => s !== '')
				.join(' '),
		},
	);
}

/**
 * The report this poll must fail with, if any: only a poll without items reports, and each run of
 * failures once. Forgets reports of units that recovered or started a new run.
 */
export function dueReport(
	node: INode,
	state: TriggerState,
	failures: PollFailures,
	pollHasItems: boolean,
	fresh: boolean,
): NodeOperationError | undefined {
	const failing = state.failing ?? {};
	const memory = reported.get(state.instance) ?? new Set<string>();
	for (const key of [...memory]) {
		const [unit, since] = key.split('@');
		if (failing[unit]?.since !== since) memory.delete(key);
	}
	let error: NodeOperationError | undefined;
	if (!pollHasItems && !fresh) {
		const due: Array<[string, Failing, CallFailure]> = Object.entries(failing)
			.filter(([key, f]) => f.polls >= REPORT_AFTER && !memory.has(`${key}@${f.since}`))
			.map(([key, f]) => [key, f, (failures.get(key) as { failure: CallFailure }).failure]);
		if (due.length > 0) {
			for (const [key, f] of due) memory.add(`${key}@${f.since}`);
			error = report(node, due);
		}
	}
	if (memory.size > 0) reported.set(state.instance, memory);
	else reported.delete(state.instance);
	return error;
}
