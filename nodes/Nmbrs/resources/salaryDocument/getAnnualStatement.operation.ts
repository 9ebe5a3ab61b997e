import { NodeOperationError } from 'n8n-workflow';

import { cachedRequest, isRecord, nmbrsRequest } from '../../glue/request';
import { parseYear } from '../../glue/parameters';
import { binaryFieldProperty, fileName, readBinaryField } from '../../common/binary';
import { locatorProperty, readLocator } from '../../common/locators';
import type { NmbrsOperation } from '../types';
import { companyName, pdfItem, pdfOf } from './shared';

export const getAnnualStatement: NmbrsOperation = {
	name: 'Get Annual Statement',
	description:
		"Get an employee's annual statement of a year as a PDF file: the yearly wage and wage tax summary employees need for their income tax return",
	action: 'Get the annual statement of an employee',
	properties: [
		locatorProperty('company', {
			description: 'The company (employer) in Nmbrs; the employee list shows its employees',
		}),
		locatorProperty('employee'),
		{
			displayName: 'Year',
			name: 'year',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 2025',
			description: 'The year of the annual statement (2000–2100), usually last year',
		},
		binaryFieldProperty,
	],
	calls: [
		'CompanyService.List_GetAll',
		'EmployeeService.PersonalInfo_GetCurrent',
		'EmployeeService.SalaryDocuments_GetAnnualStatementPDF',
	],
	async execute(itemIndex) {
		const companyId = readLocator.call(this, 'company', itemIndex);
		const employeeId = readLocator.call(this, 'employee', itemIndex);
		const year = parseYear(
			this.getNode(),
			this.getNodeParameter('year', itemIndex, ''),
			'Year',
			itemIndex,
		);
		const field = readBinaryField.call(this, itemIndex);
		const pdf = pdfOf(
			await nmbrsRequest(
				this,
				'EmployeeService.SalaryDocuments_GetAnnualStatementPDF',
				{ EmployeeID: employeeId, intYear: year },
				itemIndex,
			),
		);
		if (pdf === null) {
			throw new NodeOperationError(
				this.getNode(),
				`Employee ${employeeId} has no annual statement for ${year}`,
				{
					itemIndex,
					description: `Nmbrs made none: the employee was not paid in ${year}. Check the Year, or whether the payroll runs of ${year} are done.`,
				},
			);
		}
		// The employee number for the file name; the record read is never output (it holds the BSN).
		const person = await cachedRequest(
			this,
			'EmployeeService.PersonalInfo_GetCurrent',
			{ EmployeeId: employeeId },
			itemIndex,
		);
		const employeeNumber =
			isRecord(person) && typeof person.Number === 'number' ? person.Number : undefined;
		const company = await companyName.call(this, companyId, itemIndex);
		const document = {
			fileName: fileName(
				['annual-statement', company, year, employeeNumber ?? `employee ${employeeId}`],
				'pdf',
			),
			json: {
				CompanyId: companyId,
				EmployeeId: employeeId,
				EmployeeNumber: employeeNumber ?? null,
				Year: year,
			},
		};
		return [await pdfItem.call(this, pdf, document, field, itemIndex)];
	},
};
