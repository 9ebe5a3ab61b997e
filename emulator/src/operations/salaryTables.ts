/**
 * The company's salary table (loongebouw of its cao): scales A to E, steps 0 to 5, each with a
 * monthly amount (our figures). An employee placed on a step earns that amount: the salary
 * version from the start period is the one payslips pay.
 */
import { periodOf } from '../world/calendar';
import type { Company } from '../world/model';
import { touch } from '../world/world';
import { labourAgreementsOf, stableGuid } from '../records/storedKinds';
import {
	NmbrsFault,
	requireCompany,
	requireEmployee,
	requirePeriod,
	requireUnprotected,
} from './faults';
import { bool, handler, int, obj, str, type OperationHandler, type Params } from './params';
import type { World } from '../world/world';
import type { Loose } from './shape';

const SCALES = ['A', 'B', 'C', 'D', 'E'];
const STEPS = [0, 1, 2, 3, 4, 5];

function tableOf(company: Company) {
	const cao = labourAgreementsOf(company)[0];
	return {
		Code: cao.number,
		Description: `Loongebouw ${cao.description}`,
		GuidSalaryTable: stableGuid('salary-table', company.id),
	};
}

const base = (scale: string) => 2_150 + SCALES.indexOf(scale) * 375;

function scaleOf(company: Company, scale: string) {
	return {
		Scale: scale,
		SchaalDescription: `Schaal ${scale}`,
		ScaleValue: base(scale),
		ScalePercentageMax: 100,
		ScalePercentageMin: 0,
		GuidSalaryTableScale: stableGuid('salary-scale', company.id, scale),
	};
}

function stepOf(company: Company, scale: string, step: number) {
	return {
		Step: String(step),
		StepDescription: `Trede ${step}`,
		StepValue: Math.round(base(scale) * (1 + 0.035 * step)),
		GuidSalaryTableStep: stableGuid('salary-step', company.id, scale, step),
	};
}

/** The GUIDs of the company's salary table, its first scale and that scale's first step. */
export function salaryTableIdsOf(company: Company): { table: string; scale: string; step: string } {
	return {
		table: tableOf(company).GuidSalaryTable,
		scale: scaleOf(company, SCALES[0]).GuidSalaryTableScale,
		step: stepOf(company, SCALES[0], STEPS[0]).GuidSalaryTableStep,
	};
}

function companyAt(world: World, user: Parameters<typeof requireCompany>[1], params: Params) {
	const company = requireCompany(world, user, int(params, 'CompanyId'));
	requirePeriod(company, int(params, 'Period'), int(params, 'Year'));
	return company;
}

/** The steps of the scale a request names (by its Scale code); an unknown scale is 2030. */
function stepsOf(company: Company, params: Params) {
	const scale = String(obj(params, 'Scale')?.Scale ?? '');
	if (!SCALES.includes(scale))
		throw new NmbrsFault(
			2030,
			`Invalid set of values: the salary table has scales ${SCALES.join(', ')}`,
		);
	return STEPS.map((step) => stepOf(company, scale, step));
}

/** Places the employee on a step of the table, from the period of `start` (2011 in the past). */
function placeOnStep(
	world: World,
	user: Parameters<typeof requireCompany>[1],
	params: Params,
	start: string | null,
) {
	const { employee, company } = requireEmployee(world, user, int(params, 'EmployeeId'));
	const wanted = (name: string) => (str(params, name) ?? '').toLowerCase();
	if (wanted('SalaryTableId') !== tableOf(company).GuidSalaryTable)
		throw new NmbrsFault(2030, 'Invalid set of values: not the salary table of the company');
	const found = SCALES.flatMap((scale) =>
		scaleOf(company, scale).GuidSalaryTableScale === wanted('SalaryTableScaleId')
			? STEPS.map((step) => stepOf(company, scale, step))
			: [],
	).find((step) => step.GuidSalaryTableStep === wanted('SalaryTableStepId'));
	if (!found)
		throw new NmbrsFault(2030, 'Invalid set of values: no such scale and step in the salary table');
	const date = start ?? world.clock.now().slice(0, 10);
	const at = periodOf(company.periodType, date);
	requireUnprotected(world, company, at, bool(params, 'UnprotectedMode'));
	employee.salaries = employee.salaries.filter(
		(v) => v.startYear !== at.year || v.startPeriod !== at.period,
	);
	employee.salaries.push({
		id: world.nextIds.record++,
		startYear: at.year,
		startPeriod: at.period,
		startDate: at.start,
		creationDate: world.clock.now(),
		type: 'Bruto_Salaris_Fulltime',
		valueCents: found.StepValue * 100,
	});
	touch(world);
	return undefined;
}

/** The v1 types have no GUID. */
const v1 = (row: Record<string, Loose>, guidField: string): Record<string, Loose> =>
	Object.fromEntries(Object.entries(row).filter(([k]) => k !== guidField));

export const salaryTableHandlers: Array<[string, OperationHandler]> = [
	handler('CompanyService.SalaryTable_Get', (world, { user, params }) =>
		v1(tableOf(companyAt(world, user, params)), 'GuidSalaryTable'),
	),
	handler('CompanyService.SalaryTable2_Get', (world, { user, params }) =>
		tableOf(companyAt(world, user, params)),
	),
	handler('CompanyService.SalaryTable_GetScales', (world, { user, params }) => {
		const company = companyAt(world, user, params);
		return SCALES.map((s) => v1(scaleOf(company, s), 'GuidSalaryTableScale'));
	}),
	handler('CompanyService.SalaryTable2_GetScales', (world, { user, params }) => {
		const company = companyAt(world, user, params);
		return SCALES.map((s) => scaleOf(company, s));
	}),
	handler('CompanyService.SalaryTable_GetSteps', (world, { user, params }) =>
		stepsOf(companyAt(world, user, params), params).map((s) => v1(s, 'GuidSalaryTableStep')),
	),
	handler('CompanyService.SalaryTable2_GetSteps', (world, { user, params }) =>
		stepsOf(companyAt(world, user, params), params),
	),
	handler('EmployeeService.SalaryTable_Insert', (world, { user, params }) => {
		const start = str(params, 'StartDate');
		if (start === null || !/^\d{4}-\d{2}-\d{2}/.test(start) || start.startsWith('0001-'))
			throw new NmbrsFault(2030, 'Invalid set of values: StartDate is not a date');
		return placeOnStep(world, user, params, start.slice(0, 10));
	}),
	handler('EmployeeService.SalaryTable_InsertCurrent', (world, { user, params }) =>
		placeOnStep(world, user, params, null),
	),
];
