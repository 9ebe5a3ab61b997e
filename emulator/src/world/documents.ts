/**
 * Documents made on request, deterministically from the world (seed, ids, data, clock): payslip PDFs,
 * annual statements, the loonaangifte XML, SEPA credit transfers and journals. Nothing here is
 * stored, which keeps scaled worlds small and saved worlds plain JSON.
 *
 * The XML formats are our own, modelled on the real ones: a Loonaangifte-like message (Bericht,
 * AdministratieveEenheid, Tijdvak, CollectieveAangifte, NominatieveAangifte), ISO 20022
 * pain.001.001.03 for SEPA, and a simple balanced journal.
 */
import { comparePeriods, periodRange, type PeriodRef } from './calendar';
import { DECLARATION_STATUSES } from './declarations';
import { MARITAL_STATUSES } from './dutchData';
import { employmentIn, personAt, versionAt } from './history';
import type {
	Company,
	Declaration,
	DeclarationAmounts,
	DeclarationLine,
	Employee,
	PersonalData,
	Run,
} from './model';
import {
	computePayslip,
	employeesOfRun,
	incomeRelationshipNumber,
	payslipsOfPeriod,
	payslipsOfYear,
	type Payslip,
} from './payroll';
import { buildPdf, type PdfPage } from './pdf';
import { createRandom, hashSeed } from './random';
import {
	declarationsOfCompany,
	findCompany,
	findEmployee,
	runsOfCompany,
	type World,
} from './world';

