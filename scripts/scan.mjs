// `npm run scan`: n8n's verification scanner (@n8n/scan-community-package, pinned below) run
// offline over the source and over the package as `npm pack` makes it (run `npm run build`
// first). The scanner itself fetches the published package and its GitHub commit; its checks are
// the same eslint run with inline disable-comments ignored, which is what runs here. Fails on any
// error; warnings are printed.
//
// The scanner is installed once into ~/.cache/n8n-nodes-nmbrs/scanner-<version> (not into this
// repository's lock: it pulls n8n-workflow with a native module for Node 24), with install
// scripts off (a plugin of it refuses npm in a preinstall script).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCANNER_VERSION = '0.32.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache =
	process.env.N8N_NODES_NMBRS_CACHE ?? path.join(homedir(), '.cache', 'n8n-nodes-nmbrs');
const scannerDir = path.join(cache, `scanner-${SCANNER_VERSION}`);
const scannerModule = path.join(
	scannerDir,
	'node_modules',
	'@n8n',
	'scan-community-package',
	'scanner',
	'scanner.mjs',
);

if (!existsSync(path.join(scannerDir, '.complete'))) {
	console.log(`installing @n8n/scan-community-package ${SCANNER_VERSION} into ${scannerDir}`);
	rmSync(scannerDir, { recursive: true, force: true });
	mkdirSync(scannerDir, { recursive: true });
	writeFileSync(path.join(scannerDir, 'package.json'), '{ "private": true }\n');
	execFileSync(
		'npm',
		[
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			`@n8n/scan-community-package@${SCANNER_VERSION}`,
		],
		{ cwd: scannerDir, stdio: ['ignore', 'inherit', 'inherit'] },
	);
	writeFileSync(path.join(scannerDir, '.complete'), '');
}
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerModule).href);

const work = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-nmbrs-scan-'));
let failed = false;
try {
	const [report] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, report.filename), '-C', work]);
	for (const [leg, dir, patterns] of [
		['source', root, SOURCE_FILE_PATTERNS],
		['tarball', unpacked, ['**/*.js', 'package.json']],
	]) {
		const result = await analyzePackage(dir, patterns);
		console.log(`scanner ${SCANNER_VERSION}, ${leg}: ${result.passed ? 'passed' : 'FAILED'}`);
		if (result.details) console.log(result.details);
		if (!result.passed) failed = true;
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
