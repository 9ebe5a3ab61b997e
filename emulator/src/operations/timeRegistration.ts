/**
 * Time registration (hours booked from a start to an end on a code) and timetables (a week of
 * slots from a start date). Nobody has either until a call adds some. The codes are the company's
 * hour codes, so a registration books on a code the hour components know.
 */
import type { WireValue } from '../../../nodes/Nmbrs/wire';
import { periodOf, periodRange } from '../world/calendar';
import type { Company, Employee, EmulatorUser } from '../world/model';
import { employeesOfCompany, touch, type World } from '../world/world';
import { HOUR_CODES } from '../records/codes';
import {
	NmbrsFault,
	requireCompany,
	requireEmployee,
	requirePeriod,
	requireUnprotected,
} from './faults';
import { bool, handler, int, type OperationHandler, type Params } from './params';

const invalid = (what: string) => new NmbrsFault(2030, `Invalid set of values: ${what}`);

type Fields = Record<string, WireValue>;
interface Kept {
	id: number;
	fields: Fields;
}

function keptOf(world: World, store: string, employee: Employee): Kept[] {
	const kinds = (world.kinds ??= {});
	const byEmployee = (kinds[store] ??= {});
	return (byEmployee[employee.id] ??= []) as Kept[];
}

/** A time registration code: one per hour code of the company's model. */
function codeRecord(code: (typeof HOUR_CODES)[number]): Fields {
	return {
		Id: code.code,
		TimeRegistrationItemTypeID: 1,
		Description: code.description,
		Deleted: false,
		CalculationRule: 0,
		HourType: true,
		Visible: true,
	};
}

function dateTime(value: WireValue | undefined, name: string): string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || value.startsWith('0001-'))
		throw invalid(`${name} is not a date`);
	return value.length >= 19 ? value.slice(0, 19) : `${value.slice(0, 10)}T00:00:00`;
}

/** A registration: a code of the model (else 2001), an end after its start (else 2030). */
function registration(world: World, employee: Employee, input: Params): Kept {
	const code = input.timeRegistrationCode ?? input.TimeRegistrationCode;
	const codeId = Number((code as Fields | null)?.Id ?? 0);
	const known = HOUR_CODES.find((c) => c.code === codeId);
	if (!known) throw new NmbrsFault(2001, `Invalid hour code ${codeId}`);
	const start = dateTime(input.dtmStart ?? input.DtmStart, 'dtmStart');
	const end = dateTime(input.dtmEnd ?? input.DtmEnd, 'dtmEnd');
	if (end <= start) throw invalid('the registration ends before it starts');
	const costCenterId = Number(input.costCenterId ?? input.CostCenterId ?? 0);
	return {
		id: world.nextIds.record++,
		fields: {
			DtmEnd: end,
			DtmStart: start,
			EmployeeID: employee.id,
			Status: 'Open',
			TimeRegistrationCode: codeRecord(known),
			Description: typeof input.Description === 'string' ? input.Description : null,
			CostCenterId: costCenterId || null,
		},
	};
}

const row = (r: Kept) => ({ ...r.fields, ID: r.id });

function overlaps(r: Kept, from: string, to: string): boolean {
	return String(r.fields.DtmStart) <= to && String(r.fields.DtmEnd ?? '9999') >= from;
}

function removeIn(list: Kept[], matches: (r: Kept) => boolean): number {
	const before = list.length;
	for (let i = list.length - 1; i >= 0; i--) if (matches(list[i])) list.splice(i, 1);
	return before - list.length;
}

function employeeOf(world: World, user: EmulatorUser, params: Params) {
	return requireEmployee(world, user, int(params, 'employeeId') || int(params, 'EmployeeId'));
}

function currentRange(world: World, company: Company) {
	const { year, period } = periodOf(company.periodType, world.clock.now().slice(0, 10));
	const range = periodRange(company.periodType, year, period);
	return { from: `${range.start}T00:00:00`, to: `${range.end}T23:59:59` };
}

/** A timetable: slots of a week from a start date; the one before it ends the day before. */
function timetable(world: World, employee: Employee, params: Params): Kept {
	const start = dateTime(params.startDate, 'startDate');
	const slots = Array.isArray(params.timeSlots) ? (params.timeSlots as Fields[]) : [];
	const kept = slots.map((slot) => {
		const day = Number(slot.IntDayOfWeek ?? 0);
		if (day < 0 || day > 6) throw invalid('IntDayOfWeek is 0 to 6');
		const duration = Number(slot.Duration ?? 0);
		if (!Number.isFinite(duration) || duration < 0 || duration > 24)
			throw invalid('a slot lasts 0 to 24 hours');
		return {
			ID: world.nextIds.record++,
			IntEnvironmentID: 0,
			BlnHoursWorked: slot.BlnHoursWorked === true,
			DtmEnd: slot.DtmEnd ?? null,
			DtmStart: slot.DtmStart ?? null,
			IntDayOfWeek: day,
			IntHoursRegistrationTypeID: Number(slot.IntHoursRegistrationTypeID ?? 0),
			StrDuration: `${Math.floor(duration)}:${String(Math.round((duration % 1) * 60)).padStart(2, '0')}`,
			Duration: duration,
		};
	});
	return {
		id: world.nextIds.record++,
		fields: {
			DtmStart: start,
			IntMedewerkerID: employee.id,
			IntEnvironmentID: 0,
			DtmEnd: null,
			Slots: kept as unknown as WireValue,
		},
	};
}