/** Text escaped for an XML element or attribute. */
export function xml(text: string | number): string {
	return String(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Cents as a decimal string with two places ('1234.50'). */
export function euros(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function displayName(person: PersonalData | null): string {
	if (!person) return '';
	return [person.FirstName, person.Prefix, person.LastName].filter((part) => part).join(' ');
}

function surname(person: PersonalData | null): string {
	return [person?.Prefix, person?.LastName].filter((part) => part).join(' ');
}

// ---------------------------------------------------------------- declaration amounts

export type { DeclarationAmounts, DeclarationLine } from './model';

const amountCache = new WeakMap<
	World,
	{ revision: number; byId: Map<number, DeclarationAmounts> }
>();

function sumLines(lines: DeclarationLine[]): DeclarationAmounts {
	const total = (key: keyof DeclarationLine) => lines.reduce((acc, line) => acc + line[key], 0);
	const wageTax = total('wageTax');
	const awf = total('awf');
	const aof = total('aof');
	const whk = total('whk');
	const zvw = total('zvw');
	return {
		lines,
		collective: {
			wageForTax: total('wageForTax'),
			wageForInsurance: total('wageForInsurance'),
			wageTax,
			awf,
			aof,
			whk,
			zvw,
			totalToPay: wageTax + awf + aof + whk + zvw,
		},
	};
}

function lineFromPayslips(
	employee: Employee,
	range: { start: string; end: string },
	payslips: Payslip[],
): DeclarationLine {
	const total = (key: keyof Payslip) =>
		payslips.reduce((acc, slip) => acc + (slip[key] as number), 0);
	const whole = (cents: number) => Math.trunc(cents / 100);
	return {
		employeeId: employee.id,
		incomeRelationship: incomeRelationshipNumber(employee, range),
		wageForTax: whole(total('taxableCents')),
		wageForInsurance: whole(total('grossCents')),
		wageTax: whole(total('wageTaxCents')),
		awf: whole(total('awfCents')),
		aof: whole(total('aofCents')),
		whk: whole(total('whkCents')),
		zvw: whole(total('zvwCents')),
	};
}

/** The declaration's amounts: from the payslips of its period, or for a correction, the corrected amounts. */
export function declarationAmounts(world: World, declaration: Declaration): DeclarationAmounts {
	if (declaration.frozen) return declaration.frozen.amounts;
	let cache = amountCache.get(world);
	if (!cache || cache.revision !== world.revision) {
		cache = { revision: world.revision, byId: new Map() };
		amountCache.set(world, cache);
	}
	const cached = cache.byId.get(declaration.id);
	if (cached) return cached;
	const company = findCompany(world, declaration.companyId) as Company;
	let amounts: DeclarationAmounts;
	if (declaration.correction === null) {
		const range = periodRange(company.periodType, declaration.year, declaration.period);
		const byEmployee = new Map<number, Payslip[]>();
		for (const slip of payslipsOfPeriod(world, company.id, declaration.year, declaration.period)) {
			const list = byEmployee.get(slip.employeeId);
			if (list) list.push(slip);
			else byEmployee.set(slip.employeeId, [slip]);
		}
		amounts = sumLines(
			[...byEmployee.entries()].map(([employeeId, slips]) =>
				lineFromPayslips(findEmployee(world, employeeId) as Employee, range, slips),
			),
		);
	} else {
		// A correction adds a forgotten payment for one or two people of the corrected period.
		const { year, period } = declaration.correction;
		const range = periodRange(company.periodType, year, period);
		const random = createRandom(hashSeed(world.seed, 'correction', declaration.id));
		const paid = [
			...new Set(payslipsOfPeriod(world, company.id, year, period).map((slip) => slip.employeeId)),
		];
		const chosen = paid.slice(0, random.int(1, 2));
		amounts = sumLines(
			chosen.map((employeeId) => {
				const employee = findEmployee(world, employeeId) as Employee;
				const extra = random.int(200, 1200);
				const wageForTax = extra - Math.round(extra * 0.045);
				return {
					employeeId,
					incomeRelationship: incomeRelationshipNumber(employee, range),
					wageForTax,
					wageForInsurance: extra,
					wageTax: Math.round(wageForTax * 0.3697),
					awf: Math.round(extra * 0.0264),
					aof: Math.round(extra * 0.0618),
					whk: Math.round(extra * 0.012),
					zvw: Math.round(wageForTax * 0.0651),
				};
			}),
		);
	}
	cache.byId.set(declaration.id, amounts);
	return amounts;
}

// ---------------------------------------------------------------- what locked runs and declarations keep

/**
 * Called before a change to `from` or a later period that is earlier than the company's current
 * one (an UnprotectedMode write, an extra run in a closed period). A locked run keeps the
 * employees it paid as they were, and a locked, sent or accepted declaration keeps the amounts and
 * XML it reported: the same as at the moment they locked, since nothing before `from` changed
 * between then and now. Kept in the world's data, so a saved world keeps them too.
 */
export function freezeBeforePastChange(world: World, company: Company, from: PeriodRef): void {
	for (const declaration of declarationsOfCompany(world, company.id)) {
		if (
			declaration.frozen ||
			declaration.status === DECLARATION_STATUSES.open ||
			comparePeriods(declaration, from) < 0
		)
			continue;
		const amounts = declarationAmounts(world, declaration);
		declaration.frozen = { amounts, xml: declarationXml(world, declaration) };
	}
	for (const run of runsOfCompany(world, company.id)) {
		if (run.frozenEmployees || !run.isLocked || comparePeriods(run, from) < 0) continue;
		run.frozenEmployees = JSON.parse(JSON.stringify(employeesOfRun(world, run))) as Employee[];
	}
}

// ---------------------------------------------------------------- loonaangifte XML

/** The seven amounts of a declaration, each in its element (totals take the prefix 'Tot'). */
const AMOUNT_ELEMENTS: Array<
	[keyof DeclarationAmounts['collective'] & keyof DeclarationLine, string]
> = [
	['wageForTax', 'LnLbPh'],
	['wageForInsurance', 'LnSV'],
	['wageTax', 'LbPh'],
	['awf', 'PrAWf'],
	['aof', 'PrAof'],
	['whk', 'PrWhk'],
	['zvw', 'WghZvw'],
];

function amountElements(
	indent: string,
	prefix: string,
	amounts: DeclarationAmounts['collective'] | DeclarationLine,
): string[] {
	return AMOUNT_ELEMENTS.map(
		([key, element]) => `${indent}<${prefix}${element}>${amounts[key]}</${prefix}${element}>`,
	);
}

export function declarationXml(world: World, declaration: Declaration): string {
	if (declaration.frozen) return declaration.frozen.xml;
	const company = findCompany(world, declaration.companyId) as Company;
	const amounts = declarationAmounts(world, declaration);
	const about = declaration.correction ?? {
		year: declaration.year,
		period: declaration.period,
		start: declaration.tijdvakStart,
		end: declaration.tijdvakEnd,
	};
	const c = amounts.collective;
	const out: string[] = [];
	out.push('<?xml version="1.0" encoding="UTF-8"?>');
	out.push('<Loonaangifte xmlns="urn:nmbrs-emulator:loonaangifte:1" version="1.0">');
	out.push('  <Bericht>');
	out.push(
		`    <IdBer>${xml(`LA-${company.id}-${declaration.year}-${declaration.serialNumber}`)}</IdBer>`,
	);
	out.push(`    <Belastingjaar>${declaration.year}</Belastingjaar>`);
	out.push(`    <DatTdAanm>${xml(declaration.createdAt)}</DatTdAanm>`);
	out.push('    <NmContactpersoon>Salarisadministratie</NmContactpersoon>');
	out.push(`    <TelNrContactpersoon>${xml(company.phone)}</TelNrContactpersoon>`);
	out.push('    <Software>Nmbrs (emulator)</Software>');
	out.push('  </Bericht>');
	out.push('  <AdministratieveEenheid>');
	out.push(`    <LhNr>${xml(company.payrollTaxNumber)}</LhNr>`);
	out.push(`    <NmIP>${xml(company.name)}</NmIP>`);
	out.push('    <TijdvakAangifte>');
	out.push(`      <DatAanvTv>${declaration.tijdvakStart}</DatAanvTv>`);
	out.push(`      <DatEindTv>${declaration.tijdvakEnd}</DatEindTv>`);
	if (declaration.correction) {
		out.push('      <TijdvakCorrectie>');
		out.push(`        <DatAanvTv>${declaration.correction.start}</DatAanvTv>`);
		out.push(`        <DatEindTv>${declaration.correction.end}</DatEindTv>`);
		out.push('      </TijdvakCorrectie>');
	}
	out.push('      <CollectieveAangifte>');
	out.push(...amountElements('        ', 'Tot', c), `        <TotTeBet>${c.totalToPay}</TotTeBet>`);
	out.push('      </CollectieveAangifte>');
	for (const line of amounts.lines) {
		const employee = findEmployee(world, line.employeeId) as Employee;
		const person = personAt(employee, about);
		const employment = employmentIn(employee, about);
		const contract = employee.contracts.find(
			(k) => k.employmentSequenceTaxId === line.incomeRelationship && k.startDate <= about.end,
		);
		out.push('      <NominatieveAangifte>');
		out.push('        <Inkomstenverhouding>');
		out.push(`          <NumIV>${line.incomeRelationship}</NumIV>`);
		out.push(`          <DatAanvIKV>${employment?.startDate ?? about.start}</DatAanvIKV>`);
		if (employment?.endDate && employment.endDate <= about.end)
			out.push(`          <DatEindIKV>${employment.endDate}</DatEindIKV>`);
		out.push(`          <PersNr>${employee.number}</PersNr>`);
		out.push('        </Inkomstenverhouding>');
		out.push('        <NatuurlijkPersoon>');
		out.push(`          <SofiNr>${xml(person?.BSN ?? '')}</SofiNr>`);
		out.push(`          <Voorl>${xml((person?.Initials ?? '').replace(/\./g, ''))}</Voorl>`);
		if (person?.Prefix) out.push(`          <Voorv>${xml(person.Prefix)}</Voorv>`);
		out.push(`          <SignNm>${xml(person?.LastName ?? '')}</SignNm>`);
		out.push(`          <Gebdat>${person?.Birthday ?? ''}</Gebdat>`);
		out.push(
			`          <Gesl>${person?.Gender === 'male' ? 1 : person?.Gender === 'female' ? 2 : 0}</Gesl>`,
		);
		out.push('        </NatuurlijkPersoon>');
		out.push('        <Inkomstenperiode>');
		out.push(`          <DatAanv>${about.start}</DatAanv>`);
		out.push('          <SrtIV>15</SrtIV>');
		out.push('          <CdAard>1</CdAard>');
		out.push(`          <IndArbovOnbepTd>${contract?.indefinite ? 'J' : 'N'}</IndArbovOnbepTd>`);
		out.push('          <IndWAO>J</IndWAO><IndWW>J</IndWW><IndZW>J</IndZW>');
		out.push('          <CdZvw>K</CdZvw>');
		out.push('        </Inkomstenperiode>');
		out.push('        <Werknemersgegevens>');
		out.push(...amountElements('          ', '', line));
		out.push('        </Werknemersgegevens>');
		out.push('      </NominatieveAangifte>');
	}
	out.push('    </TijdvakAangifte>');
	out.push('  </AdministratieveEenheid>');
	out.push('</Loonaangifte>');
	return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- payslips and annual statements

function payslipPage(
	world: World,
	company: Company,
	run: Run,
	employee: Employee,
	slip: Payslip,
): PdfPage {
	const person = personAt(employee, run);
	const address = versionAt(employee.addresses, run)?.address;
	const account = versionAt(employee.bankAccounts, run)?.accounts[0];
	const range = periodRange(company.periodType, run.year, run.period);
	const lines = [
		`# Loonstrook ${run.description}`,
		`${company.name}  -  loonheffingennummer ${company.payrollTaxNumber}`,
		`${company.address.street} ${company.address.houseNumber}, ${company.address.postalCode} ${company.address.city}`,
		'',
		`Werknemer: ${displayName(person)} (personeelsnummer ${employee.number})`,
		address
			? `${address.street} ${address.houseNumber}${address.houseNumberAddition ? ` ${address.houseNumberAddition}` : ''}, ${address.postalCode} ${address.city}`
			: '',
		`BSN: ${person?.BSN ?? '-'}    Geboortedatum: ${person?.Birthday ?? '-'}`,
		`Periode: ${run.period}/${run.year} (${range.start} t/m ${range.end})`,
		'',
		...slip.lines.map(
			([label, cents]) => `${label.padEnd(40, '.')} EUR ${euros(cents).padStart(10)}`,
		),
		'',
		`Loon voor de loonheffing: EUR ${euros(slip.taxableCents)}`,
		account ? `Uitbetaald op ${account.iban} (${account.bankName})` : 'Geen bankrekening bekend',
	];
	return { lines };
}

export function payslipPdf(world: World, run: Run, employee: Employee): Buffer {
	const company = findCompany(world, run.companyId) as Company;
	const slip = computePayslip(world, run, employee);
	return buildPdf([payslipPage(world, company, run, employee, slip)], {
		title: `Loonstrook ${employee.number} ${run.year}-${run.period}`,
		creationDate: run.runAt,
	});
}

export function allPayslipsPdf(world: World, run: Run): Buffer {
	const company = findCompany(world, run.companyId) as Company;
	const pages = employeesOfRun(world, run).map((employee) =>
		payslipPage(world, company, run, employee, computePayslip(world, run, employee)),
	);
	return buildPdf(pages, {
		title: `Loonstroken ${company.name} ${run.description}`,
		creationDate: run.runAt,
	});
}

/** The jaaropgaaf of a year, or null when the employee was not paid that year. */
export function annualStatementPdf(world: World, employee: Employee, year: number): Buffer | null {
	const slips = payslipsOfYear(world, employee, year);
	if (slips.length === 0) return null;
	const company = findCompany(world, employee.companyId) as Company;
	const last = slips[slips.length - 1];
	const person = personAt(employee, { year, period: last.period });
	const total = (key: keyof Payslip) => slips.reduce((acc, slip) => acc + (slip[key] as number), 0);
	const lines = [
		`# Jaaropgaaf ${year}`,
		`Werkgever: ${company.name}`,
		`Loonheffingennummer: ${company.payrollTaxNumber}`,
		'',
		`Werknemer: ${displayName(person)} (personeelsnummer ${employee.number})`,
		`BSN: ${person?.BSN ?? '-'}    Geboortedatum: ${person?.Birthday ?? '-'}`,
		`Burgerlijke staat: ${person?.BurgerlijkeStaat !== null && person?.BurgerlijkeStaat !== undefined ? MARITAL_STATUSES[person.BurgerlijkeStaat] : '-'}`,
		'',
		`Loon voor de loonheffing ........ EUR ${euros(total('taxableCents'))}`,
		`Ingehouden loonheffing .......... EUR ${euros(total('wageTaxCents'))}`,
		`Werkgeversheffing Zvw ........... EUR ${euros(total('zvwCents'))}`,
		`Brutoloon ....................... EUR ${euros(total('grossCents'))}`,
		`Nettoloon ....................... EUR ${euros(total('netCents'))}`,
		'Loonheffingskorting toegepast: ja',
		`Aantal loonstroken: ${slips.length}`,
	];
	return buildPdf([{ lines }], {
		title: `Jaaropgaaf ${year} ${employee.number}`,
		creationDate: world.clock.now(),
	});
}

// ---------------------------------------------------------------- SEPA and journal

/** pain.001.001.03 credit transfer of the run's net salaries. `paymentDate` 'YYYY-MM-DD' or null (period end). */
export function sepaXml(world: World, run: Run, paymentDate: string | null): string {
	const company = findCompany(world, run.companyId) as Company;
	const date = paymentDate ?? periodRange(company.periodType, run.year, run.period).end;
	const transfers = employeesOfRun(world, run)
		.map((employee) => ({
			employee,
			slip: computePayslip(world, run, employee),
			account: versionAt(employee.bankAccounts, run)?.accounts[0],
		}))
		.filter((t) => t.slip.netCents > 0 && t.account !== undefined);
	const sum = euros(transfers.reduce((acc, t) => acc + t.slip.netCents, 0));
	const messageId = `NMBRS-${company.id}-${run.id}`;
	const out: string[] = [];
	out.push('<?xml version="1.0" encoding="UTF-8"?>');
	out.push(
		'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
	);
	out.push('  <CstmrCdtTrfInitn>');
	out.push('    <GrpHdr>');
	out.push(`      <MsgId>${messageId}</MsgId>`);
	out.push(`      <CreDtTm>${world.clock.now()}</CreDtTm>`);
	out.push(`      <NbOfTxs>${transfers.length}</NbOfTxs>`);
	out.push(`      <CtrlSum>${sum}</CtrlSum>`);
	out.push(`      <InitgPty><Nm>${xml(company.name)}</Nm></InitgPty>`);
	out.push('    </GrpHdr>');
	out.push('    <PmtInf>');
	out.push(`      <PmtInfId>${messageId}-SAL</PmtInfId>`);
	out.push('      <PmtMtd>TRF</PmtMtd>');
	out.push('      <BtchBookg>true</BtchBookg>');
	out.push(`      <NbOfTxs>${transfers.length}</NbOfTxs>`);
	out.push(`      <CtrlSum>${sum}</CtrlSum>`);
	out.push(
		'      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><CtgyPurp><Cd>SALA</Cd></CtgyPurp></PmtTpInf>',
	);
	out.push(`      <ReqdExctnDt>${date}</ReqdExctnDt>`);
	out.push(`      <Dbtr><Nm>${xml(company.name)}</Nm></Dbtr>`);
	out.push(`      <DbtrAcct><Id><IBAN>${company.iban}</IBAN></Id></DbtrAcct>`);
	out.push(`      <DbtrAgt><FinInstnId><BIC>${company.bic}</BIC></FinInstnId></DbtrAgt>`);
	out.push('      <ChrgBr>SLEV</ChrgBr>');
	for (const { employee, slip, account } of transfers) {
		const person = personAt(employee, run);
		out.push('      <CdtTrfTxInf>');
		out.push(`        <PmtId><EndToEndId>${run.id}-${employee.number}</EndToEndId></PmtId>`);
		out.push(`        <Amt><InstdAmt Ccy="EUR">${euros(slip.netCents)}</InstdAmt></Amt>`);
		out.push(`        <CdtrAgt><FinInstnId><BIC>${account?.bic}</BIC></FinInstnId></CdtrAgt>`);
		out.push(
			`        <Cdtr><Nm>${xml(`${person?.Initials ?? ''} ${surname(person)}`.trim())}</Nm></Cdtr>`,
		);
		out.push(`        <CdtrAcct><Id><IBAN>${account?.iban}</IBAN></Id></CdtrAcct>`);
		out.push(
			`        <RmtInf><Ustrd>${xml(`Salaris ${run.description.replace(/^Verloning /, '')} pnr ${employee.number}`)}</Ustrd></RmtInf>`,
		);
		out.push('      </CdtTrfTxInf>');
	}
	out.push('    </PmtInf>');
	out.push('  </CstmrCdtTrfInitn>');
	out.push('</Document>');
	return `${out.join('\n')}\n`;
}

/**
 * How a journal splits its cost lines: per cost centre (the company journal), cost centre and cost
 * unit (no employee has a cost unit: it stays empty), department, or employee.
 */
export type JournalSplit = 'costCenter' | 'costCenterCostUnit' | 'department' | 'employee';

const SPLIT_ELEMENT: Record<JournalSplit, string> = {
	costCenter: 'CostCenter',
	costCenterCostUnit: 'CostCenter',
	department: 'Department',
	employee: 'EmployeeNumber',
};

/** What a cost line of an employee is booked on, as the split names it. */
function splitKey(world: World, run: Run, employee: Employee, split: JournalSplit): string {
	if (split === 'employee') return String(employee.number);
	if (split !== 'department') return employee.costCenterCode;
	const refId = versionAt(employee.departments, run)?.refId;
	const company = findCompany(world, run.companyId);
	const debtor = world.debtors.find((d) => d.id === company?.debtorId);
	return String(debtor?.departments.find((d) => d.id === refId)?.code ?? '');
}

/**
 * Journal entries of a run: costs per cost centre (or department, or employee) on the debit side,
 * liabilities on the credit side; they balance. `only`: one employee's share.
 */
export function journalXml(
	world: World,
	run: Run,
	split: JournalSplit = 'costCenter',
	only?: number,
): string {
	const company = findCompany(world, run.companyId) as Company;
	const paid = employeesOfRun(world, run).filter((e) => only === undefined || e.id === only);
	const slips = paid.map((employee) => ({
		employee,
		slip: computePayslip(world, run, employee),
	}));
	const debit = new Map<
		string,
		{ ledger: string; name: string; costCenter: string; cents: number }
	>();
	const addDebit = (ledger: string, name: string, costCenter: string, cents: number) => {
		const key = `${ledger}|${costCenter}`;
		const entry = debit.get(key) ?? { ledger, name, costCenter, cents: 0 };
		entry.cents += cents;
		debit.set(key, entry);
	};
	let wageTaxAndPremiums = 0;
	let pension = 0;
	let net = 0;
	for (const { employee, slip } of slips) {
		const premiums = slip.awfCents + slip.aofCents + slip.whkCents + slip.zvwCents;
		const key = splitKey(world, run, employee, split);
		addDebit('4000', 'Brutolonen', key, slip.grossCents);
		addDebit('4100', 'Sociale lasten werkgever', key, premiums);
		addDebit('4200', 'Pensioenlasten werkgever', key, slip.pensionEmployerCents);
		wageTaxAndPremiums += slip.wageTaxCents + premiums;
		pension += slip.pensionEmployeeCents + slip.pensionEmployerCents;
		net += slip.netCents;
	}
	const debits = [...debit.values()].sort(
		(a, b) => a.ledger.localeCompare(b.ledger) || a.costCenter.localeCompare(b.costCenter),
	);
	const credits = [
		{ ledger: '1600', name: 'Af te dragen loonheffingen en premies', cents: wageTaxAndPremiums },
		{ ledger: '1610', name: 'Af te dragen pensioenpremies', cents: pension },
		{ ledger: '1620', name: 'Netto lonen te betalen', cents: net },
	];
	const totalDebit = debits.reduce((acc, d) => acc + d.cents, 0);
	const totalCredit = credits.reduce((acc, c) => acc + c.cents, 0);
	const range = periodRange(company.periodType, run.year, run.period);
	const element = SPLIT_ELEMENT[split];
	const bookedOn = (key: string) =>
		`<${element}>${xml(key)}</${element}>${split === 'costCenterCostUnit' ? '<CostUnit></CostUnit>' : ''}`;
	const out: string[] = [];
	out.push('<?xml version="1.0" encoding="UTF-8"?>');
	out.push('<Journal>');
	out.push(`  <Company><Id>${company.id}</Id><Name>${xml(company.name)}</Name></Company>`);
	out.push(
		`  <Run><Id>${run.id}</Id><Number>${run.number}</Number><Year>${run.year}</Year><Period>${run.period}</Period><Description>${xml(run.description)}</Description></Run>`,
	);
	out.push(`  <EntryDate>${range.end}</EntryDate>`);
	out.push('  <Lines>');
	for (const d of debits) {
		out.push(
			`    <Line><Ledger>${d.ledger}</Ledger><Description>${xml(d.name)}</Description>${bookedOn(d.costCenter)}<Debit>${euros(d.cents)}</Debit><Credit>0.00</Credit></Line>`,
		);
	}
	for (const c of credits) {
		out.push(
			`    <Line><Ledger>${c.ledger}</Ledger><Description>${xml(c.name)}</Description>${bookedOn('')}<Debit>0.00</Debit><Credit>${euros(c.cents)}</Credit></Line>`,
		);
	}
	out.push('  </Lines>');
	out.push(`  <TotalDebit>${euros(totalDebit)}</TotalDebit>`);
	out.push(`  <TotalCredit>${euros(totalCredit)}</TotalCredit>`);
	out.push('</Journal>');
	return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- year-end documents (jaarwerk)

/** The year-end reports, keyed by the part of the operation name after `SalaryDocuments_AnnualDocument_`. */
const ANNUAL_REPORT_TITLES: Record<string, string> = {
	AnualStatement: 'Jaaropgaven',
	CompanyWageComponentsCumulative: 'Looncomponenten bedrijf cumulatief',
	JournalEntriesCompanyrCumulative: 'Journaalposten bedrijf cumulatief',
	JournalEntriesCostCenterCumulative: 'Journaalposten per kostenplaats cumulatief',
	JournalEntriesDepartmentCumulative: 'Journaalposten per afdeling cumulatief',
	JournalEntriesEmployeeCumulative: 'Journaalposten per werknemer cumulatief',
	LeaveSaldos: 'Verlofsaldi',
	PaymentListCumulative: 'Betaallijst cumulatief',
	PayrollRegister: 'Loonjournaal',
	PayrollRegisterAllEmployees: 'Loonjournaal alle werknemers',
	PayrollRegisterSummaryCumulative: 'Loonjournaal samenvatting cumulatief',
	ReservationSaldos: 'Reserveringssaldi',
	SentWageTaxDeclarations: 'Verzonden loonaangiften',
	WageTaxDeclarationOverviewByPeriod: 'Overzicht loonaangiften per periode',
	WageTaxDeclarationOverviewCumulative: 'Overzicht loonaangiften cumulatief',
};

export const ANNUAL_REPORTS: readonly string[] = Object.keys(ANNUAL_REPORT_TITLES);

function amountLine(label: string, cents: number): string {
	return `${label.padEnd(44, '.')} EUR ${euros(cents).padStart(12)}`;
}

/**
 * A year-end report of a company (`report` as in ANNUAL_REPORTS), cumulative over the runs of the
 * run's year up to and including it: the payslips, declarations and balances it sums are the
 * world's own, so the figures agree with the payslips, journals and declarations.
 */
export function annualDocumentPdf(world: World, run: Run, report: string): Buffer {
	const title = ANNUAL_REPORT_TITLES[report];
	if (title === undefined) throw new Error(`no year-end report ${report}`);
	const company = findCompany(world, run.companyId) as Company;
	const runs = runsOfCompany(world, company.id).filter(
		(r) =>
			r.year === run.year &&
			comparePeriods(r, run) <= 0 &&
			(r.period < run.period || r.number <= run.number),
	);
	const slips = runs.flatMap((r) =>
		employeesOfRun(world, r).map((employee) => ({
			employee,
			run: r,
			slip: computePayslip(world, r, employee),
		})),
	);
	const sum = (list: typeof slips, key: keyof Payslip) =>
		list.reduce((acc, { slip }) => acc + (slip[key] as number), 0);
	const header = [
		`# ${title} ${run.year}`,
		`${company.name}  -  loonheffingennummer ${company.payrollTaxNumber}`,
		`Tot en met ${run.description} (run ${run.number}, periode ${run.period}/${run.year})${run.isLocked ? '' : '  -  LET OP: run niet afgesloten'}`,
		'',
	];
	const byEmployee = new Map<number, typeof slips>();
	for (const entry of slips) {
		const list = byEmployee.get(entry.employee.id) ?? [];
		list.push(entry);
		byEmployee.set(entry.employee.id, list);
	}
	const employeeName = (employee: Employee) =>
		`${employee.number} ${displayName(personAt(employee, run))}`;
	const pages: PdfPage[] = [];
	const perEmployee = (
		lines: (list: typeof slips) => string[],
		only: typeof slips = slips,
	): string[] => {
		const out: string[] = [];
		const seen = new Set<number>();
		for (const { employee } of only) {
			if (seen.has(employee.id)) continue;
			seen.add(employee.id);
			out.push(
				`Werknemer ${employeeName(employee)}`,
				...lines(byEmployee.get(employee.id) ?? []),
				'',
			);
		}
		return out;
	};
	const totals = (list: typeof slips) => [
		amountLine('Brutoloon', sum(list, 'grossCents')),
		amountLine('Pensioenpremie werknemer', sum(list, 'pensionEmployeeCents')),
		amountLine('Loon voor de loonheffing', sum(list, 'taxableCents')),
		amountLine('Loonheffing', sum(list, 'wageTaxCents')),
		amountLine('Nettoloon', sum(list, 'netCents')),
	];
	const employerCosts = (list: typeof slips) => [
		amountLine('Pensioenpremie werkgever', sum(list, 'pensionEmployerCents')),
		amountLine('Premie AWf', sum(list, 'awfCents')),
		amountLine('Premie Aof', sum(list, 'aofCents')),
		amountLine('Premie Whk', sum(list, 'whkCents')),
		amountLine('Werkgeversheffing Zvw', sum(list, 'zvwCents')),
	];
	let body: string[];
	switch (report) {
		case 'AnualStatement':
			for (const [employeeId, list] of byEmployee) {
				const employee = findEmployee(world, employeeId) as Employee;
				pages.push({
					lines: [
						...header,
						`Werknemer: ${employeeName(employee)}`,
						`BSN: ${personAt(employee, run)?.BSN ?? '-'}`,
						...totals(list),
						`Aantal loonstroken: ${list.length}`,
					],
				});
			}
			body = [];
			break;
		case 'PayrollRegister':
			body = perEmployee(
				totals,
				slips.filter((s) => s.run.id === run.id),
			);
			break;
		case 'PayrollRegisterAllEmployees':
			body = perEmployee(totals);
			break;
		case 'PayrollRegisterSummaryCumulative':
		case 'CompanyWageComponentsCumulative':
			body = [
				...totals(slips),
				'',
				...employerCosts(slips),
				'',
				`Aantal loonstroken: ${slips.length}`,
			];
			break;
		case 'PaymentListCumulative':
			body = perEmployee((list) => [
				amountLine('Uitbetaald netto', sum(list, 'netCents')),
				`Betalingen: ${list.length}`,
			]);
			break;
		case 'JournalEntriesCompanyrCumulative':
			body = [
				amountLine('4000 Brutolonen (debet)', sum(slips, 'grossCents')),
				amountLine(
					'4100 Sociale lasten werkgever (debet)',
					sum(slips, 'awfCents') +
						sum(slips, 'aofCents') +
						sum(slips, 'whkCents') +
						sum(slips, 'zvwCents'),
				),
				amountLine('4200 Pensioenlasten werkgever (debet)', sum(slips, 'pensionEmployerCents')),
				amountLine('1620 Netto lonen te betalen (credit)', sum(slips, 'netCents')),
			];
			break;
		case 'JournalEntriesCostCenterCumulative':
		case 'JournalEntriesDepartmentCumulative': {
			const groups = new Map<string, typeof slips>();
			for (const entry of slips) {
				const key =
					report === 'JournalEntriesCostCenterCumulative'
						? `Kostenplaats ${entry.employee.costCenterCode}`
						: `Afdeling ${versionAt(entry.employee.departments, { year: entry.run.year, period: entry.run.period })?.refId ?? '-'}`;
				groups.set(key, [...(groups.get(key) ?? []), entry]);
			}
			body = [...groups.entries()]
				.sort(([a], [b]) => a.localeCompare(b))
				.flatMap(([key, list]) => [
					key,
					amountLine('4000 Brutolonen (debet)', sum(list, 'grossCents')),
					amountLine('4200 Pensioenlasten werkgever (debet)', sum(list, 'pensionEmployerCents')),
					'',
				]);
			break;
		}
		case 'JournalEntriesEmployeeCumulative':
			body = perEmployee((list) => [
				amountLine('4000 Brutolonen (debet)', sum(list, 'grossCents')),
				amountLine('1620 Netto lonen te betalen (credit)', sum(list, 'netCents')),
			]);
			break;
		case 'LeaveSaldos':
		case 'ReservationSaldos':
			body = perEmployee((list) =>
				report === 'LeaveSaldos'
					? [`Opgebouwd verlof: ${(list.length * (200 / 12)).toFixed(2)} uur`]
					: [
							amountLine(
								'Reservering vakantiegeld (8%)',
								Math.round(sum(list, 'grossCents') * 0.08),
							),
						],
			);
			break;
		default: {
			// The three wage tax declaration reports.
			const declarations = declarationsOfCompany(world, company.id)
				.filter((d) => d.year === run.year && d.period <= run.period)
				.filter(
					(d) => report !== 'SentWageTaxDeclarations' || d.status !== DECLARATION_STATUSES.open,
				);
			const lines = declarations.map((d) => {
				const c = declarationAmounts(world, d).collective;
				return `Periode ${String(d.period).padStart(2)} ${d.status.padEnd(14)} loonheffing EUR ${String(c.wageTax).padStart(8)}  te betalen EUR ${String(c.totalToPay).padStart(8)}`;
			});
			const total = declarations.reduce(
				(acc, d) => acc + declarationAmounts(world, d).collective.totalToPay,
				0,
			);
			body =
				report === 'WageTaxDeclarationOverviewCumulative'
					? [`Aangiften: ${declarations.length}`, `Totaal te betalen: EUR ${total}`]
					: [...lines, '', `Totaal te betalen: EUR ${total}`];
		}
	}
	if (pages.length === 0) pages.push({ lines: [...header, ...body] });
	return buildPdf(pages, {
		title: `${title} ${company.name} ${run.year}`,
		creationDate: run.runAt,
	});
}
