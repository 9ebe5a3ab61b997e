import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { firstCompany, lockedRun } from '../../examples/world';
import type { SentRequest } from '../../harness';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { fileOf, runParams, slug } from './helpers';

const emulator = useEmulator();
const operation = { operation: 'getJournal' };

describe('Salary Document → Get Journal (emulator)', () => {
	it('returns the journal of a run as an XML file named after company, year and period', async () => {
		const run = lockedRun(emulator());
		const company = firstCompany(emulator());
		const [item] = await runNode(emulator().soapBaseUrl, {
			...runParams(emulator()),
			...operation,
			outputAs: 'file',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(fileOf(item).toString('utf8')).toContain('<Journal>');
		expect(item.binary?.data.mimeType).toBe('application/xml');
		expect(item.binary?.data.fileName).toBe(
			`journal_${slug(company.name)}_${run.year}_${run.period}_run-${run.number}.xml`,
		);
	});

	it('parses the journal to JSON: balanced lines as text values', async () => {
		const run = lockedRun(emulator());
		const [item] = await runNode(emulator().soapBaseUrl, {
			...runParams(emulator()),
			...operation,
			outputAs: 'json',
		});
		expect(item.binary).toBeUndefined();
		expect(item.json).toMatchObject({ RunId: run.id, Year: run.year, Period: run.period });
		const journal = (item.json.document as IDataObject).Journal as IDataObject;
		expect(journal.TotalDebit).toEqual(journal.TotalCredit);
		expect(typeof journal.TotalDebit).toBe('string');
		const lines = (journal.Lines as IDataObject).Line as IDataObject[];
		expect(lines.length).toBeGreaterThan(2);
	});

	it('refuses an empty Put Output File in Field and a year outside 2000–2100 before any call', async () => {
		for (const bad of [{ binaryPropertyName: ' ' }, { year: '2101' }]) {
			const sent: SentRequest[] = [];
			const error = await failure(
				runNode(
					emulator().soapBaseUrl,
					{ ...runParams(emulator()), ...operation, outputAs: 'file', ...bad },
					{ sent },
				),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/Put Output File in Field|Year/);
			expect(sent).toHaveLength(0);
		}
	});
});

describe('Salary Document → Get Journal (calls)', () => {
	it('sends CompanyId, RunId and intYear', async () => {
		const stub = stubNmbrs({
			'CompanyService.List_GetAll': [
				{ ID: 7, Number: 1, Name: 'Acme', LoonaangifteTijdvak: 'Month' },
			],
			'CompanyService.Run_GetList': [
				{
					ID: 70,
					Number: 1,
					Year: 2026,
					PeriodStart: 4,
					PeriodEnd: 4,
					Description: 'April',
					RunAt: '2026-04-24T10:00:00',
					IsLocked: false,
				},
			],
			'CompanyService.Journals_GetByRunCompany_v2': '<Journal/>',
		});
		await stub.run({
			resource: 'salaryDocument',
			...operation,
			companyId: rl(7),
			year: '2026',
			runId: rl(70),
		});
		expect(stub.calls.find((c) => c.operation.endsWith('_v2'))?.params).toEqual({
			CompanyId: 7,
			RunId: 70,
			intYear: 2026,
		});
	});
});
