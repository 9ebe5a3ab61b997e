/**
 * The reports Nmbrs answers as an XML document in a string (`Reports_*`), the tax SEPA file and
 * the employer cost per hour. Every figure is summed from the world's own payslips, so a report
 * agrees with the payslips, journals and declarations of the same runs. The layouts are ours.
 */
import { periodRange } from './calendar';
import { displayName, euros, journalXml, xml } from './documents';
import { personAt, versionAt } from './history';
import type { Company, Declaration, Employee, Run } from './model';
import { computePayslip, employeesOfRun, type Payslip } from './payroll';
import { buildPdf } from './pdf';
import { findCompany, type World } from './world';

/**
 * The payslip's amounts as wage codes (looncodes) of the reports: ours, in the order Nmbrs
 * lists result codes (gross first, net last).
 */
export const REPORT_WAGE_CODES: ReadonlyArray<{
	code: number;
	description: string;
	cents: (slip: Payslip, run: Run) => number;
}> = [
	{ code: 1, description: 'Salaris', cents: (s, run) => (run.number === 1 ? s.grossCents : 0) },
	{
		code: 2,
		description: 'Bijzondere beloning',
		cents: (s, run) => (run.number === 1 ? 0 : s.grossCents),
	},
	{ code: 100, description: 'Loon voor de loonheffing', cents: (s) => s.taxableCents },
	{ code: 400, description: 'Pensioenpremie werknemer', cents: (s) => s.pensionEmployeeCents },
	{ code: 410, description: 'Pensioenpremie werkgever', cents: (s) => s.pensionEmployerCents },
	{ code: 500, description: 'Loonheffing', cents: (s) => s.wageTaxCents },
	{ code: 600, description: 'Premie AWf', cents: (s) => s.awfCents },
	{ code: 610, description: 'Premie Aof', cents: (s) => s.aofCents },
	{ code: 620, description: 'Premie Whk', cents: (s) => s.whkCents },
	{ code: 630, description: 'Werkgeversheffing Zvw', cents: (s) => s.zvwCents },
	{ code: 900, description: 'Netto te betalen', cents: (s) => s.netCents },
];

const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

function companyElement(company: Company): string {
	return `<Company><Id>${company.id}</Id><Name>${xml(company.name)}</Name></Company>`;
}

function employeeElement(employee: Employee, run: Run): string {
	return `<Number>${employee.number}</Number><Name>${xml(displayName(personAt(employee, run)))}</Name>`;
}

/** Each payslip of the run with its lines as printed. */
export function payslipReportXml(world: World, run: Run): string {
	const company = findCompany(world, run.companyId) as Company;
	const out = [declaration, '<PayslipReport>', `  ${companyElement(company)}`];
	out.push(`  <Run><Id>${run.id}</Id><Year>${run.year}</Year><Period>${run.period}</Period></Run>`);
	for (const employee of employeesOfRun(world, run)) {
		const slip = computePayslip(world, run, employee);
		out.push(`  <Employee>${employeeElement(employee, run)}`);
		for (const [label, cents] of slip.lines)
			out.push(
				`    <Line><Description>${xml(label)}</Description><Amount>${euros(cents)}</Amount></Line>`,
			);
		out.push('  </Employee>');
	}
	out.push('</PayslipReport>');
	return `${out.join('\n')}\n`;
}

/** The wage codes of the runs per employee, summed (one code only when `onlyCode` is given). */
export function wageCodesReportXml(
	world: World,
	company: Company,
	runs: Run[],
	onlyCode?: number,
): string {
	const codes = REPORT_WAGE_CODES.filter((c) => onlyCode === undefined || c.code === onlyCode);
	const byEmployee = new Map<
		number,
		{ employee: Employee; run: Run; cents: Map<number, number> }
	>();
	for (const run of runs)
		for (const employee of employeesOfRun(world, run)) {
			const slip = computePayslip(world, run, employee);
			const entry = byEmployee.get(employee.id) ?? { employee, run, cents: new Map() };
			for (const code of codes)
				entry.cents.set(code.code, (entry.cents.get(code.code) ?? 0) + code.cents(slip, run));
			byEmployee.set(employee.id, entry);
		}
	const out = [declaration, '<WageCodesReport>', `  ${companyElement(company)}`];
	out.push(`  <Runs>${runs.map((r) => `<RunId>${r.id}</RunId>`).join('')}</Runs>`);
	for (const { employee, run, cents } of byEmployee.values()) {
		out.push(`  <Employee>${employeeElement(employee, run)}`);
		for (const code of codes)
			out.push(
				`    <WageCode><Code>${code.code}</Code><Description>${xml(code.description)}</Description><Amount>${euros(cents.get(code.code) ?? 0)}</Amount></WageCode>`,
			);
		out.push('  </Employee>');
	}
	out.push('</WageCodesReport>');
	return `${out.join('\n')}\n`;
}

