/**
 * The data-driven end-to-end cases: one file per case in test/e2e/workflows/, holding the
 * workflow to import, the emulator changes to make first, and the outcome a user would see.
 * test/e2e/README.md explains the format.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

export const WORKFLOWS_DIR = path.join(__dirname, 'workflows');
/** The example workflows `npm run demo` imports; a case may run one of them. */
export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

export interface AdminCall {
	method?: 'POST' | 'DELETE';
	/** Under the emulator's /__admin/, e.g. "users/accountant@demo.example/template". */
	path: string;
	body?: unknown;
}

/** What one node's output must look like (its first run, main output 0). */
export interface NodeExpectation {
	/** Exactly this many items. */
	items?: number;
	/** At least this many items. */
	minItems?: number;
	/** The first item's json matches (partially). */
	first?: Record<string, unknown>;
	/** Every item's json matches. */
	every?: Record<string, unknown>;
	/** At least one item's json matches. */
	some?: Record<string, unknown>;
	/** The first item's binary: property name -> its fields (mimeType, fileName, ...) and `startsWith` (the decoded bytes as text). */
	binary?: Record<string, Record<string, unknown>>;
	/** The node failed (workflow stopped) with an error whose fields match, e.g. { "message": { "$contains": "1002" } }. */
	error?: Record<string, unknown>;
}

export interface E2eCase {
	/** The file name without .json. */
	name: string;
	description: string;
	/** The n8n lines to run it on, by major version (default both: ["2", "1"]). */
	n8n?: string[];
	/** Emulator admin calls made after the emulator is reset and before the run. */
	before?: AdminCall[];
	/** Runs this workflow of examples/ (file name without .json) instead of `workflow`. */
	example?: string;
	workflow: {
		id: string;
		name: string;
		nodes: unknown[];
		connections: unknown;
		[key: string]: unknown;
	};
	expect: {
		/** "success" (default) or "error": the execution's outcome. */
		status?: 'success' | 'error';
		nodes: Record<string, NodeExpectation>;
	};
}

export function loadCases(dir = WORKFLOWS_DIR): E2eCase[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Omit<E2eCase, 'name'>;
			const name = file.replace(/\.json$/, '');
			if (raw.example)
				raw.workflow = JSON.parse(
					readFileSync(path.join(EXAMPLES_DIR, `${raw.example}.json`), 'utf8'),
				) as E2eCase['workflow'];
			if (!raw.workflow?.id || !raw.expect?.nodes)
				throw new Error(`${file}: needs workflow.id and expect.nodes`);
			// n8n saves static data and more only for IDs of up to 16 characters.
			if (raw.workflow.id.length > 16)
				throw new Error(`${file}: workflow.id "${raw.workflow.id}" is longer than 16 characters`);
			return { ...raw, name };
		});
}

export function runsOn(c: E2eCase, n8nVersion: string): boolean {
	const major = n8nVersion.split('.')[0];
	return c.n8n === undefined || c.n8n.includes(major);
}

// ---------------------------------------------------------------- matching

/**
 * `expected` matches `actual` when every key of an expected object matches (extra keys in actual
 * are fine), arrays match element by element, and plain values are equal. Operators:
 * { "$contains": "text" }, { "$regex": "^\\d+$" }, { "$type": "number" }, { "$exists": false },
 * { "$gte": 1 }, { "$length": 3 }.
 */
