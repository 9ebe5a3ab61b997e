/**
 * Runs one n8n command against an n8n user folder with the environment the harness uses (Node 24,
 * fixed encryption key, outbound features off), e.g. to look into a folder a failed e2e run kept:
 *
 *   npx ts-node --transpile-only scripts/e2e/n8n-cli.ts 2.41.1 /tmp/n8n-nodes-nmbrs-e2e-2.41.1-XXXX \
 *     execute --id=e2eCompanyMany --rawOutput
 */
import { installN8n, N8n } from './harness';

async function main(): Promise<void> {
	const [version, folder, ...args] = process.argv.slice(2);
	if (!version || !folder || args.length === 0) {
		process.stderr.write('usage: n8n-cli.ts <n8n version> <user folder> <n8n command and flags>\n');
		process.exit(2);
	}
	const n8n = await N8n.create(installN8n(version), folder);
	const result = await n8n.cli(args, { allowFailure: true });
	process.stdout.write(result.stdout);
	process.stderr.write(result.stderr);
	process.exitCode = result.code ?? 1;
}

void main();
