import { NodeOperationError } from 'n8n-workflow';

import { firstCompany, paidEmployee } from '../../examples/world';
import type { SentRequest } from '../../harness';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { FAKE_PDF, fileOf, slug } from './helpers';

const emulator = useEmulator();

const paramsFor = (companyId: number, employeeId: number, year: unknown) => ({
	resource: 'salaryDocument',
	operation: 'getAnnualStatement',
	companyId: rl(companyId),
	employeeId: rl(employeeId),
	year,
});

describe('Salary Document → Get Annual Statement (emulator)', () => {
	it("returns the employee's jaaropgaaf as a PDF named after company, year and employee number", async () => {
		const company = firstCompany(emulator());
		const employee = paidEmployee(emulator());
		const items = await runNode(emulator().soapBaseUrl, paramsFor(company.id, employee.id, '2026'));
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		const pdf = fileOf(item);
		expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
		expect(pdf.toString('latin1')).toContain('Jaaropgaaf 2026');
		expect(item.binary?.data.mimeType).toBe('application/pdf');
		expect(item.binary?.data.fileName).toBe(
			`annual-statement_${slug(company.name)}_2026_${employee.number}.pdf`,
		);
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			EmployeeId: employee.id,
			EmployeeNumber: employee.number,
			Year: 2026,
		});
		expect(JSON.stringify(item.json)).not.toMatch(/BSN/i);
	});

	it('says the employee was not paid in a year without payslips', async () => {
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				paramsFor(firstCompany(emulator()).id, paidEmployee(emulator()).id, '2001'),
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('no annual statement for 2001');
	});

	it('refuses a year outside 2000–2100 and an empty year before any call, naming the field', async () => {
		for (const year of ['1999', '', 'next year']) {
			const sent: SentRequest[] = [];
			const error = await failure(
				runNode(
					emulator().soapBaseUrl,
					paramsFor(firstCompany(emulator()).id, paidEmployee(emulator()).id, year),
					{ sent },
				),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('Year');
			expect(sent).toHaveLength(0);
		}
	});
});

describe('Salary Document → Get Annual Statement (calls)', () => {
	it('sends EmployeeID and intYear, and names the file after the employee number', async () => {
		const stub = stubNmbrs({
			'CompanyService.List_GetAll': [
				{ ID: 7, Number: 1, Name: 'Acme', LoonaangifteTijdvak: 'Month' },
			],
			'EmployeeService.PersonalInfo_GetCurrent': { Id: 501, Number: 42, BSN: '123456782' },
			'EmployeeService.SalaryDocuments_GetAnnualStatementPDF': { PDF: FAKE_PDF },
		});
		const items = await stub.run(paramsFor(7, 501, 2025));
		expect(stub.calls.find((c) => c.operation.endsWith('GetAnnualStatementPDF'))?.params).toEqual({
			EmployeeID: 501,
			intYear: 2025,
		});
		expect(items[0].binary?.data.fileName).toBe('annual-statement_acme_2025_42.pdf');
		expect(JSON.stringify(items[0].json)).not.toContain('123456782');
	});
});
