/**
 * The layers docs/architecture.md documents hold: every import inside the n8n package (nodes/ and
 * credentials/) points to its own layer or one listed below it, never up. The table's order is
 * the layer order; rows with the same layer name are one layer.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const table = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');

/** Folder (or file) prefix -> layer rank, from the table rows in order. */
const rows = [...table.matchAll(/^\| ((?:`[^`]+`(?:, )?)+) \| ([^|]*) \|/gm)]
	.map(([, cells, layer]) => ({
		paths: [...cells.matchAll(/`([^`]+)`/g)].map(([, p]) => p),
		layer: layer.trim(),
	}))
	.filter((row) => row.layer !== '' && row.paths.some((p) => /^(?:nodes|credentials)\//.test(p)));
const layerNames = [...new Set(rows.map((row) => row.layer))];
const prefixes = rows.flatMap((row) =>
	row.paths.map((p) => ({
		prefix: p.includes('/') ? p : `nodes/Nmbrs/${p}`,
		rank: layerNames.indexOf(row.layer),
	})),
);

/** The layer of a file: the longest documented prefix it falls under. */
function layerOf(file: string): { prefix: string; rank: number } | undefined {
	return prefixes
		.filter(
			({ prefix }) =>
				file === prefix || file.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
		)
		.sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

function sources(dir: string): string[] {
	return readdirSync(path.join(root, dir)).flatMap((entry) => {
		const rel = `${dir}/${entry}`;
		if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
		return rel.endsWith('.ts') ? [rel] : [];
	});
}

function resolveImport(from: string, spec: string): string {
	const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
	for (const candidate of [`${target}.ts`, `${target}/index.ts`, target]) {
		try {
			if (statSync(path.join(root, candidate)).isFile()) return candidate;
		} catch {
			// not this one
		}
	}
	return target;
}

const files = [...sources('nodes/Nmbrs'), ...sources('credentials')];

it('documents a layer for every file of the package', () => {
	expect(layerNames.length).toBeGreaterThan(5);
	expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
});

it('has no import that points up a layer', () => {
	const upward: string[] = [];
	for (const file of files) {
		const from = layerOf(file);
		const text = readFileSync(path.join(root, file), 'utf8');
		for (const [, spec] of text.matchAll(/(?:from|import\(|require\()\s*'(\.[^']*)'/g)) {
			const target = resolveImport(file, spec);
			const to = layerOf(target);
			if (from && to && to.rank < from.rank) {
				upward.push(`${file} (${layerNames[from.rank]}) -> ${target} (${layerNames[to.rank]})`);
			}
		}
	}
	expect(upward).toEqual([]);
});
