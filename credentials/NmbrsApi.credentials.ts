import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	credentialsFromData,
	effectiveSubdomain,
	hasAuthPlaceholder,
	placeholderEnvelope,
	resolveRequestUrl,
	sessionFingerprint,
} from '../nodes/Nmbrs/glue/credentials';
import { fillAuthHeader } from '../nodes/Nmbrs/transport/auth';
import { discoverSubdomain } from '../nodes/Nmbrs/transport/subdomainLookup';

/*
 * How this credential reaches a request (decision, for the README):
 *
 * - Every SOAP envelope the package builds carries an EMPTY auth header element
 *   (<AuthHeaderWithDomain xmlns="..."/>, or <AuthHeader xmlns="..."/> for Environment_Get).
 *   `authenticate` fills it, XML-escaped, with the e-mail, the token and the subdomain. Nodes
 *   never see the token; n8n calls `authenticate` for every httpRequestWithAuthentication call
 *   and for the credential test.
 * - The URL: nodes send the service file relative (`CompanyService.asmx`); `authenticate`
 *   prefixes the base URL of the chosen environment (live, sandbox or the custom base URL).
 *   An absolute URL is left as it is, and the header is filled only when it points at that
 *   same environment, so the token never travels to another host.
 * - The subdomain: a subdomain typed in the field always wins, and nothing is cached for it.
 *   When the field is empty it is discovered once with DebtorService.Environment_Get in
 *   `preAuthentication` and cached by n8n in the hidden, expirable `sessionSubdomain` field,
 *   together with `sessionFor`: the base URL and e-mail it was discovered for. A cached
 *   subdomain whose `sessionFor` no longer matches (e-mail or environment changed) is not sent;
 *   n8n re-runs preAuthentication only while `sessionSubdomain` is empty, so the node's 1001
 *   error then says to type the subdomain or create the credential anew.
 */

// n8n 2.x's notice keeps only <a>, <ul> and <li> (its sanitizer drops <br> and <b>, which ran the
// steps together); 1.x keeps those too. So the steps are list items, each on its own line.
const setupNotice = [
	'Before you start (in Nmbrs, logged in as an administrator; accountants use a master-level login):',
	'<ul>',
	'<li>1. Open your user profile (top right) and the API Token tab, then activate the API account to get a token. Copy it straight away: Nmbrs shows it only once.</li>',
	'<li>2. Under Settings &gt; Template users, click the cog in the API column for your user template and switch on the Debtor, Company and Employee calls your workflows use. A call that is off fails with error 1002.</li>',
	'<li>3. A sandbox token only works from the day after it was created.</li>',
	'</ul>',
].join('');

export class NmbrsApi implements ICredentialType {
	name = 'nmbrsApi';

	displayName = 'Nmbrs API';

	icon: Icon = { light: 'file:../icons/nmbrs.svg', dark: 'file:../icons/nmbrs.dark.svg' };

	// A full URL: a community credential's docs live outside docs.n8n.io.
	documentationUrl = 'https://github.com/n8n-nodes-nmbrs/n8n-nodes-nmbrs#setting-up-the-credential';

	properties: INodeProperties[] = [
		{
			displayName: setupNotice,
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. payroll@example.nl',
			default: '',
			required: true,
			description:
				'The e-mail address the API user logs in to Nmbrs with (the user whose profile holds the API token)',
		},
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token from User profile &gt; API Token in Nmbrs. Generating a new token there makes the old one stop working.',
		},
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			placeholder: 'e.g. mycompany',
			default: '',
			description:
				'The part of your Nmbrs address before .nmbrs.nl: for https://mycompany.nmbrs.nl it is mycompany. A full address pasted here is trimmed to that part. Leave empty to have it looked up once with the token.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Live',
					value: 'live',
					description: 'Your production Nmbrs environment',
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'The Nmbrs sandbox (its token works from the day after it is made)',
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'Another address, e.g. the local Nmbrs emulator or a proxy',
				},
			],
			default: 'live',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			placeholder: 'e.g. http://127.0.0.1:7780/soap/v3/',
			default: '',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description:
				'The address the SOAP services live under; the package appends DebtorService.asmx, CompanyService.asmx and so on',
		},
		{
			displayName: 'Largest Answer (MB)',
			name: 'maxAnswerMb',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2048 },
			default: 256,
			description:
				"The most of one answer the node reads (unpacked), so that a runaway answer cannot exhaust n8n's memory. The default fits a PDF of all payslips of a company of some 2,000 employees; raise it for larger ones.",
		},
		{
			displayName: 'Calls per Second (This n8n Process)',
			name: 'callsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 150 },
			default: 150,
			description:
				'Nmbrs allows 150 calls per second per API user. Each n8n process keeps to this budget for the user; in queue mode every worker counts its own, so set 150 divided by the number of workers that run Nmbrs workflows (e.g. 75 with two).',
		},
		{
			displayName: 'Session Subdomain',
			name: 'sessionSubdomain',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Session Subdomain For',
			name: 'sessionFor',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const creds = credentialsFromData(credentials);
		// A typed subdomain is used as it is: nothing to look up or cache.
		if (creds.subdomain) return {};
		const sessionSubdomain = await discoverSubdomain(
			async (options: IHttpRequestOptions) => await this.helpers.httpRequest(options),
			creds,
		);
		return { sessionSubdomain, sessionFor: sessionFingerprint(creds) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const creds = credentialsFromData(credentials);
		const resolved = resolveRequestUrl(creds, requestOptions.url);
		const options: IHttpRequestOptions = { ...requestOptions, url: resolved.url };
		delete options.baseURL;
		if (resolved.sameEnvironment && hasAuthPlaceholder(options.body)) {
			options.body = fillAuthHeader(options.body, {
				email: creds.email,
				token: creds.token,
				domain: effectiveSubdomain(credentials),
			});
		}
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: 'DebtorService.asmx',
			headers: placeholderEnvelope.headers,
			body: placeholderEnvelope.body,
			json: false,
			timeout: 30000,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 500,
					message:
						"Nmbrs refused the test call (DebtorService.List_GetAll): check the e-mail, the API token and the subdomain, and that the API user template allows DebtorService List_GetAll (the Nmbrs node's Debtor → Check API Access lists every call the template switches off)",
				},
			},
		],
	};
}
