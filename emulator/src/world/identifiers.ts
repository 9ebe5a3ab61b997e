/**
 * Dutch identifiers, FAKE but valid: BSNs that pass the elfproef, IBANs that pass mod-97 with
 * account numbers that pass the bank elfproef, KvK numbers, payroll tax numbers.
 *
 * BSNs are drawn from the 99/98 prefix block (99xxxxxxx, falling back to 98xxxxxxx when the
 * check digit would be 10), one per index, through a bijection, so they never repeat within a
 * world and do not look like a random real person's number.
 */
import type { Random } from './random';

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];

/** 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), 9 digits, not starting with 0. */
export function isValidBsn(bsn: string): boolean {
	if (!/^[1-9]\d{8}$/.test(bsn)) return false;
	const sum = BSN_WEIGHTS.reduce((acc, weight, i) => acc + weight * +bsn[i], 0) - +bsn[8];
	return sum % 11 === 0;
}

function elevenCheckDigit(firstEight: string): number {
	return BSN_WEIGHTS.reduce((acc, weight, i) => acc + weight * +firstEight[i], 0) % 11;
}

/** The BSN (or RSIN: same elfproef) for an index 0..999,999; unique per (index, prefixBlock). */
export function fakeBsn(index: number, scramble: number, prefixBlock: '99' | '97' = '99'): string {
	// Multiplying by a number coprime with 10^6 is a bijection on 0..999,999: no two indexes collide.
	const middle = String((index * 7_919 + scramble) % 1_000_000).padStart(6, '0');
	const first = `${prefixBlock}${middle}`;
	const check = elevenCheckDigit(first);
	if (check < 10) return `${first}${check}`;
	// The second digit one lower changes the sum by 8, so this check digit is never 10.
	const alternative = `${prefixBlock[0]}${+prefixBlock[1] - 1}${middle}`;
	return `${alternative}${elevenCheckDigit(alternative)}`;
}

export const DUTCH_BANKS = [
	{ code: 'ABNA', bic: 'ABNANL2A', name: 'ABN AMRO' },
	{ code: 'INGB', bic: 'INGBNL2A', name: 'ING' },
	{ code: 'RABO', bic: 'RABONL2U', name: 'Rabobank' },
	{ code: 'TRIO', bic: 'TRIONL2U', name: 'Triodos Bank' },
	{ code: 'SNSB', bic: 'SNSBNL2A', name: 'SNS' },
	{ code: 'ASNB', bic: 'ASNBNL21', name: 'ASN Bank' },
	{ code: 'KNAB', bic: 'KNABNL2H', name: 'Knab' },
	{ code: 'BUNQ', bic: 'BUNQNL2A', name: 'bunq' },
] as const;
export type DutchBank = (typeof DUTCH_BANKS)[number];

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
	return mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1;
}

function mod97(text: string): number {
	let remainder = 0;
	for (const char of text) {
		const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
		for (const digit of digits) remainder = (remainder * 10 + +digit) % 97;
	}
	return remainder;
}

/** A ten-digit account number passing the old Dutch bank elfproef (weights 10..1). */
function accountNumber(random: Random): string {
	for (;;) {
		let digits = String(random.int(1, 9));
		for (let i = 0; i < 8; i++) digits += random.int(0, 9);
		const sum = [...digits].reduce((acc, digit, i) => acc + (10 - i) * +digit, 0);
		const last = (11 - (sum % 11)) % 11;
		if (last < 10) return `${digits}${last}`;
	}
}

export function fakeIban(
	random: Random,
	bank: DutchBank = random.pick(DUTCH_BANKS),
): { iban: string; bic: string; bank: DutchBank } {
	const basic = `${bank.code}${accountNumber(random)}`;
	const check = String(98 - mod97(`${basic}NL00`)).padStart(2, '0');
	return { iban: `NL${check}${basic}`, bic: bank.bic, bank };
}

/** Chamber of Commerce number: 8 digits. */
export function fakeKvk(random: Random): string {
	return `9${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** Loonheffingennummer: the employer's RSIN (9 digits, elfproef) + 'L' + 2-digit subnumber. */
export function payrollTaxNumber(companyIndex: number, scramble: number, subNumber = 1): string {
	return `${fakeBsn(companyIndex, scramble, '97')}L${String(subNumber).padStart(2, '0')}`;
}
