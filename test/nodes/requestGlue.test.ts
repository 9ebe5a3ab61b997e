/**
 * The request glue keeps the credential for one execution of the action node, but never on a
 * trigger's poll context, which n8n keeps for as long as the workflow is active.
 */
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { cachedRequest, nmbrsRequest } from '../../nodes/Nmbrs/glue/request';
import { buildResponse } from '../../nodes/Nmbrs/wire';
import { credentialsFor, executeContext, pollContext, type Intercept } from './harness';

const answer: Intercept = () => ({
	statusCode: 200,
	headers: { 'content-type': 'text/xml; charset=utf-8' },
	body: buildResponse(getOperation('DebtorService.List_GetAll'), [], catalogue),
});
const options = () => ({
	params: {},
	credentials: credentialsFor('http://nmbrs.stub.invalid/soap/v3/'),
	intercept: answer,
});

describe('request glue', () => {
	it('reads the credential once per execution of the action node', async () => {
		const context = executeContext(options());
		const read = jest.spyOn(context, 'getCredentials');
		await nmbrsRequest(context, 'DebtorService.List_GetAll', {});
		await nmbrsRequest(context, 'DebtorService.List_GetAll', {});
		expect(read).toHaveBeenCalledTimes(1);
	});

	it('reads it at every call of a trigger, whose context outlives one poll', async () => {
		const context = pollContext({ ...options(), mode: 'trigger', staticData: {} });
		const read = jest.spyOn(context, 'getCredentials');
		await nmbrsRequest(context, 'DebtorService.List_GetAll', {});
		await cachedRequest(context, 'DebtorService.List_GetAll', {});
		await cachedRequest(context, 'DebtorService.List_GetAll', {});
		expect(read).toHaveBeenCalledTimes(3);
	});
});
