/**
 * One lock per Nmbrs record for the whole n8n process: a read-modify-write of a record waits for
 * any other one of the same record, from this execution or any other (two workflows, or one
 * started twice), so neither overwrites the other's change with what it read before.
 *
 * The module is loaded once per n8n process, so the table is shared by every execution in it.
 * Other processes (n8n's queue-mode workers) have tables of their own: see the README's
 * "Writes, reruns and concurrency".
 */

/** Per record key: the promise that settles when the last one queued for it is done. */
const queues = new Map<string, Promise<void>>();

/**
 * Runs `work` once every earlier holder of `key` is done, first come first served, and holds the
 * key until `work` settles (whether it succeeds or fails). Keys name a record the same way
 * everywhere: 'employee:42:personalInfo'.
 */
export async function withRecordLock<T>(key: string, work: () => Promise<T>): Promise<T> {
	const before = queues.get(key) ?? Promise.resolve();
	let release!: () => void;
	const done = new Promise<void>((resolve) => (release = resolve));
	const tail = before.then(() => done);
	queues.set(key, tail);
	await before;
	try {
		return await work();
	} finally {
		release();
		// The last holder leaves no entry behind: the table holds only records in use.
		if (queues.get(key) === tail) queues.delete(key);
	}
}

/** How many records are locked or waited for now (for tests). */
export function lockedRecordCount(): number {
	return queues.size;
}