export function mismatches(actual: unknown, expected: unknown, at = ''): string[] {
	if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
		const keys = Object.keys(expected);
		if (keys.length > 0 && keys.every((k) => k.startsWith('$')))
			return operatorMismatches(actual, expected as Record<string, unknown>, at);
		if (actual === null || typeof actual !== 'object')
			return [`${at || 'value'}: expected an object, got ${show(actual)}`];
		return keys.flatMap((key) => {
			const value = (actual as Record<string, unknown>)[key];
			const want = (expected as Record<string, unknown>)[key];
			if (isExistsFalse(want))
				return value === undefined ? [] : [`${at}${key}: expected absent, got ${show(value)}`];
			if (value === undefined) return [`${at}${key}: missing (expected ${show(want)})`];
			return mismatches(value, want, `${at}${key}.`);
		});
	}
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual)) return [`${at || 'value'}: expected an array, got ${show(actual)}`];
		if (actual.length !== expected.length)
			return [`${at || 'value'}: expected ${expected.length} elements, got ${actual.length}`];
		return expected.flatMap((e, i) => mismatches(actual[i], e, `${at}${i}.`));
	}
	return actual === expected
		? []
		: [`${trim(at) || 'value'}: expected ${show(expected)}, got ${show(actual)}`];
}

function isExistsFalse(v: unknown): boolean {
	return v !== null && typeof v === 'object' && (v as Record<string, unknown>).$exists === false;
}

function operatorMismatches(actual: unknown, ops: Record<string, unknown>, at: string): string[] {
	const where = trim(at) || 'value';
	const out: string[] = [];
	for (const [op, arg] of Object.entries(ops)) {
		switch (op) {
			case '$contains':
				if (typeof actual !== 'string' || !actual.includes(String(arg)))
					out.push(`${where}: expected to contain ${show(arg)}, got ${show(actual)}`);
				break;
			case '$regex':
				if (typeof actual !== 'string' || !new RegExp(String(arg)).test(actual))
					out.push(`${where}: expected to match /${String(arg)}/, got ${show(actual)}`);
				break;
			case '$type': {
				const type = Array.isArray(actual) ? 'array' : actual === null ? 'null' : typeof actual;
				if (type !== arg) out.push(`${where}: expected a ${String(arg)}, got ${show(actual)}`);
				break;
			}
			case '$exists':
				if ((actual !== undefined) !== arg)
					out.push(`${where}: expected ${arg ? 'present' : 'absent'}`);
				break;
			case '$gte':
				if (typeof actual !== 'number' || actual < Number(arg))
					out.push(`${where}: expected >= ${show(arg)}, got ${show(actual)}`);
				break;
			case '$length':
				if (!(Array.isArray(actual) || typeof actual === 'string') || actual.length !== arg)
					out.push(`${where}: expected length ${show(arg)}, got ${show(actual)}`);
				break;
			default:
				out.push(`${where}: unknown operator ${op}`);
		}
	}
	return out;
}

function trim(at: string): string {
	return at.replace(/\.$/, '');
}

