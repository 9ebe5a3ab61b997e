/**
 * The emulator's answers: one handler per 'Service.Op'. Each returns the result shaped as the
 * catalogue types it (the server serialises it with the wire codec) or throws NmbrsFault.
 */
import { companyHandlers } from './companyService';
import { debtorHandlers } from './debtorService';
import { employeeHandlers } from './employeeService';
import { hrRecordHandlers } from './hrRecords';
import { reportHandlers } from './reports';
import { employeeExtraHandlers } from './employeeExtras';
import { worldViewHandlers } from './worldViews';
import { salaryTableHandlers } from './salaryTables';
import { timeRegistrationHandlers } from './timeRegistration';
import type { OperationHandler } from './params';
import { recordHandlers } from '../records/handlers';
import { catalogue, operationKey } from '../../../nodes/Nmbrs/catalogue';

export { NmbrsFault } from './faults';
export type { OperationHandler, OperationCall } from './params';

const handWritten: Array<[string, OperationHandler]> = [
	...debtorHandlers,
	...companyHandlers,
	...employeeHandlers,
	...hrRecordHandlers,
	...reportHandlers,
	...employeeExtraHandlers,
	...worldViewHandlers,
	...salaryTableHandlers,
	...timeRegistrationHandlers,
];
const handWrittenKeys = new Set(handWritten.map(([key]) => key));

/** Hand-written handlers first; the record mechanism serves the operations they leave. */
export const handlers: Record<string, OperationHandler> = Object.fromEntries([
	...handWritten,
	...recordHandlers().filter(([key]) => !handWrittenKeys.has(key)),
]);

const curatedKeys = new Set(catalogue.operations.map(operationKey));

/** Operations served with only a generated (WSDL) catalogue entry: what Custom Call is tested on. */
export const UNCURATED_SERVED: readonly string[] = Object.keys(handlers)
	.filter((key) => !curatedKeys.has(key))
	.sort();
