import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { firstCompany, lockedRun } from '../../examples/world';
import type { SentRequest } from '../../harness';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { fileOf, runParams, slug } from './helpers';

const emulator = useEmulator();
const operation = { operation: 'getSepaFile' };

describe('Salary Document → Get SEPA File (emulator)', () => {
	it("returns the pain.001 XML file, paid on the run's date when no Payment Date is given", async () => {
		const run = lockedRun(emulator());
		const company = firstCompany(emulator());
		const items = await runNode(emulator().soapBaseUrl, {
			...runParams(emulator()),
			...operation,
			paymentDate: '',
		});
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		const xml = fileOf(item).toString('utf8');
		expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
		expect(xml).toContain(`<ReqdExctnDt>${run.runAt.slice(0, 10)}</ReqdExctnDt>`);
		expect(item.binary?.data.mimeType).toBe('application/xml');
		expect(item.binary?.data.fileName).toBe(
			`sepa_${slug(company.name)}_${run.year}_${run.period}_run-${run.number}.xml`,
		);
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			RunId: run.id,
			PaymentDate: run.runAt.slice(0, 10),
		});
	});

	it('uses the Payment Date given (date or date-time from the picker) and can parse the file to JSON', async () => {
		for (const given of ['2026-12-01', '2026-12-01T00:00:00.000+01:00']) {
			const [item] = await runNode(emulator().soapBaseUrl, {
				...runParams(emulator()),
				...operation,
				paymentDate: given,
				outputAs: 'json',
			});
			const document = item.json.document as IDataObject;
			const transfer = (document.Document as IDataObject).CstmrCdtTrfInitn as IDataObject;
			expect((transfer.PmtInf as IDataObject).ReqdExctnDt).toBe('2026-12-01');
			expect(item.json.PaymentDate).toBe('2026-12-01');
		}
	});

	it('refuses a Payment Date that is not a date before any call', async () => {
		const sent: SentRequest[] = [];
		const error = await failure(
			runNode(
				emulator().soapBaseUrl,
				{ ...runParams(emulator()), ...operation, paymentDate: '31-12-2026' },
				{ sent },
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Payment Date');
		expect(sent).toHaveLength(0);
	});
});

describe('Salary Document → Get SEPA File (calls)', () => {
	it('sends CompanyId, RunID, Year and paymentDate in WSDL order', async () => {
		const stub = stubNmbrs({
			'CompanyService.List_GetAll': [
				{ ID: 7, Number: 1, Name: 'Acme', LoonaangifteTijdvak: 'Month' },
			],
			'CompanyService.Run_GetList': [
				{
					ID: 70,
					Number: 2,
					Year: 2026,
					PeriodStart: 3,
					PeriodEnd: 3,
					Description: 'Extra run',
					RunAt: '2026-03-27T16:45:00',
					IsLocked: true,
				},
			],
			'CompanyService.SalaryDocuments_GetSEPA': '<?xml version="1.0"?><Document/>',
		});
		const items = await stub.run({
			resource: 'salaryDocument',
			...operation,
			companyId: rl(7),
			year: '2026',
			runId: rl(70),
		});
		const call = stub.calls.find((c) => c.operation.endsWith('GetSEPA'));
		expect(Object.keys(call?.params ?? {})).toEqual(['CompanyId', 'RunID', 'Year', 'paymentDate']);
		expect(call?.params).toEqual({
			CompanyId: 7,
			RunID: 70,
			Year: 2026,
			paymentDate: '2026-03-27',
		});
		expect(items[0].binary?.data.fileName).toBe('sepa_acme_2026_3_run-2.xml');
	});
});
