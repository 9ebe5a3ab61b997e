// Lint: @n8n/node-cli's own config (the rules n8n's verification scanner applies, and
// eslint-plugin-n8n-nodes-base's package, credential and node rule sets), without its strict mode,
// which would also hold the tests, scripts and the emulator to node-code rules; plus
// eslint-plugin-regexp over every TypeScript file: its recommended set and the two rules that keep
// a regular expression linear on text from outside (a response, a request, a fault string).
// `npm run scan` runs the scanner itself, which ignores disable-comments, over nodes/ and credentials/.
import { config } from '@n8n/node-cli/eslint';
import regexpPlugin from 'eslint-plugin-regexp';

export default [
	{
		ignores: [
			'dist/**',
			'emulator/dist/**',
			'node_modules/**',
			'coverage/**',
			'demo-output/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	...config,
	{
		files: ['**/*.ts'],
		plugins: { regexp: regexpPlugin },
		rules: {
			...regexpPlugin.configs['flat/recommended'].rules,
			'regexp/no-super-linear-backtracking': 'error',
			'regexp/no-super-linear-move': 'error',
			// Two modules are loaded at their first use, not when n8n loads the node (cold start):
			// the bundled XML libraries and the generated catalogue, which only Custom Call needs.
			'@typescript-eslint/no-require-imports': [
				'error',
				{ allow: ['^\\.\\./vendor/xml$', '^\\./generated/'] },
			],
			// A rest sibling leaves out what it names: that is what it is for.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
	{
		// Never shipped to n8n: tests, benchmarks, scripts and the emulator run on Node as tools,
		// so Node's modules, globals and the console are theirs to use.
		files: ['test/**', 'bench/**', 'scripts/**', 'emulator/**'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'no-console': 'off',
		},
	},
];
