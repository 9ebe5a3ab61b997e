/** One row of the benchmark table, and the table as printed. */
export interface BenchRow {
	case: string;
	/** Our figure, e.g. '212 ms'. */
	figure: string;
	/** What it is compared with: the bound or the peers, with their figures. */
	against: string;
	/** Our figure against that, e.g. '4.1x faster' or '1.08x the bound'. */
	ratio: string;
	goal: string;
	met: boolean | undefined;
}

export function ms(value: number): string {
	return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}

export function printTable(rows: BenchRow[]): void {
	const header: Array<keyof BenchRow> = ['case', 'figure', 'against', 'ratio', 'goal', 'met'];
	const cells = rows.map((row) =>
		header.map((key) =>
			key === 'met' ? (row.met === undefined ? 'n/a' : row.met ? 'yes' : 'NO') : String(row[key]),
		),
	);
	const widths = header.map((key, i) => Math.max(key.length, ...cells.map((c) => c[i].length)));
	const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
	console.log(line(header));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const row of cells) console.log(line(row));
}
