/** World records in the shapes the catalogue gives them on the wire (shared by handlers and admin API). */
import type { Declaration, Run } from './model';
import { declarationAmounts } from './documents';
import type { World } from './world';

export interface RunInfo {
	ID: number;
	Number: number;
	Year: number;
	PeriodStart: number;
	PeriodEnd: number;
	Description: string;
	RunAt: string;
	IsLocked: boolean;
	[field: string]: string | number | boolean | null;
}

export function runInfo(run: Run): RunInfo {
	return {
		ID: run.id,
		Number: run.number,
		Year: run.year,
		PeriodStart: run.period,
		PeriodEnd: run.period,
		Description: run.description,
		RunAt: run.runAt,
		IsLocked: run.isLocked,
	};
}

/** A declaration as CompanyService.WageTax_GetList returns it (TotalGeneral in whole euros). */
export function wageTaxRecord(
	world: World,
	declaration: Declaration,
): Record<string, string | number | null> {
	return {
		LoonaangifteID: declaration.id,
		SerialNumber: declaration.serialNumber,
		PaymentReference: declaration.paymentReference,
		TotalGeneral: declarationAmounts(world, declaration).collective.totalToPay,
		Period: declaration.period,
		Year: declaration.year,
		Status: declaration.status,
		SentAt: declaration.sentAt,
		TijdvakStart: declaration.tijdvakStart,
		TijdvakEnd: declaration.tijdvakEnd,
		CorrectionTijdvakStart: declaration.correction?.start ?? null,
		CorrectionTijdvakEnd: declaration.correction?.end ?? null,
	};
}
