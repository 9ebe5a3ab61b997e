/**
 * Runs under TZ=UTC and again under TZ=Europe/Amsterdam: Nmbrs dates are zone-less Dutch local
 * time and must come out exactly as sent, whatever zone the n8n server runs in.
 */
import { buildRequest, buildResponse, readRequest, readResponse } from '../../nodes/Nmbrs/wire';
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { personalInfoGet, personalInfoUpdate, miniCatalogue } from './fixtures';

/** Offsets (minutes, as getTimezoneOffset gives them) in January and July for the zones the suite runs in. */
const OFFSETS: Record<string, [number, number]> = { UTC: [0, 0], 'Europe/Amsterdam': [-60, -120] };
const zone = process.env.TZ;

describe(`dates under TZ=${zone ?? '(unset)'}`, () => {
	// Without this, a run "under Amsterdam" that silently stayed in UTC would prove nothing.
	(zone !== undefined && OFFSETS[zone] ? it : it.skip)('really runs in that time zone', () => {
		expect([
			new Date(2024, 0, 1).getTimezoneOffset(),
			new Date(2024, 6, 1).getTimezoneOffset(),
		]).toEqual(OFFSETS[zone as string]);
	});

	const record = {
		Id: 1,
		Number: 1,
		DisplayName: null,
		EmployeeNumber: null,
		LastName: null,
		Gender: null,
		Birthday: '1990-03-25', // a DST switch day in Amsterdam
		CreationDate: '2024-03-31T02:30:00', // inside Amsterdam's DST gap: does not exist as local time
		Hours: 0,
		Active: false,
	};

	it('reads a date and a dateTime exactly as sent', () => {
		const xml = buildResponse(personalInfoGet, record, miniCatalogue);
		expect(xml).toContain(
			'<Birthday>1990-03-25T00:00:00</Birthday><CreationDate>2024-03-31T02:30:00</CreationDate>',
		);
		const { result } = readResponse(xml, personalInfoGet, miniCatalogue);
		expect(result).toMatchObject({ Birthday: '1990-03-25', CreationDate: '2024-03-31T02:30:00' });
	});

	it('writes them in the same form and reads them back unchanged on the emulator side', () => {
		const { body } = buildRequest(
			personalInfoUpdate,
			{ EmployeeId: 1, PersonalInfo: record },
			miniCatalogue,
		);
		expect(body).toContain(
			'<Birthday>1990-03-25T00:00:00</Birthday><CreationDate>2024-03-31T02:30:00</CreationDate>',
		);
		const read = readRequest(body, miniCatalogue, () => personalInfoUpdate);
		expect(read.params.PersonalInfo).toMatchObject({
			Birthday: '1990-03-25',
			CreationDate: '2024-03-31T02:30:00',
		});
	});

	it('reads 0001-01-01T00:00:00 (never sent) as null on a real WageTax record', () => {
		const op = getOperation('CompanyService.WageTax_GetList');
		const xml = buildResponse(
			op,
			[
				{
					LoonaangifteID: 1,
					SerialNumber: 1,
					TotalGeneral: 0,
					Period: 12,
					Year: 2023,
					SentAt: null,
					TijdvakStart: '2023-12-01',
					TijdvakEnd: '2023-12-31',
				},
			],
			catalogue,
		);
		expect(xml).toContain(
			'<SentAt>0001-01-01T00:00:00</SentAt><TijdvakStart>2023-12-01T00:00:00</TijdvakStart>',
		);
		expect(readResponse(xml, op, catalogue).result).toEqual([
			expect.objectContaining({
				SentAt: null,
				TijdvakStart: '2023-12-01',
				TijdvakEnd: '2023-12-31',
				CorrectionTijdvakStart: null,
			}),
		]);
	});
});
