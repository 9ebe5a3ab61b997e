// Lint: eslint-plugin-n8n-nodes-base's community, credential and node rule sets, and
// eslint-plugin-regexp over every TypeScript file: its recommended set, plus the two rules that
// keep a regular expression linear on text from outside (a response, a request, a fault string).
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import regexpPlugin from 'eslint-plugin-regexp';
import tsParser from '@typescript-eslint/parser';
import jsoncParser from 'jsonc-eslint-parser';

const plugin = { 'n8n-nodes-base': n8nNodesBase };

export default [
	{
		ignores: [
			'dist/**',
			'emulator/dist/**',
			'node_modules/**',
			'coverage/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { ...plugin, regexp: regexpPlugin },
		rules: {
			...regexpPlugin.configs['flat/recommended'].rules,
			'regexp/no-super-linear-backtracking': 'error',
			'regexp/no-super-linear-move': 'error',
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: plugin,
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: plugin,
		rules: n8nNodesBase.configs.credentials.rules,
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: plugin,
		rules: n8nNodesBase.configs.nodes.rules,
	},
];
