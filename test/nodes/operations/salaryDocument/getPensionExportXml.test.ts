/**
 * Company → Get Pension Exports and Salary Document → Get Pension Export XML: a company's pension
 * exports of a year, and one export's XML as a file or parsed JSON without BSNs.
 */
import type { IDataObject } from 'n8n-workflow';

import { pensionExportsOf } from '../../../../emulator/src/records/pensionExports';
import { firstCompany, pensionExportOf } from '../../examples/world';
import { rl, runNode, useEmulator } from '../../runNode';
import { fileOf, slug } from './helpers';

const emulator = useEmulator();

describe('Company → Get Pension Exports', () => {
	it("lists the company's exports of the year with period, status and sent date", async () => {
		const company = firstCompany(emulator());
		const expected = pensionExportsOf(emulator().world, company, 2026);
		expect(expected.length).toBeGreaterThan(1);
		const items = await runNode(emulator().soapBaseUrl, {
			resource: 'company',
			operation: 'getPensionExports',
			companyId: rl(company.id),
			year: '2026',
		});
		expect(items.map((i) => i.json.PensionExportID)).toEqual(expected.map((e) => e.id));
		expect(items[0].json).toMatchObject({
			CompanyId: company.id,
			Period: expected[0].run.period,
			Year: 2026,
			Status: expected[0].status,
		});
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
	});
});

describe('Salary Document → Get Pension Export XML', () => {
	const params = () => ({
		resource: 'salaryDocument',
		operation: 'getPensionExportXml',
		companyId: rl(firstCompany(emulator()).id),
		year: '2026',
		pensionExportId: rl(pensionExportOf(emulator()).id),
	});

	it('returns the XML as a file named after company, year, period and export', async () => {
		const pension = pensionExportOf(emulator());
		const company = firstCompany(emulator());
		const [item] = await runNode(emulator().soapBaseUrl, { ...params(), outputAs: 'file' });
		expect(fileOf(item).toString('utf8')).toMatch(/^<\?xml[^>]*\?>\s*<Pensioenaangifte/);
		expect(item.binary?.data.fileName).toBe(
			`pension-export_${slug(company.name)}_2026_${pension.run.period}_${pension.id}.xml`,
		);
		expect(item.json).toMatchObject({
			CompanyId: company.id,
			PensionExportID: pension.id,
			Year: 2026,
			Period: pension.run.period,
			Status: pension.status,
		});
	});

	it('parses it into JSON without the BSNs (SofiNr) unless Include BSN is on', async () => {
		const parse = async (includeBsn: boolean) => {
			const [item] = await runNode(emulator().soapBaseUrl, {
				...params(),
				outputAs: 'json',
				includeBsn,
			});
			const document = (item.json.document as IDataObject).Pensioenaangifte as IDataObject;
			const workers = document.Werknemer as IDataObject | IDataObject[];
			return Array.isArray(workers) ? workers : [workers];
		};
		const without = await parse(false);
		expect(without.length).toBeGreaterThan(0);
		for (const worker of without) {
			expect(worker.PersNr).toEqual(expect.any(String));
			expect('SofiNr' in worker).toBe(false);
		}
		const withBsn = await parse(true);
		expect(withBsn[0].SofiNr).toMatch(/^\d{9}$/);
	});
});
