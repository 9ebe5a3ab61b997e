import { NmbrsError } from '../../nodes/Nmbrs/transport';

/** The NmbrsError a call fails with (anything else fails the test). */
export async function nmbrsError(promise: Promise<unknown>): Promise<NmbrsError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof NmbrsError) return error;
		throw error;
	}
	throw new Error('expected an NmbrsError');
}
