/**
 * `npm run lint` keeps regular expressions linear: ESLint with the project's config, run on a
 * snippet, reports a super-linear regex on its line and passes a linear one. (ESLint runs in a
 * child process: its flat config is an ES module, which jest's module system cannot import.)
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

const SNIPPET = [
	'export const backtracks = (text: string) => /--->\\s*(\\d+)\\s*:\\s*([^\\n]*?)\\s*$/.exec(text);',
	'export const moves = (text: string) => /(\\d+):(\\d+)/.exec(text);',
	'export const linear = (text: string) => /^(\\d{3,5}):/.exec(text);',
	'',
].join('\n');

interface Message {
	line: number;
	ruleId: string | null;
}

function lintSnippet(): Message[] {
	const run = spawnSync(
		process.execPath,
		[
			path.join(ROOT, 'node_modules/eslint/bin/eslint.js'),
			'--stdin',
			'--stdin-filename',
			'nodes/Nmbrs/transport/snippet.ts',
			'--format',
			'json',
		],
		{ cwd: ROOT, input: SNIPPET, encoding: 'utf8' },
	);
	const [result] = JSON.parse(run.stdout) as Array<{ messages: Message[] }>;
	return result?.messages ?? [];
}

describe('regex lint rules', () => {
	const messages = lintSnippet();
	const rulesOn = (line: number) =>
		messages.filter((message) => message.line === line).map((message) => message.ruleId);

	it('report a regex that backtracks super-linearly', () => {
		expect(rulesOn(1)).toContain('regexp/no-super-linear-backtracking');
	});

	it('report a regex whose every start position can scan the rest of the text', () => {
		expect(rulesOn(2)).toContain('regexp/no-super-linear-move');
	});

	it('pass a linear regex', () => {
		expect(rulesOn(3)).toEqual([]);
	});
});
