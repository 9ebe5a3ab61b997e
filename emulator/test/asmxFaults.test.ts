/**
 * A value .NET cannot convert to its parameter's type gets the fault ASMX (XmlSerializer) writes:
 * `soap:Client`, HTTP 500, "Server was unable to read request. ---> There is an error in XML
 * document (line, column). ---> <.NET's conversion message>", never a message about the envelope.
 * The position is the node after the offending element: XmlSerializer converts the text after
 * ReadElementString has read past the end tag.
 */
import { generatedCatalogue } from '../../nodes/Nmbrs/catalogue';
import { startEmulator, type RunningEmulator } from '../src';
import { conversionError } from '../src/server/decode';
import { ACCOUNTANT, ENVELOPE_11, envelope, NS, postSoap, WORLD_NOW } from './helpers';

let emulator: RunningEmulator;
let base: string;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, worldNow: WORLD_NOW });
	base = emulator.soapBaseUrl;
});
afterAll(async () => {
	await emulator.close();
});

const READ = 'Server was unable to read request. ---> There is an error in XML document';

function faultOf(body: string): { code: string | undefined; text: string | undefined } {
	const unescape = (text: string | undefined) =>
		text
			?.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	return {
		code: /<faultcode>([^<]*)<\/faultcode>|<soap:Value>([^<]*)<\/soap:Value>/
			.exec(body)
			?.slice(1)
			.find((v) => v !== undefined),
		text: unescape(
			/<faultstring>([^<]*)<\/faultstring>|<soap:Text[^>]*>([^<]*)<\/soap:Text>/
				.exec(body)
				?.slice(1)
				.find((v) => v !== undefined),
		),
	};
}

/** Posts a one-line envelope and returns the fault; the position is checked with `nextTag`. */
async function oneLine(
	service: string,
	operation: string,
	params: Record<string, string | number>,
): Promise<{ status: number; code?: string; text?: string; body: string }> {
	const body = envelope(service, operation, params);
	const answer = await postSoap(base, service, operation, body);
	return { status: answer.status, ...faultOf(answer.body), body };
}

/** The column (line 1) .NET reports for the tag `tag`: its name, after `<` or `</`. */
const columnOf = (body: string, tag: string) =>
	body.indexOf(tag) + (tag.startsWith('</') ? 2 : 1) + 1;

