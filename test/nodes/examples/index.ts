/**
 * Example parameters for every operation of the action node, one file per resource. The
 * declared-calls test runs each example on the emulator: together, an operation's examples
 * must make every call it declares, and never one it does not. Add examples with a new
 * operation (a branch that makes other calls gets its own example).
 */
import type { Emulator } from '../runNode';
import { company } from './company';
import { customCall } from './customCall';
import { debtor } from './debtor';
import { employee } from './employee';
import { salaryDocument } from './salaryDocument';

/** Parameters of one run; may look things up in the emulator's world first. */
export type Example = (
	emulator: Emulator,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** resource -> operation -> examples. */
export type ResourceExamples = Record<string, Example[]>;

export const examples: Record<string, ResourceExamples> = {
	company,
	customCall,
	debtor,
	employee,
	salaryDocument,
};
