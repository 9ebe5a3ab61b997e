// The package as npm packs it (run `npm run build` first). Fails when:
// - it ships anything but dist/ (nodes, credentials, icons), README, LICENSE and package.json, or
//   any emulator file;
// - package.json has runtime dependencies, or a file its `n8n` section names is missing;
// - unpacked into an empty folder with nothing but n8n-workflow beside it (as n8n installs it),
//   the nodes and the credential do not load, or the bundled XML and date libraries do not work.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-nmbrs-pack-'));
try {
	const [report] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const files = report.files.map((f) => f.path);
	const shipped = (f) =>
		/^dist\/(nodes|credentials|icons)\//.test(f) ||
		['README.md', 'LICENSE', 'package.json'].includes(f);
	const required = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
	// n8n provides n8n-workflow. A plain `npm install` of the package (n8n's manual route, into
	// ~/.n8n/nodes) would otherwise install the newest n8n-workflow beside it, and the nodes
	// would load that copy instead of n8n's own. n8n's installer drops peers itself.
	const peerOptional = Object.keys(pkg.peerDependencies || {}).every(
		(name) => pkg.peerDependenciesMeta?.[name]?.optional === true,
	);
	const problems = [
		...(peerOptional
			? []
			: ['every peer dependency (n8n-workflow) must be optional in peerDependenciesMeta']),
		...(Object.keys(pkg.dependencies || {}).length > 0
			? [`package.json has runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`]
			: []),
		...(pkg.bin ? ['package.json has a bin (the emulator is a package of its own)'] : []),
		...files.filter((f) => !shipped(f)).map((f) => `ships a file it should not: ${f}`),
		...required
			.filter((f) => !files.includes(f))
			.map((f) => `package.json names ${f}, but the tarball lacks it (did the build run?)`),
	];
	if (problems.length) throw new Error(problems.join('\n'));

	// As n8n installs it: the package alone, n8n-workflow from n8n.
	const installed = path.join(work, 'installed');
	fs.mkdirSync(path.join(installed, 'node_modules', pkg.name), { recursive: true });
	execFileSync('tar', [
		'-xzf',
		path.join(work, report.filename),
		'-C',
		path.join(installed, 'node_modules', pkg.name),
		'--strip-components=1',
	]);
	fs.symlinkSync(
		path.join(root, 'node_modules', 'n8n-workflow'),
		path.join(installed, 'node_modules', 'n8n-workflow'),
	);
	const probe = `
		const base = ${JSON.stringify(path.join(installed, 'node_modules', pkg.name))} + '/';
		const { Nmbrs } = require(base + 'dist/nodes/Nmbrs/Nmbrs.node.js');
		const { NmbrsTrigger } = require(base + 'dist/nodes/Nmbrs/NmbrsTrigger.node.js');
		const { NmbrsWebhookTrigger } = require(base + 'dist/nodes/Nmbrs/NmbrsWebhookTrigger.node.js');
		const { NmbrsApi } = require(base + 'dist/credentials/NmbrsApi.credentials.js');
		const names = [new Nmbrs(), new NmbrsTrigger(), new NmbrsWebhookTrigger()].map((n) => n.description.name).concat(new NmbrsApi().name);
		const { xmlDocumentToJson } = require(base + 'dist/nodes/Nmbrs/wire/readXml.js');
		const parsed = JSON.stringify(xmlDocumentToJson('<a><b>1</b></a>'));
		const { DateTime } = require(base + 'dist/nodes/Nmbrs/vendor/luxon.js');
		const { SaxesParser } = require(base + 'dist/nodes/Nmbrs/vendor/xml.js');
		let tags = 0;
		const parser = new SaxesParser();
		parser.on('opentag', () => tags++);
		parser.write('<a><b/></a>').close();
		console.log(JSON.stringify({ names, parsed, tags, year: DateTime.fromISO('2026-01-02').year }));
	`;
	const seen = JSON.parse(
		execFileSync(process.execPath, ['-e', probe], {
			cwd: installed,
			encoding: 'utf8',
			// Nothing but the folder itself to resolve from: no NODE_PATH, no repository node_modules.
			env: { PATH: process.env.PATH },
		}),
	);
	const expected = {
		names: ['nmbrs', 'nmbrsTrigger', 'nmbrsWebhookTrigger', 'nmbrsApi'],
		tags: 2,
		year: 2026,
	};
	if (
		JSON.stringify(seen.names) !== JSON.stringify(expected.names) ||
		seen.tags !== expected.tags ||
		seen.year !== expected.year ||
		!seen.parsed.includes('"b"')
	) {
		throw new Error(`the unpacked package did not work alone: ${JSON.stringify(seen)}`);
	}
	console.log(
		`npm pack: ${files.length} files (dist/nodes, dist/credentials, dist/icons, README, LICENSE, package.json), no runtime dependencies; unpacked alone beside n8n-workflow it loads ${seen.names.join(', ')} and reads XML with its bundled libraries`,
	);
} catch (error) {
	console.error(error.message);
	process.exitCode = 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
