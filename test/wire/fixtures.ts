/** Small inline catalogue for codec tests: independent of the curated entries. */
import type { Catalogue, Operation } from '../../nodes/Nmbrs/catalogue/types';

export const miniCatalogue: Catalogue = {
	types: {
		Employee: {
			name: 'Employee',
			source: 'wsdl',
			fields: [
				{ name: 'Id', type: 'int' },
				{ name: 'Number', type: 'int' },
				{ name: 'DisplayName', type: 'string', optional: true },
			],
		},
		PersonalInfo: {
			name: 'PersonalInfo',
			base: 'Employee',
			source: 'wsdl',
			fields: [
				{ name: 'EmployeeNumber', type: 'int', nillable: true },
				{ name: 'LastName', type: 'string', optional: true },
				{ name: 'Gender', type: 'enum:Gender', nillable: true },
				{ name: 'Birthday', type: 'date', nillable: true },
				{ name: 'CreationDate', type: 'dateTime' },
				{ name: 'Hours', type: 'decimal' },
				{ name: 'Active', type: 'boolean' },
			],
		},
		Payslip: {
			name: 'Payslip',
			source: 'wsdl',
			fields: [{ name: 'PDF', type: 'base64Binary', optional: true }],
		},
	},
	enums: { Gender: ['undefined', 'male', 'female'] },
	operations: [],
};

export const listGetByCompany: Operation = {
	service: 'EmployeeService',
	name: 'List_GetByCompany',
	params: [
		{ name: 'CompanyId', type: 'int' },
		{ name: 'EmployeeType', type: 'int' },
	],
	result: {
		name: 'List_GetByCompanyResult',
		type: 'type:Employee',
		listItem: 'Employee',
		optional: true,
	},
	auth: 'AuthHeaderWithDomain',
	access: 'read',
	source: 'wsdl',
	sourceNote: 'test',
};

export const personalInfoUpdate: Operation = {
	service: 'EmployeeService',
	name: 'PersonalInfo_UpdateCurrent',
	params: [
		{ name: 'EmployeeId', type: 'int' },
		{ name: 'PersonalInfo', type: 'type:PersonalInfo', optional: true },
	],
	auth: 'AuthHeaderWithDomain',
	access: 'write',
	source: 'wsdl',
	sourceNote: 'test',
};

export const personalInfoGet: Operation = {
	service: 'EmployeeService',
	name: 'PersonalInfo_GetCurrent',
	params: [{ name: 'EmployeeId', type: 'int' }],
	result: { name: 'PersonalInfo_GetCurrentResult', type: 'type:PersonalInfo', optional: true },
	auth: 'AuthHeaderWithDomain',
	access: 'read',
	source: 'wsdl',
	sourceNote: 'test',
};

export const payslipGet: Operation = {
	service: 'CompanyService',
	name: 'SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2',
	params: [
		{ name: 'CompanyId', type: 'int' },
		{ name: 'RunID', type: 'int' },
		{ name: 'intYear', type: 'int' },
	],
	result: {
		name: 'SalaryDocuments_GetAllPayslipsPDFByRunCompany_v2Result',
		type: 'type:Payslip',
		optional: true,
	},
	auth: 'AuthHeaderWithDomain',
	access: 'read',
	slow: true,
	source: 'wsdl',
	sourceNote: 'test',
};

export const ENV11 =
	'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">';
export const ENV12 =
	'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">';
