import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { enums } from '../../catalogue/enums';
import { asRecords, nmbrsRequest } from '../../glue/request';
import type { ChangeableField } from '../shared/fieldsToChange';
import { recordUpdateOperation } from './updateRecord';

const ADDRESS_FIELDS: ChangeableField[] = [
	{ field: 'Street', displayName: 'Street', kind: 'text', description: 'Street name' },
	{
		field: 'HouseNumber',
		displayName: 'House Number',
		kind: 'text',
		description: 'House number, e.g. 12',
	},
	{
		field: 'HouseNumberAddition',
		displayName: 'House Number Addition',
		kind: 'text',
		description: 'Addition to the house number, e.g. A or bis',
	},
	{
		field: 'PostalCode',
		displayName: 'Postal Code',
		kind: 'text',
		description: 'Postal code, e.g. 1234 AB',
	},
	{ field: 'City', displayName: 'City', kind: 'text', description: 'Town or city' },
	{
		field: 'StateProvince',
		displayName: 'State or Province',
		kind: 'text',
		description: 'State or province (abroad)',
	},
	{
		field: 'CountryISOCode',
		displayName: 'Country',
		kind: 'country',
		description: 'Two-letter ISO country code, e.g. NL',
	},
];

const ADDRESS_TYPES = enums.AddressType;

/** The address type of item i, checked before any call. */
function readAddressType(this: IExecuteFunctions, itemIndex: number): string {
	const type = String(this.getNodeParameter('addressType', itemIndex, 'HomeAddress'));
	if (!ADDRESS_TYPES.includes(type)) {
		throw new NodeOperationError(this.getNode(), `The Address Type "${type}" is not valid`, {
			itemIndex,
			description: `Address Type must be one of ${ADDRESS_TYPES.join(', ')}. Nothing was changed.`,
		});
	}
	return type;
}

export const updateAddress = recordUpdateOperation({
	name: 'Update Address',
	description:
		'Change some fields of an address of an employee (home, postal, …), e.g. after a move reported in an HR tool.',
	action: 'Update an address of an employee',
	properties: [
		{
			displayName: 'Address Type',
			name: 'addressType',
			type: 'options',
			options: ADDRESS_TYPES.map((type) => ({
				name: type.replace(/Address$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
				value: type,
			})),
			default: 'HomeAddress',
			description: 'Which of the employee’s addresses to change; it must exist in Nmbrs',
		},
	],
	fields: ADDRESS_FIELDS,
	calls: ['EmployeeService.Address_GetListCurrent', 'EmployeeService.Address_Update'],
	record(itemIndex, employeeId) {
		const type = readAddressType.call(this, itemIndex);
		const what = `the ${type} of employee ${employeeId}`;
		return {
			what,
			lockKey: `employee:${employeeId}:address:${type}`,
			read: async () => {
				const addresses = asRecords(
					await nmbrsRequest(
						this,
						'EmployeeService.Address_GetListCurrent',
						{ EmployeeId: employeeId },
						itemIndex,
					),
				);
				const address = addresses.find((a) => a.Type === type);
				if (!address) {
					throw new NodeOperationError(
						this.getNode(),
						`Employee ${employeeId} has no ${type} in the current period`,
						{
							itemIndex,
							description: `Nmbrs lists ${addresses.length === 0 ? 'no addresses' : `only ${addresses.map((a) => String(a.Type)).join(', ')}`} for this employee: add the address in Nmbrs first, or choose another Address Type. Nothing was changed.`,
						},
					);
				}
				return address;
			},
			write: async (record) =>
				await nmbrsRequest(
					this,
					'EmployeeService.Address_Update',
					{ EmployeeId: employeeId, Address: record },
					itemIndex,
				),
		};
	},
});
