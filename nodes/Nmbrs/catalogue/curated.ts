/** What the curated entries of one service have in common, written once. */
import type { Operation, ServiceName } from './types';

/** A curated entry without what its service fills in; access, source and sourceNote may be overridden. */
export type CuratedEntry = Omit<
	Operation,
	'service' | 'auth' | 'access' | 'source' | 'sourceNote'
> &
	Partial<Pick<Operation, 'access' | 'source' | 'sourceNote'>>;

/**
 * A maker of entries for `service`: AuthHeaderWithDomain, a read, taken from the WSDL named by
 * `sourceNote`, unless the entry says otherwise (a write: `access: 'write'`).
 */
export function curatedEntries(
	service: ServiceName,
	sourceNote: string,
): (entry: CuratedEntry) => Operation {
	return (entry) => ({
		service,
		auth: 'AuthHeaderWithDomain',
		access: 'read',
		source: 'wsdl',
		sourceNote,
		...entry,
	});
}
