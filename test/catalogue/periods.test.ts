import { isoWeeksInYear, parsePeriod } from '../../nodes/Nmbrs/catalogue/periods';

describe('parsePeriod (Company_GetCurrentPeriod / Employee_GetCurrent strings)', () => {
	it.each([
		['2010-5-M', { year: 2010, period: 5, periodType: 'month', periodsPerYear: 12 }],
		['2010-4-4W', { year: 2010, period: 4, periodType: '4weeks', periodsPerYear: 13 }],
		['2024-13-W4', { year: 2024, period: 13, periodType: '4weeks', periodsPerYear: 13 }],
		['2024-1-W1', { year: 2024, period: 1, periodType: 'week', periodsPerYear: 52 }],
		['2020-53-W1', { year: 2020, period: 53, periodType: 'week', periodsPerYear: 53 }],
		[' 2024-07-m ', { year: 2024, period: 7, periodType: 'month', periodsPerYear: 12 }],
		['2024-2-Week4', { year: 2024, period: 2, periodType: '4weeks', periodsPerYear: 13 }],
	])('reads %s', (text, expected) => {
		expect(parsePeriod(text)).toEqual(expected);
	});

	it('says which periods a company has when the period does not fit its type', () => {
		expect(() => parsePeriod('2024-13-M')).toThrow('a month company has periods 1 to 12');
		expect(() => parsePeriod('2024-53-W1')).toThrow('periods 1 to 52');
		expect(() => parsePeriod('2024-0-M')).toThrow('periods 1 to 12');
	});

	it('refuses text that is not a period, naming the expected form', () => {
		for (const text of ['', '2024-5', '2024-5-Q', 'M-5-2024', '24-5-M']) {
			expect(() => parsePeriod(text)).toThrow(/expected "year-period-type" such as "2024-5-M"/);
		}
	});

	it('counts ISO weeks: 53 in years starting on Thursday, or Wednesday in a leap year', () => {
		expect([2015, 2020, 2026].map(isoWeeksInYear)).toEqual([53, 53, 53]);
		expect([2019, 2021, 2024, 2025].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
	});
});