/** The journals of the runs, one after the other (of one employee when `only` is given). */
export function journalsReportXml(
	world: World,
	company: Company,
	runs: Run[],
	only?: Employee,
): string {
	const journals = runs.map((run) =>
		journalXml(world, run, only ? 'employee' : 'costCenter', only?.id)
			.replace(/^<\?xml[^>]*>\n/, '')
			.trimEnd()
			.replace(/^/gm, '  '),
	);
	return `${[declaration, '<JournalsReport>', `  ${companyElement(company)}`, ...journals, '</JournalsReport>'].join('\n')}\n`;
}

/**
 * The tax payment of a declaration as a SEPA credit transfer (pain.001) to the Belastingdienst,
 * with the payment reference of the declaration.
 */
export function sepaTaxXml(
	world: World,
	run: Run,
	tax: Declaration,
	amountCents: number,
	paymentDate: string | null,
): string {
	const company = findCompany(world, run.companyId) as Company;
	const date = paymentDate ?? periodRange(company.periodType, tax.year, tax.period).end;
	const id = `NMBRS-${company.id}-${run.id}-LH${tax.id}`;
	const sum = euros(amountCents);
	return `${[
		declaration,
		'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">',
		'  <CstmrCdtTrfInitn>',
		`    <GrpHdr><MsgId>${id}</MsgId><CreDtTm>${world.clock.now()}</CreDtTm><NbOfTxs>1</NbOfTxs><CtrlSum>${sum}</CtrlSum><InitgPty><Nm>${xml(company.name)}</Nm></InitgPty></GrpHdr>`,
		`    <PmtInf><PmtInfId>${id}-TAX</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>1</NbOfTxs><CtrlSum>${sum}</CtrlSum>`,
		'      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><CtgyPurp><Cd>TAXS</Cd></CtgyPurp></PmtTpInf>',
		`      <ReqdExctnDt>${date}</ReqdExctnDt>`,
		`      <Dbtr><Nm>${xml(company.name)}</Nm></Dbtr><DbtrAcct><Id><IBAN>${company.iban}</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BIC>${company.bic}</BIC></FinInstnId></DbtrAgt>`,
		'      <CdtTrfTxInf>',
		`        <PmtId><EndToEndId>${id}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">${sum}</InstdAmt></Amt>`,
		'        <CdtrAgt><FinInstnId><BIC>INGBNL2A</BIC></FinInstnId></CdtrAgt><Cdtr><Nm>Belastingdienst</Nm></Cdtr>',
		'        <CdtrAcct><Id><IBAN>NL86INGB0002445588</IBAN></Id></CdtrAcct>',
		`        <RmtInf><Ustrd>${xml(tax.paymentReference)}</Ustrd></RmtInf>`,
		'      </CdtTrfTxInf>',
		'    </PmtInf>',
		'  </CstmrCdtTrfInitn>',
		'</Document>',
	].join('\n')}\n`;
}

/**
 * Employer cost per hour of each employee paid in the run: gross, employer's premiums and pension
 * over the hours the schedule has in the period (4 1/3 weeks a month, 4 weeks otherwise).
 */
export function employerCostPerHourPdf(world: World, run: Run): Buffer {
	const company = findCompany(world, run.companyId) as Company;
	const weeks = company.periodType === 'Month' ? 52 / 12 : 4;
	const lines = [
		`# Werkgeverslasten per uur ${run.year}`,
		`${company.name}  -  ${run.description}`,
		'',
	];
	for (const employee of employeesOfRun(world, run)) {
		const slip = computePayslip(world, run, employee);
		const schedule = versionAt(employee.schedules, run);
		const weekly = schedule ? schedule.hours.slice(0, 7).reduce((a, b) => a + b, 0) : 0;
		const cost =
			slip.grossCents +
			slip.awfCents +
			slip.aofCents +
			slip.whkCents +
			slip.zvwCents +
			slip.pensionEmployerCents;
		const perHour = weekly > 0 ? Math.round(cost / (weekly * weeks)) : 0;
		lines.push(
			`${`${employee.number} ${displayName(personAt(employee, run))}`.padEnd(44, '.')} EUR ${euros(perHour).padStart(8)} per uur`,
		);
	}
	return buildPdf([{ lines }], {
		title: `Werkgeverslasten per uur ${run.year}`,
		creationDate: world.clock.now(),
	});
}
