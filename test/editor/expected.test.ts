/**
 * The editor check's expectations, read from a node description (the check reads the built one).
 */
import { Nmbrs } from '../../nodes/Nmbrs/Nmbrs.node';
import { NmbrsTrigger } from '../../nodes/Nmbrs/NmbrsTrigger.node';
import { operations, resources, visibleParameters } from './expected';

const node = new Nmbrs().description;

describe('editor check expectations', () => {
	it('lists each resource with its operations', () => {
		const names = resources(node).map((r) => r.name);
		expect(names).toEqual(expect.arrayContaining(['Company', 'Debtor', 'Employee']));
		for (const resource of resources(node))
			expect(operations(node, resource.value).length).toBeGreaterThan(0);
		expect(operations(node, 'company').map((o) => o.value)).toEqual(
			expect.arrayContaining(['getMany', 'getWageTaxDeclarations']),
		);
	});

	it('shows the parameters of the chosen operation, following displayOptions', () => {
		const shown = (values: Record<string, unknown>) =>
			visibleParameters(node, values).map((p) => p.name);
		expect(shown({ resource: 'employee', operation: 'getMany' })).toEqual([
			'resource',
			'operation',
			'companyId',
			'employeeType',
			'returnAll',
			'limit',
			'periodChoice',
			'options',
		]);
		expect(shown({ resource: 'company', operation: 'getMany' })).toEqual([
			'resource',
			'operation',
			'scope',
			'returnAll',
			'limit',
		]);
		expect(
			shown({ resource: 'company', operation: 'getMany', scope: 'debtor', returnAll: true }),
		).toEqual(['resource', 'operation', 'scope', 'debtorId', 'returnAll']);
		expect(shown({ resource: 'company', operation: 'getWageTaxDeclarations' })).toEqual([
			'resource',
			'operation',
			'companyId',
			'year',
			'options',
		]);
	});

	it('shows the trigger its event, statuses, scope and first-run settings', () => {
		expect(visibleParameters(new NmbrsTrigger().description, {}).map((p) => p.name)).toEqual([
			'event',
			'statuses',
			'declarationOptions',
			'scope',
			'emitExistingSince',
			'previousYearUntil',
		]);
	});
});
