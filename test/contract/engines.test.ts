/**
 * Every tool this repository runs works on the oldest Node that package.json's `engines` allows:
 * each locked package that names the Node versions it runs on accepts that oldest version.
 *
 * One exception, named here: isolated-vm, a native module of n8n's expression runtime that
 * @n8n/node-cli pulls in through its AI SDK. Nothing here loads it (install scripts are off, so it
 * is not even built), but npm ci prints one EBADENGINE warning for it below Node 24.
 */
const NEVER_RUN = new Set(['node_modules/isolated-vm']);
import { readFileSync } from 'fs';
import * as path from 'path';
import * as semver from 'semver';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
	packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

test('every locked package runs on the oldest Node that engines allows', () => {
	const oldest = semver.minVersion(manifest.engines.node)?.version;
	expect(oldest).toBeDefined();
	const refusing = Object.entries(lock.packages)
		.filter(([name]) => name !== '' && !NEVER_RUN.has(name))
		.flatMap(([name, entry]) => {
			const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
			return wanted && !semver.satisfies(oldest!, wanted) ? [`${name} wants ${wanted}`] : [];
		});
	expect(refusing).toEqual([]);
});
