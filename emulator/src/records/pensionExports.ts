/**
 * Pension exports (pensioenaangifte): one per locked run, made from what the run paid, so nothing
 * is stored and the exports follow the runs as the clock moves. The pension base and premiums are
 * the payslips' (payroll.ts: premiums over the gross wage, no franchise), so the export, the
 * payslips and the journal agree to the cent.
 *
 * Assumed (Nmbrs publishes neither): the statuses and their timing, and the XML layout, which is
 * our own, modelled on the Dutch UPA pension declaration (Bericht, Werkgever, Tijdvak, a
 * Werknemer per employee with Inkomstenverhouding and Pensioen, Totalen).
 */
import { addDays, dateTimeOf, periodRange } from '../world/calendar';
import { euros, xml } from '../world/documents';
import { employmentIn, personAt, versionAt } from '../world/history';
import type { Company, Run } from '../world/model';
import { computePayslip, employeesOfRun, incomeRelationshipNumber } from '../world/payroll';
import { findRun, runsOfCompany, type World } from '../world/world';

/** Our guess at the status strings, in one place. */
export const PENSION_EXPORT_STATUSES = { created: 'created', sent: 'sent' } as const;

/** Export ids are the run's id plus this (one export per run; unique across the world). */
const ID_OFFSET = 300_000;

export interface PensionExport {
	id: number;
	run: Run;
	/** Numbered per company and year, in period order. */
	serialNumber: number;
	status: string;
	createdAt: string;
	sentAt: string | null;
}

/** Made when the run's period has ended (as its run locks), sent to the fund ten days later. */
function timeline(company: Company, run: Run): { created: string; sent: string } {
	const end = periodRange(company.periodType, run.year, run.period).end;
	return {
		created: dateTimeOf(addDays(end, 1), '06:00:00'),
		sent: dateTimeOf(addDays(end, 10), '10:00:00'),
	};
}

export function pensionExportsOf(world: World, company: Company, year: number): PensionExport[] {
	const now = world.clock.now();
	return runsOfCompany(world, company.id)
		.filter((run) => run.isLocked && run.year === year)
		.sort((a, b) => a.period - b.period || a.number - b.number || a.id - b.id)
		.map((run, i) => {
			const { created, sent } = timeline(company, run);
			const isSent = now >= sent;
			return {
				id: run.id + ID_OFFSET,
				run,
				serialNumber: i + 1,
				status: isSent ? PENSION_EXPORT_STATUSES.sent : PENSION_EXPORT_STATUSES.created,
				// A run locked early (admin API) has its export made then.
				createdAt: created < run.runAt ? run.runAt : created,
				sentAt: isSent ? sent : null,
			};
		});
}

export function findPensionExport(
	world: World,
	company: Company,
	id: number,
): PensionExport | undefined {
	const run = findRun(world, id - ID_OFFSET);
	if (!run || run.companyId !== company.id || !run.isLocked) return undefined;
	return pensionExportsOf(world, company, run.year).find((e) => e.id === id);
}

export function pensionExportXml(world: World, company: Company, pension: PensionExport): string {
	const { run } = pension;
	const range = periodRange(company.periodType, run.year, run.period);
	const lines = employeesOfRun(world, run).map((employee) => ({
		employee,
		slip: computePayslip(world, run, employee),
	}));
	const total = (pick: (slip: (typeof lines)[number]['slip']) => number) =>
		euros(lines.reduce((sum, { slip }) => sum + pick(slip), 0));
	const out: string[] = [];
	out.push('<?xml version="1.0" encoding="UTF-8"?>');
	out.push('<Pensioenaangifte xmlns="urn:nmbrs-emulator:pensioenaangifte:1" version="1.0">');
	out.push('  <Bericht>');
	out.push(`    <IdBer>${xml(`PA-${company.id}-${run.year}-${pension.serialNumber}`)}</IdBer>`);
	out.push(`    <DatTdAanm>${pension.createdAt}</DatTdAanm>`);
	out.push('    <Software>Nmbrs (emulator)</Software>');
	out.push('  </Bericht>');
	out.push('  <Werkgever>');
	out.push(`    <LhNr>${xml(company.payrollTaxNumber)}</LhNr>`);
	out.push(`    <KvKNr>${xml(company.kvkNumber)}</KvKNr>`);
	out.push(`    <Naam>${xml(company.name)}</Naam>`);
	out.push('  </Werkgever>');
	out.push('  <Tijdvak>');
	out.push(`    <DatAanvTv>${range.start}</DatAanvTv>`);
	out.push(`    <DatEindTv>${range.end}</DatEindTv>`);
	out.push(`    <Verloning>${xml(run.description)}</Verloning>`);
	out.push('  </Tijdvak>');
	for (const { employee, slip } of lines) {
		const person = personAt(employee, run);
		const employment = employmentIn(employee, range);
		const schedule = versionAt(employee.schedules, run);
		out.push('  <Werknemer>');
		out.push(`    <PersNr>${employee.number}</PersNr>`);
		out.push(`    <SofiNr>${xml(person?.BSN ?? '')}</SofiNr>`);
		out.push(`    <Voorl>${xml((person?.Initials ?? '').replace(/\./g, ''))}</Voorl>`);
		if (person?.Prefix) out.push(`    <Voorv>${xml(person.Prefix)}</Voorv>`);
		out.push(`    <SignNm>${xml(person?.LastName ?? '')}</SignNm>`);
		out.push(`    <Gebdat>${person?.Birthday ?? ''}</Gebdat>`);
		out.push('    <Inkomstenverhouding>');
		out.push(`      <NumIV>${incomeRelationshipNumber(employee, range)}</NumIV>`);
		out.push(`      <DatAanvIKV>${employment?.startDate ?? range.start}</DatAanvIKV>`);
		if (employment?.endDate && employment.endDate <= range.end)
			out.push(`      <DatEindIKV>${employment.endDate}</DatEindIKV>`);
		out.push('    </Inkomstenverhouding>');
		out.push('    <Pensioen>');
		out.push(
			`      <Deeltijdpercentage>${schedule?.parttimePercentage ?? 100}</Deeltijdpercentage>`,
		);
		out.push(`      <PensioengevendLoon>${euros(slip.grossCents)}</PensioengevendLoon>`);
		out.push(`      <Pensioengrondslag>${euros(slip.grossCents)}</Pensioengrondslag>`);
		out.push(`      <PremieWn>${euros(slip.pensionEmployeeCents)}</PremieWn>`);
		out.push(`      <PremieWg>${euros(slip.pensionEmployerCents)}</PremieWg>`);
		out.push(
			`      <PremieTot>${euros(slip.pensionEmployeeCents + slip.pensionEmployerCents)}</PremieTot>`,
		);
		out.push('    </Pensioen>');
		out.push('  </Werknemer>');
	}
	out.push('  <Totalen>');
	out.push(`    <AantWn>${lines.length}</AantWn>`);
	out.push(`    <TotPensioengevendLoon>${total((s) => s.grossCents)}</TotPensioengevendLoon>`);
	out.push(`    <TotPremieWn>${total((s) => s.pensionEmployeeCents)}</TotPremieWn>`);
	out.push(`    <TotPremieWg>${total((s) => s.pensionEmployerCents)}</TotPremieWg>`);
	out.push(
		`    <TotPremie>${total((s) => s.pensionEmployeeCents + s.pensionEmployerCents)}</TotPremie>`,
	);
	out.push('  </Totalen>');
	out.push('</Pensioenaangifte>');
	return `${out.join('\n')}\n`;
}
