// Fails when `npm pack` would ship anything but dist/, README, LICENSE and package.json,
// or when a file the package.json `n8n` section or `bin` names is missing from the tarball.
const fs = require('fs');
const path = require('path');

const [report] = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const files = report.files.map((f) => f.path);
const allowed = (f) =>
	f.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(f);
const stray = files.filter((f) => !allowed(f));

const pkg = require(path.resolve(__dirname, '..', 'package.json'));
const required = [...pkg.n8n.credentials, ...pkg.n8n.nodes, ...Object.values(pkg.bin || {})];
const missing = required.filter((f) => !files.includes(f));
const problems = [
	...stray.map((f) => `ships a file outside dist/: ${f}`),
	...missing.map((f) => `package.json names ${f}, but the tarball lacks it (did the build run?)`),
];
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`npm pack: ${files.length} files, all under dist/ or README/LICENSE/package.json`);
