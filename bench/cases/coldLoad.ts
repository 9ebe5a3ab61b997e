/**
 * Case 4: what loading the package costs n8n. A fresh process requires the built nodes and the
 * credential and builds their descriptions, as n8n's loader does; the figure is that time beyond
 * requiring n8n-workflow itself. It also records whether any WSDL or the generated catalogue
 * (only Custom Call needs them) was read.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

import { ms, type BenchRow } from '../table';

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = 7;

const CHILD = `
const fs = require('fs');
const read = [];
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) { read.push(String(file)); return readFileSync.call(this, file, ...rest); };
const t0 = process.hrtime.bigint();
require('n8n-workflow');
const t1 = process.hrtime.bigint();
const { Nmbrs } = require('./dist/nodes/Nmbrs/Nmbrs.node.js');
const { NmbrsTrigger } = require('./dist/nodes/Nmbrs/NmbrsTrigger.node.js');
const { NmbrsApi } = require('./dist/credentials/NmbrsApi.credentials.js');
const described = [new Nmbrs().description, new NmbrsTrigger().description, new NmbrsApi().properties];
const t2 = process.hrtime.bigint();
const generated = Object.keys(require.cache).filter((f) => f.includes('catalogue/generated/'));
const wsdl = read.filter((f) => /wsdl/i.test(f));
process.stdout.write(JSON.stringify({ base: Number(t1 - t0) / 1e6, ours: Number(t2 - t1) / 1e6, described: described.length, generated: generated.length, wsdl: wsdl.length }));
`;

interface Load {
	base: number;
	ours: number;
	generated: number;
	wsdl: number;
}

export function coldLoadCase(): BenchRow[] {
	const loads: Load[] = [];
	for (let i = 0; i < RUNS; i++) {
		loads.push(JSON.parse(execFileSync(process.execPath, ['-e', CHILD], { cwd: ROOT }).toString()));
	}
	const median = (values: number[]) =>
		[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const ours = median(loads.map((l) => l.ours));
	const base = median(loads.map((l) => l.base));
	const readAny = loads.some((l) => l.generated > 0 || l.wsdl > 0);
	return [
		{
			case: '4. Cold load (nodes + credential, descriptions)',
			figure: `${ms(ours)} beyond n8n-workflow`,
			against: `n8n-workflow itself ${ms(base)}; WSDL or generated catalogue read: ${readAny ? 'yes' : 'no'}`,
			ratio: `${(ours / 50).toFixed(2)}x the 50 ms budget`,
			goal: '< 50 ms beyond n8n-workflow; no WSDL read',
			met: ours < 50 && !readAny,
		},
	];
}
