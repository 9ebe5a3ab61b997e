/**
 * Update Personal Info when more than one writer is at work, and when the answer to a write is
 * lost: no change is lost, and every failure says truthfully whether the change was made.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { plainHttp, type FullResponse } from '../../harness';
import { failure, rl, runNode, useEmulator, type RunOptions } from '../../runNode';
import { employeeInService, locators } from './world';

const emulator = useEmulator();

const update = (employeeIndex: number, fields: IDataObject, options: RunOptions = {}) =>
	runNode(
		emulator().soapBaseUrl,
		{
			resource: 'employee',
			operation: 'updatePersonalInfo',
			...locators(employeeInService(emulator(), employeeIndex)),
			fields,
			options: {},
		},
		options,
	);

async function readBack(employeeIndex: number): Promise<IDataObject> {
	const employee = employeeInService(emulator(), employeeIndex);
	const [item] = await runNode(emulator().soapBaseUrl, {
		resource: 'employee',
		operation: 'get',
		companyId: rl(employee.companyId),
		employeeId: rl(employee.id),
		periodChoice: 'current',
		options: {},
	});
	return item.json;
}

const isUpdate = (options: IHttpRequestOptions) =>
	String(options.headers?.SOAPAction ?? '').endsWith('/PersonalInfo_UpdateCurrent');
const forward = plainHttp();

/** Describes what a node error tells the user. */
const told = (error: Error) => `${error.message} ${(error as NodeApiError).description ?? ''}`;

describe('Update Personal Info: two executions at the same moment', () => {
	it('keeps both changes when two executions update different fields of one employee, every try', async () => {
		for (let attempt = 0; attempt < 20; attempt++) {
			const nickname = `Nick ${attempt}`;
			const email = `try${attempt}@acme.example`;
			await Promise.all([update(10, { nickname }), update(10, { emailWork: email })]);
			const after = await readBack(10);
			expect({ attempt, Nickname: after.Nickname, EmailWork: after.EmailWork }).toEqual({
				attempt,
				Nickname: nickname,
				EmailWork: email,
			});
		}
	});
});

describe('Update Personal Info: a writer the lock cannot see (another process)', () => {
	/**
	 * After our write reaches Nmbrs, another process writes back the record as it read it before
	 * (`times` times). Every call the node makes is noted in `calls`.
	 */
	const staleWriter = (times: number, calls: string[]) => {
		let left = times;
		return async (options: IHttpRequestOptions): Promise<FullResponse> => {
			const action = String(options.headers?.SOAPAction ?? '');
			calls.push(action.slice(action.lastIndexOf('/') + 1));
			const answer = (await forward(options)) as FullResponse;
			if (isUpdate(options) && left > 0) {
				left--;
				const stale = String(options.body).replace('late@acme.example', 'early@acme.example');
				await forward({ ...options, body: stale });
			}
			return answer;
		};
	};

	it('reads back, finds its change undone and makes it again', async () => {
		await update(11, { emailWork: 'early@acme.example' });
		const calls: string[] = [];
		const [item] = await update(
			11,
			{ emailWork: 'late@acme.example' },
			{ intercept: staleWriter(1, calls) },
		);
		expect(item.json.EmailWork).toBe('late@acme.example');
		expect((await readBack(11)).EmailWork).toBe('late@acme.example');
		expect(calls).toEqual([
			'PersonalInfo_GetCurrent',
			'PersonalInfo_UpdateCurrent',
			'PersonalInfo_GetCurrent',
			'PersonalInfo_GetCurrent',
			'PersonalInfo_UpdateCurrent',
			'PersonalInfo_GetCurrent',
		]);
	});

	it('gives up after three writes, naming the field that did not hold', async () => {
		await update(12, { emailWork: 'early@acme.example' });
		const calls: string[] = [];
		const error = await failure(
			update(12, { emailWork: 'late@acme.example' }, { intercept: staleWriter(99, calls) }),
		);
		expect(error.message).toBe(
			`The change of EmailWork did not hold in the personal info of employee ${employeeInService(emulator(), 12).id}`,
		);
		expect(told(error)).toMatch(/3 times.*someone or something else is changing this record/);
		expect(calls.filter((c) => c === 'PersonalInfo_UpdateCurrent')).toHaveLength(3);
	});
});

describe('Update Personal Info: the answer to the write is lost', () => {
	const after = (answer: FullResponse) => async (options: IHttpRequestOptions) => {
		if (!isUpdate(options)) return undefined;
		await forward(options);
		return answer;
	};
	const instead = (answer: FullResponse) => async (options: IHttpRequestOptions) =>
		isUpdate(options) ? answer : undefined;
	const plain500 = { statusCode: 500, headers: {}, body: 'Internal Server Error' };
	const cut = {
		statusCode: 200,
		headers: { 'content-type': 'text/xml' },
		body: '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Bo',
	};

	it.each([
		['a plain HTTP 500', plain500],
		['a cut-off answer', cut],
		[
			'a gateway page',
			{ statusCode: 502, headers: {}, body: '<html><body>Bad Gateway</body></html>' },
		],
	])(
		'%s after the update reached Nmbrs: reading back shows the change, so the item succeeds',
		async (_name, answer) => {
			const [item] = await update(13, { nickname: `Made ${_name}` }, { intercept: after(answer) });
			expect(item.json.Nickname).toBe(`Made ${_name}`);
			expect((await readBack(13)).Nickname).toBe(`Made ${_name}`);
		},
	);

	it.each([
		['a plain HTTP 500', plain500],
		['an HTTP 503', { statusCode: 503, headers: {}, body: 'Service Unavailable' }],
		['a cut-off answer', cut],
	])(
		'%s before the update reached Nmbrs: says it was not made, never that Nmbrs refused it',
		async (_name, answer) => {
			const before = (await readBack(14)).Nickname;
			const error = await failure(
				update(14, { nickname: 'Never written' }, { intercept: instead(answer) }),
			);
			expect(told(error)).toContain(
				'shows Nickname unchanged, so the update was not made. Running it again is safe',
			);
			expect(told(error)).not.toMatch(/refused|try again in a few minutes/i);
			expect((await readBack(14)).Nickname).toBe(before);
		},
	);

	it('no answer and no read back: says the change may or may not have been made', async () => {
		let updated = false;
		const error = await failure(
			update(
				15,
				{ nickname: 'Unknown' },
				{
					intercept: async (options) => {
						if (isUpdate(options)) updated = true;
						if (updated) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
						return undefined;
					},
				},
			),
		);
		expect(told(error)).toContain(
			'may or may not have been made, and reading it back failed too: check it in Nmbrs',
		);
	});
});