describe('a value of the wrong type', () => {
	it('int: a GUID where an EmployeeId belongs', async () => {
		const answer = await oneLine('CompanyService', 'Company_GetCurrentByEmployeeId', {
			EmployeeId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
		});
		expect(answer.status).toBe(500);
		expect(answer.code).toBe('soap:Client');
		const column = columnOf(answer.body, '</Company_GetCurrentByEmployeeId>');
		expect(answer.text).toBe(
			`${READ} (1, ${column}). ---> Input string was not in a correct format.`,
		);
	});

	it('int: a number too large for an Int32', async () => {
		const answer = await oneLine('CompanyService', 'Company_GetCurrentByEmployeeId', {
			EmployeeId: '99999999999',
		});
		expect(answer.status).toBe(500);
		expect(answer.text).toMatch(
			/\(1, \d+\)\. ---> Value was either too large or too small for an Int32\.$/,
		);
	});

	it('boolean', async () => {
		const answer = await oneLine('EmployeeService', 'HourComponentVar_Clear', {
			EmployeeId: 1,
			Period: 1,
			Year: 2026,
			UnprotectedMode: 'yes',
		});
		const column = columnOf(answer.body, '</HourComponentVar_Clear>');
		expect(answer.status).toBe(500);
		expect(answer.code).toBe('soap:Client');
		expect(answer.text).toBe(
			`${READ} (1, ${column}). ---> The string 'yes' is not a valid Boolean value.`,
		);
	});

	it('dateTime and date: text in a date, a day that does not exist', async () => {
		const text = await oneLine('EmployeeService', 'TimeRegistration_GetList', {
			employeeId: 1,
			dtmStart: 'next monday',
			dtmEnd: '2026-11-30T00:00:00',
		});
		expect(text.status).toBe(500);
		expect(text.text).toBe(
			`${READ} (1, ${columnOf(text.body, '<dtmEnd>')}). ---> The string 'next monday' is not a valid AllXsd value.`,
		);
		const day = await oneLine('CompanyService', 'SalaryDocuments_GetSEPA', {
			CompanyId: 1,
			RunID: 1,
			Year: 2026,
			paymentDate: '2026-02-30',
		});
		expect(day.text).toMatch(/ ---> The string '2026-02-30' is not a valid AllXsd value\.$/);
	});

	it('decimal: a Dutch decimal comma, an exponent', async () => {
		for (const value of ['12,50', '1e3']) {
			const answer = await oneLine('CompanyService', 'WorkCost_Insert', {
				CompanyId: 1,
				value,
				Period: 1,
				Year: 2026,
			});
			expect(answer.status).toBe(500);
			expect(answer.text).toBe(
				`${READ} (1, ${columnOf(answer.body, '<Period>')}). ---> Input string was not in a correct format.`,
			);
		}
	});

	it('guid: a number where a GUID belongs', async () => {
		const answer = await oneLine('EmployeeService', 'LabourAgreements_UpdateCurrent', {
			labourAgreementSettingsGroupGuid: '12345',
			EmployeeId: 1,
		});
		expect(answer.status).toBe(500);
		expect(answer.code).toBe('soap:Client');
		expect(answer.text).toBe(
			`${READ} (1, ${columnOf(answer.body, '<EmployeeId>')}). ---> Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
		);
	});

	it('enum: a name the enumeration does not have (exact and case-sensitive, as .NET)', async () => {
		expect(generatedCatalogue('EmployeeService')?.enums.LeaveType).not.toContain('Holiday');
		for (const value of ['Holiday', 'holiday']) {
			const answer = await oneLine('EmployeeService', 'LeaveBalance_GetPerType', {
				EmployeeId: 1,
				LeaveType: value,
			});
			expect(answer.status).toBe(500);
			expect(answer.text).toBe(
				`${READ} (1, ${columnOf(answer.body, '</LeaveBalance_GetPerType>')}). ---> Instance validation error: '${value}' is not a valid value for LeaveType.`,
			);
		}
	});

	it('inside a complex parameter and inside list items', async () => {
		const address = await oneLine('EmployeeService', 'Address_Insert', {
			EmployeeId: 1,
			Address: '<Id>0</Id><Default>true</Default><Type>Thuis</Type>',
			Period: 1,
			Year: 2026,
		});
		expect(address.text).toBe(
			`${READ} (1, ${columnOf(address.body, '</Address>')}). ---> Instance validation error: 'Thuis' is not a valid value for AddressType.`,
		);
		const batch = await oneLine('EmployeeService', 'HourComponentVar_Insert_Batch', {
			HourComponents:
				'<EmployeeHourComponent><EmployeeId>1</EmployeeId></EmployeeHourComponent>' +
				'<EmployeeHourComponent><EmployeeId>two</EmployeeId></EmployeeHourComponent>',
			Period: 1,
			Year: 2026,
			UnprotectedMode: 'false',
		});
		const second =
			batch.body.indexOf('<EmployeeId>two</EmployeeId>') + '<EmployeeId>two</EmployeeId>'.length;
		expect(batch.text).toBe(
			`${READ} (1, ${second + 3}). ---> Input string was not in a correct format.`,
		);
	});

	it('reports the line and column of the node after the element in an indented request', async () => {
		const body = [
			'<?xml version="1.0" encoding="utf-8"?>',
			`<soap:Envelope xmlns:soap="${ENVELOPE_11}">`,
			'  <soap:Header>',
			`    <AuthHeaderWithDomain xmlns="${NS('CompanyService')}"><Username>${ACCOUNTANT.email}</Username><Token>${ACCOUNTANT.token}</Token><Domain>${ACCOUNTANT.domain}</Domain></AuthHeaderWithDomain>`,
			'  </soap:Header>',
			'  <soap:Body>',
			`    <Company_GetCurrentByEmployeeId xmlns="${NS('CompanyService')}">`,
			'      <EmployeeId>3fa85f64-5717-4562-b3fc-2c963f66afa6</EmployeeId>',
			'    </Company_GetCurrentByEmployeeId>',
			'  </soap:Body>',
			'</soap:Envelope>',
		].join('\r\n');
		const answer = await postSoap(base, 'CompanyService', 'Company_GetCurrentByEmployeeId', body);
		expect(answer.status).toBe(500);
		// Line 8: six spaces, <EmployeeId> (12), the GUID (36), </EmployeeId> (13) = 67 characters.
		expect(faultOf(answer.body)).toEqual({
			code: 'soap:Client',
			text: `${READ} (8, 68). ---> Input string was not in a correct format.`,
		});
	});

	it('answers a SOAP 1.2 request with a Sender fault of the same text', async () => {
		const body = envelope(
			'CompanyService',
			'Company_GetCurrentByEmployeeId',
			{ EmployeeId: 'abc' },
			{ soapVersion: '1.2' },
		);
		const answer = await postSoap(base, 'CompanyService', 'Company_GetCurrentByEmployeeId', body, {
			soapVersion: '1.2',
		});
		expect(answer.status).toBe(500);
		expect(faultOf(answer.body)).toEqual({
			code: 'soap:Sender',
			text: `${READ} (1, ${columnOf(body, '</Company_GetCurrentByEmployeeId>')}). ---> Input string was not in a correct format.`,
		});
	});
});

describe('what stays as it was', () => {
	it('reports the first wrong value when the XML breaks after it, the XML error when before', async () => {
		const valueFirst = envelope('CompanyService', 'Company_GetCurrentByEmployeeId', {
			EmployeeId: 'abc',
		}).replace('</soap:Body></soap:Envelope>', '<oops></soap:Body>');
		const first = await postSoap(
			base,
			'CompanyService',
			'Company_GetCurrentByEmployeeId',
			valueFirst,
		);
		expect(faultOf(first.body).text).toMatch(/---> Input string was not in a correct format\.$/);

		const xmlFirst = envelope('CompanyService', 'Company_GetCurrentByEmployeeId', {
			EmployeeId: 'abc',
		}).replace('<soap:Body>', '<soap:Body><oops></oops2>');
		const broken = await postSoap(
			base,
			'CompanyService',
			'Company_GetCurrentByEmployeeId',
			xmlFirst,
		);
		expect(broken.status).toBe(500);
		expect(faultOf(broken.body).text).toMatch(
			/^Server was unable to read request\. ---> There is an error in XML document/,
		);
		expect(faultOf(broken.body).text).not.toContain('Input string');
	});

	it('ignores a wrong value in an element of another namespace, as .NET does', async () => {
		const foreign = await postSoap(
			base,
			'CompanyService',
			'Company_GetCurrentByEmployeeId',
			envelope(
				'CompanyService',
				'Company_GetCurrentByEmployeeId',
				{ EmployeeId: 'abc' },
				{ paramNamespace: 'urn:elsewhere' },
			),
		);
		expect(faultOf(foreign.body).text).not.toContain('There is an error in XML document');
	});

	it('accepts what .NET converts: white space, signs, zones, 1 and 0', async () => {
		const employee = emulator.world.employees[0];
		const spaced = await oneLine('CompanyService', 'Company_GetCurrentByEmployeeId', {
			EmployeeId: ` +${employee.id}\n`,
		});
		expect(spaced.status).toBe(200);
		const dated = await oneLine('EmployeeService', 'TimeRegistration_GetList', {
			employeeId: employee.id,
			dtmStart: '2026-11-01',
			dtmEnd: ' 2026-11-30T23:59:59.5+01:00 ',
		});
		expect(dated.text ?? '').not.toContain('There is an error in XML document');
		const flag = await oneLine('EmployeeService', 'HourComponentVar_Clear', {
			EmployeeId: employee.id,
			Period: 1,
			Year: 2026,
			UnprotectedMode: ' 1 ',
		});
		expect(flag.text ?? '').not.toContain('There is an error in XML document');
	});
});

describe(".NET's conversion rules", () => {
	const scalar = (name: 'int' | 'long' | 'decimal' | 'double' | 'boolean' | 'dateTime' | 'guid') =>
		({ kind: 'scalar', scalar: name }) as const;

	it.each([
		['int', '-2147483648', undefined],
		['int', '2147483648', 'Value was either too large or too small for an Int32.'],
		['int', '1.0', 'Input string was not in a correct format.'],
		['int', '', 'Input string was not in a correct format.'],
		['long', '9223372036854775808', 'Value was either too large or too small for an Int64.'],
		['decimal', ' -12.50 ', undefined],
		['decimal', '.5', undefined],
		['decimal', '.', 'Input string was not in a correct format.'],
		['decimal', '1'.repeat(30), 'Value was either too large or too small for a Decimal.'],
		['double', '1e3', undefined],
		['double', 'INF', undefined],
		['double', '1e400', 'Value was either too large or too small for a Double.'],
		['boolean', 'True', "The string 'True' is not a valid Boolean value."],
		['boolean', ' yes ', "The string 'yes' is not a valid Boolean value."],
		['dateTime', '2026-11-25T09:00:00Z', undefined],
		['dateTime', '2026', undefined],
		['dateTime', '10:15:00', undefined],
		['dateTime', '2026-11-25T09:00', "The string '2026-11-25T09:00' is not a valid AllXsd value."],
		['dateTime', '2024-02-29', undefined],
		['dateTime', '2026-02-29', "The string '2026-02-29' is not a valid AllXsd value."],
		['guid', '3FA85F64-5717-4562-B3FC-2C963F66AFA6', undefined],
		['guid', '{3fa85f64-5717-4562-b3fc-2c963f66afa6}', undefined],
		['guid', '3fa85f6457174562b3fc2c963f66afa6', undefined],
		['guid', '', 'Unrecognized Guid format.'],
		[
			'guid',
			'3fa85f64-5717-4562-b3fc-2c963f66afaz',
			'Guid string should only contain hexadecimal characters.',
		],
		[
			'guid',
			'3fa85f645-717-4562-b3fc-2c963f66afa6',
			'Dashes are in the wrong position for GUID parsing.',
		],
	] as const)('%s %j', (type, text, message) => {
		expect(conversionError(scalar(type), text)).toBe(message);
	});
});
