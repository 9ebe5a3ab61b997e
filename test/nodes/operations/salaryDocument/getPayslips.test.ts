import { NodeOperationError } from 'n8n-workflow';

import { employeesOfRun } from '../../../../emulator/src/world/payroll';
import { firstCompany, lockedRun } from '../../examples/world';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { FAKE_PDF, fileOf, runParams, slug } from './helpers';

const emulator = useEmulator();
const operation = { operation: 'getPayslips' };

describe('Salary Document → Get Payslips (emulator)', () => {
	it('returns all payslips of a run in one PDF with a file name saying company, year, period and run', async () => {
		const run = lockedRun(emulator());
		const company = firstCompany(emulator());
		const items = await runNode(emulator().soapBaseUrl, {
			...runParams(emulator()),
			...operation,
			split: 'all',
			binaryPropertyName: 'payslips',
		});
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(fileOf(item, 'payslips').subarray(0, 4).toString('latin1')).toBe('%PDF');
		expect(item.binary?.payslips.mimeType).toBe('application/pdf');
		expect(item.binary?.payslips.fileName).toBe(
			`payslips_${slug(company.name)}_${run.year}_${run.period}_run-${run.number}.pdf`,
		);
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			RunId: run.id,
			Year: run.year,
			Period: run.period,
			fileName: item.binary?.payslips.fileName,
			mimeType: 'application/pdf',
			fileSize: expect.any(Number),
		});
	});

	it('returns one PDF per employee the run paid, with employee ID and number in JSON and file name', async () => {
		const run = lockedRun(emulator());
		const paid = employeesOfRun(emulator().world, run);
		const items = await runNode(emulator().soapBaseUrl, {
			...runParams(emulator()),
			...operation,
			split: 'employee',
		});
		expect(items).toHaveLength(paid.length);
		for (const [index, item] of items.entries()) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(fileOf(item).subarray(0, 4).toString('latin1')).toBe('%PDF');
			expect(item.binary?.data.mimeType).toBe('application/pdf');
			expect(item.json.EmployeeId).toBe(paid[index].id);
			expect(item.json.EmployeeNumber).toBe(paid[index].number);
			expect(item.binary?.data.fileName).toMatch(
				new RegExp(
					`^payslip_.+_${run.year}_${run.period}_run-${run.number}_${paid[index].number}\\.pdf$`,
				),
			);
		}
	});

	it('says which runs the year has when the run is not one of them', async () => {
		const error = await failure(
			runNode(emulator().soapBaseUrl, {
				...runParams(emulator()),
				...operation,
				runId: rl(999999),
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('no payroll run 999999');
		expect((error as NodeOperationError).description).toMatch(/runs of \d{4} are \d+/);
	});
});

describe('Salary Document → Get Payslips (calls)', () => {
	const answers = {
		'CompanyService.List_GetAll': [
			{ ID: 7, Number: 1, Name: 'Bakkerij Één B.V.', LoonaangifteTijdvak: 'Month' },
		],
		'CompanyService.Run_GetList': [
			{
				ID: 70,
				Number: 1,
				Year: 2026,
				PeriodStart: 10,
				PeriodEnd: 10,
				Description: 'Verloning oktober',
				RunAt: '2026-10-24T10:00:00',
				IsLocked: true,
			},
		],
		'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2': { PDF: FAKE_PDF },
		'CompanyService.Run_GetEmployeesByRunCompany': [
			{ EmployeeId: 501, EmployeeNumber: 11 },
			{ EmployeeId: 502, EmployeeNumber: 12 },
		],
		'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2': (params: {
			EmployeeID: number;
		}) => (params.EmployeeID === 501 ? [{ PDF: FAKE_PDF }, { PDF: FAKE_PDF }] : []),
	};
	const params = {
		resource: 'salaryDocument',
		...operation,
		companyId: rl(7),
		year: '2026',
		runId: rl(70),
	};

	it('asks for the run of the year and the PDF with CompanyId, RunID and intYear', async () => {
		const stub = stubNmbrs(answers);
		const items = await stub.run({ ...params, split: 'all' });
		expect(stub.calls.map((c) => c.operation).sort()).toEqual(
			[
				'CompanyService.List_GetAll',
				'CompanyService.Run_GetList',
				'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
			].sort(),
		);
		expect(stub.calls.find((c) => c.operation.endsWith('_v2'))?.params).toEqual({
			CompanyId: 7,
			RunID: 70,
			intYear: 2026,
		});
		expect(stub.calls.find((c) => c.operation.endsWith('Run_GetList'))?.params).toEqual({
			CompanyId: 7,
			Year: 2026,
		});
		expect(items[0].binary?.data.fileName).toBe('payslips_bakkerij-een-b-v_2026_10_run-1.pdf');
	});

	it('numbers the files of an employee with several payslips; an employee without one gives no item', async () => {
		const stub = stubNmbrs(answers);
		const items = await stub.run({ ...params, split: 'employee' });
		expect(items.map((i) => i.binary?.data.fileName)).toEqual([
			'payslip_bakkerij-een-b-v_2026_10_run-1_11_1.pdf',
			'payslip_bakkerij-een-b-v_2026_10_run-1_11_2.pdf',
		]);
		expect(items[1].json).toMatchObject({ EmployeeId: 501, PayslipNumber: 2, PayslipCount: 2 });
		const perEmployee = stub.calls.filter((c) => c.operation.includes('GetEmployeePayslips'));
		expect(perEmployee.map((c) => c.params)).toEqual([
			{ EmployeeID: 501, CompanyId: 7, RunID: 70, intYear: 2026 },
			{ EmployeeID: 502, CompanyId: 7, RunID: 70, intYear: 2026 },
		]);
		expect(
			stub.calls.find((c) => c.operation.endsWith('Run_GetEmployeesByRunCompany'))?.params,
		).toEqual({
			CompanyId: 7,
			RunId: 70,
			Year: 2026,
		});
	});

	it('names the files of employees without an employee number by their IDs, each name its own', async () => {
		const stub = stubNmbrs({
			...answers,
			'CompanyService.Run_GetEmployeesByRunCompany': [501, 502, 503].map((id) => ({
				EmployeeId: id,
				EmployeeNumber: null,
			})),
			'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2': [{ PDF: FAKE_PDF }],
		});
		const items = await stub.run({ ...params, split: 'employee' });
		expect(items.map((i) => i.binary?.data.fileName)).toEqual([
			'payslip_bakkerij-een-b-v_2026_10_run-1_id-501.pdf',
			'payslip_bakkerij-een-b-v_2026_10_run-1_id-502.pdf',
			'payslip_bakkerij-een-b-v_2026_10_run-1_id-503.pdf',
		]);
	});

	it('keeps a file name within 255 bytes when the company name is 300 characters long', async () => {
		const longName = `Bakkerij ${'Zoëtermeer '.repeat(27)}B.V.`;
		expect(longName.length).toBeGreaterThan(300);
		const stub = stubNmbrs({
			...answers,
			'CompanyService.List_GetAll': [{ ID: 7, Number: 1, Name: longName }],
		});
		const [item] = await stub.run({ ...params, split: 'all' });
		const name = String(item.binary?.data.fileName);
		expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
		expect(name).toMatch(/^payslips_bakkerij-zoetermeer-.*_2026_10_run-1\.pdf$/);
	});
});
