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
// n8n provides n8n-workflow. A plain `npm install` of the package (n8n's manual route, into
// ~/.n8n/nodes) would otherwise install the newest n8n-workflow beside it (170 packages), and the
// nodes would load that copy instead of n8n's own. n8n's installer drops peers itself.
const peerOptional = Object.keys(pkg.peerDependencies || {}).every(
	(name) =>
		pkg.peerDependenciesMeta &&
		pkg.peerDependenciesMeta[name] &&
		pkg.peerDependenciesMeta[name].optional === true,
);
const problems = [
	...(peerOptional
		? []
		: ['every peer dependency (n8n-workflow) must be optional in peerDependenciesMeta']),
	...stray.map((f) => `ships a file outside dist/: ${f}`),
	...missing.map((f) => `package.json names ${f}, but the tarball lacks it (did the build run?)`),
];
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`npm pack: ${files.length} files, all under dist/ or README/LICENSE/package.json`);
