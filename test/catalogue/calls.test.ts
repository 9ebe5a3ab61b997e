/**
 * The curated calls as types (nodes/Nmbrs/catalogue/calls.ts) match the catalogue, and the
 * compiler refuses a misspelt call or parameter. The second part is checked by `npm run typecheck`:
 * each `@ts-expect-error` line below must fail to compile, or the typecheck fails.
 */
import { readFileSync } from 'fs';

import type { IExecuteFunctions } from 'n8n-workflow';

import { nmbrsRequest } from '../../nodes/Nmbrs/glue/request';
import { CALLS_PATH, renderCalls } from '../../scripts/generate-calls';

it('holds exactly the rendering of the curated catalogue (refresh: npm run generate:calls)', () => {
	expect(readFileSync(CALLS_PATH, 'utf8')).toBe(renderCalls());
});

/** Never called: its body is for the compiler only. */
export function misspellingsDoNotCompile(context: IExecuteFunctions): void {
	void nmbrsRequest(context, 'CompanyService.Run_GetList', { CompanyId: 1, Year: 2026 });
	// @ts-expect-error a call the catalogue does not have (Run_GetLists)
	void nmbrsRequest(context, 'CompanyService.Run_GetLists', { CompanyId: 1, Year: 2026 });
	// @ts-expect-error CompanyID where Run_GetList spells it CompanyId
	void nmbrsRequest(context, 'CompanyService.Run_GetList', { CompanyID: 1, Year: 2026 });
	void nmbrsRequest(context, 'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2', {
		CompanyId: 1,
		// @ts-expect-error RunId where this call spells it RunID
		RunId: 2,
		intYear: 2026,
	});
	// @ts-expect-error Year where this call has intYear
	void nmbrsRequest(context, 'CompanyService.WageTax_GetList', { CompanyId: 1, Year: 2026 });
	// @ts-expect-error a required parameter left out
	void nmbrsRequest(context, 'CompanyService.Run_GetList', { CompanyId: 1 });
}
