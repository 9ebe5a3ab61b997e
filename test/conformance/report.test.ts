/** The conformance summary names what fell out of served.json, and writes it as prettier does. */
import { baselineJson, reasonsOf, summarise } from './report';
import type { ConformanceRun, OperationOutcome } from './runner';

const outcome = (key: string, status: OperationOutcome['status'], more = {}): OperationOutcome => {
	const [service, operation] = key.split('.') as [OperationOutcome['service'], string];
	return {
		key,
		service,
		operation,
		status,
		problems: [],
		write: false,
		placeholders: [],
		minimal: [],
		...more,
	};
};

const run: ConformanceRun = {
	outcomes: [
		outcome('CompanyService.List_GetAll', 'valid'),
		outcome('CompanyService.Run_GetList', 'not-served'),
		outcome('CompanyService.WageTax_GetList', 'invalid', {
			problems: [{ path: 'x', reason: 'undeclared WageTax.Foo' }],
		}),
		outcome('EmployeeService.Salary_Get', 'fault', {
			message: 'Server was unable to process request. ---> 2046: Not found: employee 600003',
		}),
		outcome('DebtorService.List_GetAll', 'valid'),
	],
	fixture: {} as ConformanceRun['fixture'],
	additionsSeen: [],
};

it('fails each baseline operation no longer served or validating, saying why', () => {
	const summary = summarise(run, [
		'CompanyService.List_GetAll',
		'CompanyService.Run_GetList',
		'CompanyService.WageTax_GetList',
		'EmployeeService.Salary_Get',
	]);
	expect(summary.lost).toEqual([
		'CompanyService.Run_GetList: no longer served',
		'CompanyService.WageTax_GetList: invalid: undeclared WageTax.Foo',
		'EmployeeService.Salary_Get: fault 2046: Not found: employee N',
	]);
	expect(summary.gained).toEqual(['DebtorService.List_GetAll']);
	expect(summary.conforming).toEqual(['CompanyService.List_GetAll', 'DebtorService.List_GetAll']);
	expect(summary.text).toMatch(/^served 4 \/ 5, validating 2 \/ 4/m);
});

it('groups reasons with numbers folded, keeping the fault code', () => {
	expect(reasonsOf(run.outcomes[3])).toEqual(['fault 2046: Not found: employee N']);
});

it('writes served.json as prettier formats a JSON array', () => {
	expect(baselineJson([])).toBe('[]\n');
	expect(baselineJson(['A.b'])).toBe('["A.b"]\n');
	const long = Array.from({ length: 5 }, (_, i) => `CompanyService.Operation_Number${i}`);
	expect(baselineJson(long)).toBe(`[\n${long.map((k) => `\t"${k}"`).join(',\n')}\n]\n`);
});
