import { NodeOperationError } from 'n8n-workflow';

import { asRecords, cachedRequest } from '../../glue/request';
import { parseBoolean, parseDate, parseId, parseSingleLineText } from '../../glue/parameters';
import { CREATE_RERUN_NOTE, insertOnce } from './insertOnce';
import { locatorProperty, readLocator } from '../../common/locators';
import { returnRows } from '../../common/rows';
import type { NmbrsOperation } from '../types';
import { optionsCollection, readOptions } from '../shared/options';

export const create: NmbrsOperation = {
	name: 'Create',
	description: `Create an employee in a company from one of the company's default employee templates (the first one unless you choose); returns the new employee's ID. ${CREATE_RERUN_NOTE}`,
	action: 'Create an employee',
	properties: [
		locatorProperty('company'),
		{
			displayName: 'Default Employee Template Name or ID',
			name: 'template',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getDefaultEmployeeTemplates',
				loadOptionsDependsOn: ['companyId.value'],
			},
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			required: true,
			default: '',
			description: 'Surname, without the prefix',
		},
		optionsCollection([
			{
				displayName: 'Employee Number',
				name: 'employeeNumber',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description:
					"The new employee's number in the company (Nmbrs picks the next one when not given). Give it to make reruns safe: the node looks for it first, and an employee of that name with that number is returned, not created again.",
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: "First day in service; empty: the first day of the company's current period",
			},
			{
				displayName: 'Unprotected Mode',
				name: 'unprotectedMode',
				type: 'boolean',
				default: false,
				description:
					'Whether to allow a start date in a period before the current one (Nmbrs refuses it with 2011 otherwise)',
			},
		]),
	],
	calls: [
		'CompanyService.DefaultEmployeeTemplates_GetByCompany',
		'EmployeeService.PersonalInfo_GetAll_AllEmployeesByCompany',
		'EmployeeService.Employee_InsertBasedOnDefault',
		'EmployeeService.PersonalInfo_GetCurrent',
		'EmployeeService.PersonalInfo_UpdateCurrent',
	],
	async execute(itemIndex) {
		const node = this.getNode();
		const companyId = readLocator.call(this, 'company', itemIndex);
		const name = (parameter: string, label: string) => {
			const value = parseSingleLineText(
				node,
				this.getNodeParameter(parameter, itemIndex, ''),
				label,
				itemIndex,
			);
			if (value === null) {
				throw new NodeOperationError(node, `${label} is empty`, {
					itemIndex,
					description: `Give the new employee's ${label.toLowerCase()}. Nothing was created.`,
				});
			}
			return value;
		};
		const firstName = name('firstName', 'First Name');
		const lastName = name('lastName', 'Last Name');
		const options = readOptions.call(this, itemIndex);
		const startDate = parseDate(node, options.startDate, 'Start Date', itemIndex);
		const unprotectedMode = parseBoolean(
			node,
			options.unprotectedMode ?? false,
			'Unprotected Mode',
			itemIndex,
		);
		let template = String(this.getNodeParameter('template', itemIndex, '') ?? '').trim();
		if (template === '') {
			const templates = asRecords(
				await cachedRequest(
					this,
					'CompanyService.DefaultEmployeeTemplates_GetByCompany',
					{ CompanyId: companyId },
					itemIndex,
				),
			);
			const firstTemplate = templates.find((t) => typeof t.DefaultEmployeeTemplateId === 'string');
			if (firstTemplate === undefined) {
				throw new NodeOperationError(
					node,
					`Company ${companyId} has no default employee template`,
					{
						itemIndex,
						description:
							'Set up a default employee template for the company in Nmbrs first. Nothing was created.',
					},
				);
			}
			template = String(firstTemplate.DefaultEmployeeTemplateId);
		}
		const employeeNumber =
			options.employeeNumber === undefined || options.employeeNumber === ''
				? null
				: parseId(node, options.employeeNumber, 'Employee Number', itemIndex);
		const inserted = await insertOnce.call(this, itemIndex, {
			companyId,
			firstName,
			lastName,
			employeeNumber,
			insert: {
				CompanyId: companyId,
				DefaultEmployeeTemplate: template,
				FirstName: firstName,
				LastName: lastName,
				employment:
					startDate === null
						? null
						: {
								EmploymentId: 0,
								CreationDate: null,
								StartDate: startDate,
								EndDate: null,
								InitialStartDate: startDate,
							},
				UnprotectedMode: unprotectedMode,
			},
		});
		return returnRows.call(
			this,
			[
				{
					EmployeeId: inserted.employeeId,
					EmployeeNumber: inserted.employeeNumber,
					Created: inserted.created,
					CompanyId: companyId,
					FirstName: firstName,
					LastName: lastName,
					DefaultEmployeeTemplate: template,
					StartDate: startDate,
				},
			],
			itemIndex,
		);
	},
};
