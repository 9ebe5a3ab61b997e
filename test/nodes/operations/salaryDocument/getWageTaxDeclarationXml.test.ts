import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { declarationOf, firstCompany } from '../../examples/world';
import { failure, rl, runNode, stubNmbrs, useEmulator } from '../../runNode';
import { fileOf, slug } from './helpers';

const emulator = useEmulator();

const params = (emulatorNow: ReturnType<typeof emulator>) => ({
	resource: 'salaryDocument',
	operation: 'getWageTaxDeclarationXml',
	companyId: rl(firstCompany(emulatorNow).id),
	year: '2026',
	declarationId: rl(declarationOf(emulatorNow).id),
});

describe('Salary Document → Get Wage Tax Declaration XML (emulator)', () => {
	it('returns the declaration XML as a file named after company, year, period and declaration', async () => {
		const declaration = declarationOf(emulator());
		const company = firstCompany(emulator());
		const items = await runNode(emulator().soapBaseUrl, {
			...params(emulator()),
			outputAs: 'file',
		});
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(fileOf(item).toString('utf8')).toMatch(/^<\?xml[^>]*\?>\s*<Loonaangifte/);
		expect(item.binary?.data.mimeType).toBe('application/xml');
		expect(item.binary?.data.fileName).toBe(
			`wage-tax-declaration_${slug(company.name)}_2026_${declaration.period}_${declaration.id}.xml`,
		);
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			LoonaangifteID: declaration.id,
			Year: 2026,
			Period: declaration.period,
			Status: declaration.status,
		});
	});

	it('parses the XML into JSON, leaving the BSN (SofiNr) out unless Include BSN is on', async () => {
		const [item] = await runNode(emulator().soapBaseUrl, {
			...params(emulator()),
			outputAs: 'json',
		});
		expect(item.binary).toBeUndefined();
		const document = item.json.document as IDataObject;
		const message = document.Loonaangifte as IDataObject;
		expect(message['@_version']).toBe('1.0');
		expect((message.Bericht as IDataObject).Belastingjaar).toBe('2026');
		expect(JSON.stringify(document)).not.toContain('SofiNr');
		const [withBsn] = await runNode(emulator().soapBaseUrl, {
			...params(emulator()),
			outputAs: 'json',
			includeBsn: true,
		});
		expect(JSON.stringify(withBsn.json.document)).toMatch(/"SofiNr":"\d{9}"/);
	});
});

describe('Salary Document → Get Wage Tax Declaration XML (calls)', () => {
	const answers = {
		'CompanyService.List_GetAll': [
			{ ID: 7, Number: 1, Name: 'Acme', LoonaangifteTijdvak: 'Month' },
		],
		'CompanyService.WageTax_GetList': [],
		'CompanyService.WageTax_GetXML':
			'<?xml version="1.0"?><Loonaangifte><SofiNr>123456782</SofiNr></Loonaangifte>',
	};

	it('sends LoonaangifteID before CompanyId; a declaration not in the year is named without year', async () => {
		const stub = stubNmbrs(answers);
		const items = await stub.run({
			resource: 'salaryDocument',
			operation: 'getWageTaxDeclarationXml',
			companyId: rl(7),
			year: '2025',
			declarationId: rl(3001),
		});
		const call = stub.calls.find((c) => c.operation.endsWith('WageTax_GetXML'));
		expect(Object.keys(call?.params ?? {})).toEqual(['LoonaangifteID', 'CompanyId']);
		expect(call?.params).toEqual({ LoonaangifteID: 3001, CompanyId: 7 });
		expect(stub.calls.find((c) => c.operation.endsWith('WageTax_GetList'))?.params).toEqual({
			CompanyId: 7,
			intYear: 2025,
		});
		expect(items[0].binary?.data.fileName).toBe('wage-tax-declaration_acme_3001.xml');
		expect(items[0].json).toMatchObject({ Year: null, Period: null });
	});

	it('an answer that is not XML fails with a message saying to use the file instead', async () => {
		const stub = stubNmbrs({ ...answers, 'CompanyService.WageTax_GetXML': 'not <xml' });
		const error = await failure(
			stub.run({
				resource: 'salaryDocument',
				operation: 'getWageTaxDeclarationXml',
				companyId: rl(7),
				year: '2025',
				declarationId: rl(3001),
				outputAs: 'json',
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).description).toContain('Output As: File');
	});
});
