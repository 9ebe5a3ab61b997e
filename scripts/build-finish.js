// The build's last step, after `n8n-node build` (tsc, then every png and svg of the repository
// copied into dist/):
// - dist/ keeps only nodes/, credentials/ and icons/ (the copy also brings docs/images);
// - each nodes/Nmbrs/vendor/*.ts is bundled with the libraries it re-exports (saxes,
//   fast-xml-parser, luxon: devDependencies) into dist/nodes/Nmbrs/vendor/*.js, over tsc's
//   re-export stubs, so that the package n8n installs has no runtime dependencies. The licence of
//   every bundled package goes beside the bundles in THIRD-PARTY-LICENSES.md.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const sourceDir = path.join(root, 'nodes', 'Nmbrs', 'vendor');
const outDir = path.join(root, 'dist', 'nodes', 'Nmbrs', 'vendor');

const dist = path.join(root, 'dist');
const pruned = fs
	.readdirSync(dist)
	.filter((entry) => !['nodes', 'credentials', 'icons'].includes(entry));
for (const entry of pruned) fs.rmSync(path.join(dist, entry), { recursive: true, force: true });

const entryPoints = fs
	.readdirSync(sourceDir)
	.filter((file) => file.endsWith('.ts'))
	.map((file) => path.join(sourceDir, file));
const result = esbuild.buildSync({
	entryPoints,
	outdir: outDir,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
});
// tsc's source maps and declarations describe the stubs, not the bundles.
for (const file of fs.readdirSync(outDir)) {
	if (file.endsWith('.js.map')) fs.rmSync(path.join(outDir, file));
}

/** The package folder (node_modules/<name> or node_modules/@scope/<name>) of a bundled input. */
function packageDirOf(input) {
	const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
	return match ? path.join(root, match[1]) : undefined;
}

const packageDirs = [
	...new Set(Object.keys(result.metafile.inputs).map(packageDirOf).filter(Boolean)),
].sort();
const sections = packageDirs.map((dir) => {
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const licenceFile = fs.readdirSync(dir).find((file) => /^(licen[cs]e|copying)/i.test(file));
	const author =
		typeof manifest.author === 'string'
			? manifest.author
			: (manifest.author?.name ?? 'its authors');
	const text = licenceFile
		? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim()
		: `The package ships no licence file; its package.json gives the licence ${manifest.license}, by ${author}.`;
	return `## ${manifest.name} ${manifest.version} (${manifest.license})\n\n${text}\n`;
});
fs.writeFileSync(
	path.join(outDir, 'THIRD-PARTY-LICENSES.md'),
	`# Bundled third-party packages\n\nThe modules in this folder bundle these packages.\n\n${sections.join('\n')}`,
);
const sizes = Object.entries(result.metafile.outputs)
	.map(([file, output]) => `${path.basename(file)} ${Math.round(output.bytes / 1024)} KB`)
	.join(', ');
console.log(
	`dist/: ${pruned.length ? `left out ${pruned.join(', ')}; ` : ''}vendor bundles ${sizes}; ${packageDirs.length} packages' licences`,
);
