/**
 * Text from outside on the error path: the token hidden in every form a server may echo it in,
 * fault strings cut before they are parsed or shown, and inputs that used to make a regex
 * backtrack for seconds now return (asserted by their result, never by a time).
 */
import {
	MAX_FAULT_CHARS,
	faultError,
	parseFaultString,
	scrub,
} from '../../nodes/Nmbrs/transport/errors';

const TOKEN = 'tok&en<"9f3a\'>é x';

describe('scrub', () => {
	it.each([
		['plain', TOKEN],
		['XML-escaped', '&#116;ok&amp;en&lt;&quot;9f3a&apos;&gt;é x'],
		['numerically escaped', 'tok&#38;en&#x3C;&#34;9f3a&#39;&#62;&#233; x'],
		['percent-encoded', encodeURIComponent(TOKEN)],
		['percent-encoded, lower case', encodeURIComponent(TOKEN).toLowerCase()],
		['form-encoded', encodeURIComponent(TOKEN).replace(/%20/g, '+')],
	])('hides the token written %s', (_form, written) => {
		const text = `Invalid token ${written} for user`;
		expect(scrub(text, [TOKEN])).toBe('Invalid token *** for user');
	});

	it('hides a Token element whole, also with a comment or CDATA that hides a false end', () => {
		expect(scrub('<Token>ab<!-- </Token> -->cd</Token><x/>')).toBe('<Token>***</Token><x/>');
		expect(scrub('<a:Token>ab<![CDATA[</a:Token>]]>cd</a:Token>')).toBe('<a:Token>***</a:Token>');
		expect(scrub('<Token attr="1">ab</Token >')).toBe('<Token attr="1">***</Token >');
	});

	it('hides everything after an unclosed Token element', () => {
		expect(scrub('<Header><Token>abcd<Username>x')).toBe('<Header><Token>***');
		expect(scrub('<Token>ab<!-- never closed')).toBe('<Token>***');
	});

	it('leaves other elements and an empty Token alone', () => {
		expect(scrub('<Tokens>a</Tokens><Token/><b>c</b>')).toBe('<Tokens>a</Tokens><Token/><b>c</b>');
	});

	it('returns for 200,000 repeats of "<Token" without a ">" (this took seconds)', () => {
		const body = '<Token'.repeat(200_000);
		expect(scrub(body, ['secret-token'])).toBe(body);
	});
});

describe('fault text', () => {
	it('is cut to MAX_FAULT_CHARS before it is parsed or shown', () => {
		const fault = `Server was unable to process request. ---> 9999: ${'x'.repeat(1_000_000)}`;
		const error = faultError('CompanyService.List_GetAll', fault, 500);
		expect(MAX_FAULT_CHARS).toBe(1000);
		expect(error.code).toBe(9999);
		expect(error.nmbrsMessage?.length).toBeLessThanOrEqual(MAX_FAULT_CHARS + 1);
		expect(error.message.length).toBeLessThan(MAX_FAULT_CHARS + 100);
	});

	it('without an arrow is shown cut too', () => {
		const error = faultError('CompanyService.List_GetAll', 'y'.repeat(1_000_000), 500);
		expect(error.message.length).toBeLessThan(MAX_FAULT_CHARS + 100);
		expect(error.nmbrsMessage?.endsWith('…')).toBe(true);
	});

	it('still reads code and message wherever the arrow is', () => {
		expect(parseFaultString('Server was unable to process request. ---> 1002: No access')).toEqual({
			code: 1002,
			message: 'No access',
		});
		expect(parseFaultString('a ---> b ---> 2004:  Unknown company \r\n at x')).toEqual({
			code: 2004,
			message: 'Unknown company',
		});
		expect(parseFaultString('a ---> just words\nmore')).toEqual({ message: 'just words' });
		expect(parseFaultString('  no arrow  ')).toEqual({ message: 'no arrow' });
	});

	it('returns for a fault string built to make a backtracking regex work (this took seconds)', () => {
		const fault = `---> 1002: x${' '.repeat(80_000)}\rz`;
		const { code, message } = parseFaultString(fault);
		expect(code).toBe(1002);
		expect(message.startsWith('x')).toBe(true);
	});
});
