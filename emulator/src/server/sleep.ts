/** Waits `ms` milliseconds (the throttle's delay, injected latency, a slow body's pieces). */
export const sleep = (ms: number): Promise<void> =>
	new Promise<void>((resolve) => setTimeout(resolve, ms));
