/** The response reader fed in chunks, split anywhere, reads what it reads from the whole text. */
import { catalogue, getOperation } from '../../nodes/Nmbrs/catalogue';
import { ResponseReader, buildResponse, readResponse } from '../../nodes/Nmbrs/wire';

const op = getOperation('CompanyService.List_GetAll');
const companies = [
	{ ID: 1, Number: 1, Name: 'Bakkerij Één B.V.', PhoneNumber: null, LoonaangifteTijdvak: 'Month' },
	{
		ID: 2,
		Number: 2,
		Name: 'Café “Zoë” & Zn. 🍞',
		PhoneNumber: null,
		LoonaangifteTijdvak: 'Week4',
	},
];

function inChunks(bytes: Buffer, size: number): Buffer[] {
	const chunks: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
	return chunks;
}

describe('the response reader in chunks', () => {
	const xml = buildResponse(op, companies, catalogue, '1.1');
	const whole = readResponse(xml, op, catalogue).result;

	it('reads UTF-8 bytes split inside characters, the declaration and tags as the whole text', () => {
		for (const size of [1, 2, 3, 7, 100, 1023, 1024, 1025]) {
			const reader = new ResponseReader(op, catalogue);
			for (const chunk of inChunks(Buffer.from(xml, 'utf8'), size)) reader.write(chunk);
			expect(reader.end().result).toEqual(whole);
		}
	});

	it('reads ISO-8859-1 bytes by their declaration, whatever the chunk size', () => {
		const latin = companies.slice(0, 1);
		const text = buildResponse(op, latin, catalogue, '1.1').replace(
			'encoding="utf-8"',
			'encoding="ISO-8859-1"',
		);
		const bytes = Buffer.from(text, 'latin1');
		for (const size of [1, 5, 1024, bytes.length]) {
			const reader = new ResponseReader(op, catalogue);
			for (const chunk of inChunks(bytes, size)) reader.write(chunk);
			expect((reader.end().result as Array<{ Name: string }>)[0].Name).toBe('Bakkerij Één B.V.');
		}
	});

	it('reads text split inside surrogate pairs as the whole text', () => {
		for (const size of [1, 3, 64]) {
			const reader = new ResponseReader(op, catalogue);
			for (let at = 0; at < xml.length; at += size) reader.write(xml.slice(at, at + size));
			expect(reader.end().result).toEqual(whole);
		}
	});

	it('stops at the first chunk that breaks the XML, and a cut answer fails at the end', () => {
		const broken = new ResponseReader(op, catalogue);
		broken.write(xml.slice(0, 300));
		expect(() => broken.write('<<<')).toThrow(/not well-formed/);
		const cut = new ResponseReader(op, catalogue);
		cut.write(xml.slice(0, xml.length - 40));
		expect(() => cut.end()).toThrow();
	});
});