function show(v: unknown): string {
	const text = JSON.stringify(v);
	return text === undefined ? String(v) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

// ---------------------------------------------------------------- an execution's result

export interface NodeRun {
	items: Array<{ json: Record<string, unknown>; binary?: Record<string, Record<string, unknown>> }>;
	error?: Record<string, unknown>;
	/** The node's own time in this run, in ms, as n8n measured it. */
	executionTime?: number;
}

export interface ExecutionResult {
	status: 'success' | 'error';
	nodes: Record<string, NodeRun>;
	/** The workflow's error (the failing node's), when the run stopped. */
	error?: Record<string, unknown>;
}

interface RawRun {
	data?: {
		resultData?: {
			error?: Record<string, unknown>;
			runData?: Record<
				string,
				Array<{
					data?: { main?: unknown[][] };
					error?: Record<string, unknown>;
					executionTime?: number;
				}>
			>;
		};
	};
}

/**
 * Reads `n8n execute --rawOutput`: the run's JSON on success; on failure n8n logs "Execution
 * error:", a line of "=", then the same JSON.
 */
export function parseExecuteOutput(stdout: string): ExecutionResult {
	const start = stdout.search(/^\{/m);
	if (start < 0) throw new Error('no execution JSON in the output');
	let raw: RawRun | undefined;
	// The JSON ends at a line "}" at column 0; log lines may follow it.
	const ends = [...stdout.slice(start).matchAll(/^\}\s*$/gm)].map(
		(m) => start + (m.index ?? 0) + 1,
	);
	for (const end of ends) {
		try {
			raw = JSON.parse(stdout.slice(start, end)) as RawRun;
			break;
		} catch {
			// a nested "}" line; try the next
		}
	}
	if (!raw) throw new Error('could not read the execution JSON in the output');
	const resultData = raw.data?.resultData ?? {};
	const nodes: Record<string, NodeRun> = {};
	for (const [name, runs] of Object.entries(resultData.runData ?? {})) {
		const run = runs[0];
		nodes[name] = {
			items: ((run?.data?.main?.[0] ?? []) as NodeRun['items']) ?? [],
			...(run?.error ? { error: run.error } : {}),
			executionTime: run?.executionTime,
		};
	}
	return {
		status: resultData.error ? 'error' : 'success',
		nodes,
		...(resultData.error ? { error: resultData.error } : {}),
	};
}

/** Reads a binary property's bytes: inline base64, or n8n's filesystem store under the user folder. */
export type BinaryReader = (binary: Record<string, unknown>) => Buffer | undefined;

export function checkCase(c: E2eCase, result: ExecutionResult, readBinary: BinaryReader): string[] {
	const problems: string[] = [];
	const wantStatus = c.expect.status ?? 'success';
	if (result.status !== wantStatus) {
		const why = result.error
			? `: ${String(result.error.message ?? '')} ${String(result.error.description ?? '')}`
			: '';
		problems.push(`execution: expected ${wantStatus}, got ${result.status}${why}`);
	}
	for (const [nodeName, want] of Object.entries(c.expect.nodes)) {
		const run = result.nodes[nodeName];
		if (!run) {
			problems.push(
				`${nodeName}: did not run (ran: ${Object.keys(result.nodes).join(', ') || 'nothing'})`,
			);
			continue;
		}
		const p = (s: string) => problems.push(`${nodeName}: ${s}`);
		if (want.error) {
			if (!run.error) p(`expected an error, got ${run.items.length} items`);
			else mismatches(run.error, want.error).forEach((m) => p(`error ${m}`));
		} else if (run.error) {
			p(`failed: ${String(run.error.message ?? '')} ${String(run.error.description ?? '')}`);
			continue;
		}
		const items = run.items;
		if (want.items !== undefined && items.length !== want.items)
			p(`expected ${want.items} items, got ${items.length}`);
		if (want.minItems !== undefined && items.length < want.minItems)
			p(`expected at least ${want.minItems} items, got ${items.length}`);
		if (want.first) {
			if (items.length === 0) p('expected a first item, got none');
			else mismatches(items[0].json, want.first).forEach((m) => p(`first item: ${m}`));
		}
		if (want.every) {
			items.forEach((item, i) =>
				mismatches(item.json, want.every)
					.slice(0, 3)
					.forEach((m) => p(`item ${i}: ${m}`)),
			);
		}
		if (want.some && !items.some((item) => mismatches(item.json, want.some).length === 0)) {
			p(`no item matches ${JSON.stringify(want.some)}`);
		}
		for (const [property, fields] of Object.entries(want.binary ?? {})) {
			const binary = items[0]?.binary?.[property];
			if (!binary) {
				p(`expected binary property "${property}" on the first item`);
				continue;
			}
			const { startsWith, ...meta } = fields;
			mismatches(binary, meta).forEach((m) => p(`binary ${property}: ${m}`));
			if (startsWith !== undefined) {
				const bytes = readBinary(binary);
				const head = bytes?.subarray(0, String(startsWith).length).toString('latin1');
				if (head !== startsWith)
					p(
						`binary ${property}: expected to start with ${JSON.stringify(startsWith)}, got ${JSON.stringify(head)}`,
					);
			}
		}
	}
	return problems;
}
