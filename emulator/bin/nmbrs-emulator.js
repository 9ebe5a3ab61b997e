#!/usr/bin/env node
// The nmbrs-emulator command: the built CLI (npm run build), or a hint to build it first.
const path = require('path');
const cli = path.join(__dirname, '..', 'dist', 'emulator', 'src', 'cli.js');
try {
	require.resolve(cli);
} catch {
	process.stderr.write(
		`nmbrs-emulator: ${cli} is missing; run npm run build in the repository first\n`,
	);
	process.exit(1);
}
require(cli).run();
