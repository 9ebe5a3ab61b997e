import { installN8n, N8n } from './harness';
(async () => {
	const [version, folder, ...args] = process.argv.slice(2);
	const n8n = await N8n.create(installN8n(version), folder);
	const r = await n8n.cli(args, { allowFailure: true });
	process.stdout.write(r.stdout + '\n---stderr---\n' + r.stderr);
})();
