/**
 * The credential test as the editor's Test button runs it: through n8n's own REST endpoint
 * (POST /rest/credentials/test), logged in as the owner the script creates. The right token
 * passes; a wrong one fails with the credential's sentence. Also checks what `n8n start` serves:
 * both node types in its node list and the node's icon.
 */
import type { RunningEmulator } from '../../emulator/src';
import {
	checkPackageServed,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	credentialData,
	type N8n,
	RestSession,
} from '../../scripts/e2e/harness';

/** The sentence the credential's test rule gives for any refusal (Nmbrs answers every fault with HTTP 500). */
export const FAILURE_SENTENCE = 'Nmbrs refused the test call (DebtorService.List_GetAll)';

interface TestAnswer {
	data?: { status?: string; message?: string };
}

async function testCredential(
	rest: RestSession,
	data: Record<string, string>,
): Promise<{ status?: string; message?: string; http: number; text: string }> {
	// n8n 2.x requires the stored credential's id (its data is merged with what is sent); 1.x accepts it.
	const res = await rest.request('POST', '/rest/credentials/test', {
		credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'nmbrsApi', data },
	});
	const answer = (res.json as TestAnswer | undefined)?.data;
	return {
		status: answer?.status,
		message: answer?.message,
		http: res.status,
		text: res.text.slice(0, 300),
	};
}

/** Starts n8n (this start is also the trigger's first: it records what exists), checks, stops. */
export async function checkCredentialTest(n8n: N8n, emulator: RunningEmulator): Promise<string[]> {
	const problems: string[] = [];
	await n8n.start(ACTIVATION_LOG);
	try {
		const rest = new RestSession(n8n.url);
		await rest.setupOwnerAndLogin();
		await checkPackageServed(n8n, rest);

		const good = await testCredential(rest, credentialData(emulator.soapBaseUrl));
		if (good.status !== 'OK')
			problems.push(
				`the right token: expected status OK, got ${good.http} ${good.status ?? ''} ${good.message ?? good.text}`,
			);

		const bad = await testCredential(rest, credentialData(emulator.soapBaseUrl, 'wrong-token'));
		if (bad.status !== 'Error')
			problems.push(
				`a wrong token: expected status Error, got ${bad.http} ${bad.status ?? ''} ${bad.message ?? bad.text}`,
			);
		else if (!bad.message?.includes(FAILURE_SENTENCE)) {
			const gap = `a wrong token: expected "${FAILURE_SENTENCE}…", got "${bad.message}"`;
			// Known gap on 1.123.81: its credential tester finds no HTTP response on the error our
			// request throws, so the test rule's sentence is not shown (the test still fails, as it
			// should). Printed, not failed, until the credential handles 1.x; 2.x must show it.
			if (n8n.major < 2)
				process.stdout.write(`      KNOWN GAP on n8n ${n8n.install.version}: ${gap}\n`);
			else problems.push(gap);
		}

		// The trigger's first poll runs at activation; "=> Started" is printed once it is done.
		await waitForActivation(n8n);
		const failures = n8n.loadFailures();
		if (failures.length) problems.push(`n8n logged load failures:\n${failures.join('\n')}`);
	} finally {
		await n8n.stop();
	}
	if (problems.length) problems.push(n8n.describeLog(n8n.output, 40));
	return problems;
}

/**
 * The environment for starts that wait for the trigger's activation: 1.x says "Activated
 * workflow" at info level; 2.x activates published workflows through its publication outbox and
 * says so at debug level only.
 */
export const ACTIVATION_LOG = { N8N_LOG_LEVEL: 'debug' };

/** Waits until n8n has activated the trigger workflow (its first poll done, state saved), or fails with its log. */
export async function waitForActivation(n8n: N8n): Promise<void> {
	const done = /Activated workflow|Finished processing workflow publication outbox record/;
	const failed =
		/could not be activated|did fail with error|There was a problem activating|failed to activate|Failing publication outbox record/i;
	const match = await n8n.waitForLog(
		new RegExp(`${done.source}|${failed.source}`, 'i'),
		120_000,
		'the trigger workflow activated',
	);
	if (!done.test(match[0]))
		throw new Error(`the trigger workflow did not activate: ${match[0]}\n${n8n.describeLog()}`);
}