export const timeRegistrationHandlers: Array<[string, OperationHandler]> = [
	handler('EmployeeService.TimeRegistration_GetAll_AllTimeRegistrationCodes', () =>
		HOUR_CODES.map(codeRecord),
	),
	handler('EmployeeService.TimeRegistration_GetList', (world, { user, params }) => {
		const { employee } = employeeOf(world, user, params);
		const from = dateTime(params.dtmStart, 'dtmStart');
		const to = dateTime(params.dtmEnd, 'dtmEnd');
		return keptOf(world, 'timeRegistrations', employee)
			.filter((r) => overlaps(r, from, to))
			.map(row);
	}),
	handler('EmployeeService.TimeRegistration_Insert', (world, { user, params }) => {
		const { employee } = employeeOf(world, user, params);
		keptOf(world, 'timeRegistrations', employee).push(registration(world, employee, params));
		touch(world);
		return undefined;
	}),
	// Every model checked first: a batch with a bad one writes nothing.
	handler('EmployeeService.TimeRegistration_Insert_Batch', (world, { user, params }) => {
		const models = Array.isArray(params.models) ? (params.models as Fields[]) : [];
		const checked = models.map((model) => {
			const { employee } = requireEmployee(world, user, Number(model.EmployeeID ?? 0));
			return { employee, record: registration(world, employee, model) };
		});
		for (const { employee, record } of checked)
			keptOf(world, 'timeRegistrations', employee).push(record);
		if (checked.length > 0) touch(world);
		return undefined;
	}),
	handler('EmployeeService.TimeRegistration_Delete', (world, { user, params }) => {
		const { employee } = employeeOf(world, user, params);
		const id = int(params, 'timeRegistrationModelId');
		if (removeIn(keptOf(world, 'timeRegistrations', employee), (r) => r.id === id) === 0)
			throw new NmbrsFault(
				2046,
				`Not found: employee ${employee.id} has no time registration ${id}`,
			);
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.TimeRegistration_Delete_Batch', (world, { user, params }) => {
		const models = Array.isArray(params.models) ? (params.models as Fields[]) : [];
		for (const model of models) {
			const { employee } = requireEmployee(world, user, Number(model.EmployeeID ?? 0));
			removeIn(keptOf(world, 'timeRegistrations', employee), (r) => r.id === Number(model.ID));
		}
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.TimeRegistration_Clear', (world, { user, params }) => {
		const { employee } = employeeOf(world, user, params);
		const from = dateTime(params.startDate, 'startDate');
		const to = dateTime(params.endDate, 'endDate');
		removeIn(keptOf(world, 'timeRegistrations', employee), (r) => overlaps(r, from, to));
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.TimeRegistration_ClearCurrent', (world, { user, params }) => {
		const { employee, company } = employeeOf(world, user, params);
		const { from, to } = currentRange(world, company);
		removeIn(keptOf(world, 'timeRegistrations', employee), (r) => overlaps(r, from, to));
		touch(world);
		return undefined;
	}),
	handler('EmployeeService.TimeSchedule_GetAll', (world, { user, params }) =>
		keptOf(world, 'timeSchedules', employeeOf(world, user, params).employee).map(row),
	),
	handler('EmployeeService.TimeSchedule_GetListByPeriod', (world, { user, params }) => {
		const { employee, company } = employeeOf(world, user, params);
		const at = requirePeriod(company, int(params, 'Period'), int(params, 'Year'));
		const range = periodRange(company.periodType, at.year, at.period);
		return keptOf(world, 'timeSchedules', employee)
			.filter((r) => overlaps(r, `${range.start}T00:00:00`, `${range.end}T23:59:59`))
			.map(row);
	}),
	handler('EmployeeService.TimeSchedule_AllEmployee_GetListByPeriod', (world, { user, params }) => {
		const company = requireCompany(world, user, int(params, 'CompanyId'));
		const at = requirePeriod(company, int(params, 'Period'), int(params, 'Year'));
		const range = periodRange(company.periodType, at.year, at.period);
		return employeesOfCompany(world, company.id).map((employee) => ({
			EmployeeID: employee.id,
			TimeSchedules: keptOf(world, 'timeSchedules', employee)
				.filter((r) => overlaps(r, `${range.start}T00:00:00`, `${range.end}T23:59:59`))
				.map(row),
		}));
	}),
	handler('EmployeeService.TimeSchedule_Insert', (world, { user, params }) => {
		const { employee, company } = employeeOf(world, user, params);
		const record = timetable(world, employee, params);
		const start = String(record.fields.DtmStart);
		requireUnprotected(
			world,
			company,
			periodOf(company.periodType, start.slice(0, 10)),
			bool(params, 'UnprotectedMode'),
		);
		const list = keptOf(world, 'timeSchedules', employee);
		for (const earlier of list)
			if (earlier.fields.DtmEnd === null && String(earlier.fields.DtmStart) < start)
				earlier.fields.DtmEnd = `${start.slice(0, 10)}T00:00:00`;
		list.push(record);
		touch(world);
		return record.id;
	}),
	handler('EmployeeService.TimeSchedule_DeleteByID', (world, { user, params }) => {
		const { employee, company } = employeeOf(world, user, params);
		const id = int(params, 'TimeScheduleId');
		const list = keptOf(world, 'timeSchedules', employee);
		const found = list.find((r) => r.id === id);
		if (!found)
			throw new NmbrsFault(2046, `Not found: employee ${employee.id} has no timetable ${id}`);
		requireUnprotected(
			world,
			company,
			periodOf(company.periodType, String(found.fields.DtmStart).slice(0, 10)),
			bool(params, 'UnprotectedMode'),
		);
		removeIn(list, (r) => r.id === id);
		touch(world);
		return undefined;
	}),
];
