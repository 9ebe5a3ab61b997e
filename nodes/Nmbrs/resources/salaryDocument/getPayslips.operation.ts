import type { INodeExecutionData } from 'n8n-workflow';

import { asList, asRecords, nmbrsRequest } from '../../glue/request';
import { binaryFieldProperty, readBinaryField } from '../../common/binary';
import type { NmbrsOperation } from '../types';
import { lookUpRun, pdfItem, pdfOf, readRun, runDocument, runProperties } from './shared';

export const getPayslips: NmbrsOperation = {
	name: 'Get Payslips',
	description:
		'Get the payslips (loonstroken) of a payroll run as PDF files: all in one PDF, or one file per payslip of each employee the run paid',
	action: 'Get payslips of a payroll run',
	properties: [
		...runProperties,
		{
			displayName: 'Output',
			name: 'split',
			type: 'options',
			options: [
				{
					name: 'All in One PDF',
					value: 'all',
					description: 'One item with one PDF holding every payslip of the run',
				},
				{
					name: 'One File per Employee',
					value: 'employee',
					description:
						'One item per payslip of each employee the run paid, with the employee ID and number (numbered when an employee has several)',
				},
			],
			default: 'all',
		},
		binaryFieldProperty,
	],
	calls: [
		'CompanyService.List_GetAll',
		'CompanyService.Run_GetList',
		'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
		'CompanyService.Run_GetEmployeesByRunCompany',
		'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
	],
	async execute(itemIndex) {
		const ref = readRun.call(this, itemIndex);
		const { companyId, runId, year } = ref;
		const split = this.getNodeParameter('split', itemIndex, 'all') === 'employee';
		const field = readBinaryField.call(this, itemIndex);
		const context = await lookUpRun.call(this, ref, itemIndex);
		if (!split) {
			const pdf = pdfOf(
				await nmbrsRequest(
					this,
					'CompanyService.SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
					{ CompanyId: companyId, RunID: runId, intYear: year },
					itemIndex,
				),
			);
			// A run that paid nobody has no payslips: no item rather than an empty file.
			if (pdf === null) return [];
			const document = runDocument(context, {
				kind: 'payslips',
				what: 'payslips',
				extension: 'pdf',
			});
			return [await pdfItem.call(this, pdf, document, field, itemIndex)];
		}
		const employees = asRecords(
			await nmbrsRequest(
				this,
				'CompanyService.Run_GetEmployeesByRunCompany',
				{ CompanyId: companyId, RunId: runId, Year: year },
				itemIndex,
			),
		);
		const perEmployee = await Promise.all(
			employees.map(async (employee) => {
				const employeeId = Number(employee.EmployeeId);
				const pdfs = asList(
					await nmbrsRequest(
						this,
						'CompanyService.SalaryDocuments_GetEmployeePayslipsPDFByRunCompany_v2',
						{ EmployeeID: employeeId, CompanyId: companyId, RunID: runId, intYear: year },
						itemIndex,
					),
				)
					.map(pdfOf)
					.filter((pdf): pdf is Buffer => pdf !== null);
				const several = pdfs.length > 1;
				const items: INodeExecutionData[] = [];
				for (const [index, pdf] of pdfs.entries()) {
					const document = runDocument(context, {
						kind: 'payslip',
						what: 'payslip',
						extension: 'pdf',
						parts: [
							// The number names the file; an employee without one, its ID (unique).
							Number(employee.EmployeeNumber) > 0
								? (employee.EmployeeNumber as number)
								: `id ${employeeId}`,
							several ? index + 1 : undefined,
						],
						json: {
							EmployeeId: employeeId,
							EmployeeNumber: employee.EmployeeNumber as number,
							...(several ? { PayslipNumber: index + 1, PayslipCount: pdfs.length } : {}),
						},
					});
					items.push(await pdfItem.call(this, pdf, document, field, itemIndex));
				}
				return items;
			}),
		);
		return perEmployee.flat();
	},
};
