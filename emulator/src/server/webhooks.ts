/**
 * The emulator's webhook sender: when an event happens in the world (world/events.ts), it posts to
 * every active webhook setting of the company's debtor that has the event switched on, retries a
 * failed delivery with growing pauses (a bounded number of times, as webhook senders do), and
 * keeps a bounded log of what it sent (GET /__admin/webhooks), as Nmbrs's dashlet does. The
 * payload is our own design (Nmbrs does not publish its own): see the emulator's README.
 */
import { randomUUID } from 'crypto';

import { WEBHOOK_EVENTS, listenToWorld, type WorldEvent } from '../world/events';
import { findCompany, type World } from '../world/world';

/** Pauses before the 2nd, 3rd... attempt: 5 attempts over about 3 minutes. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
/** One attempt waits this long for an answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Deliveries the log keeps; past it the oldest finished one goes. */
export const MAX_WEBHOOK_LOG = 1_000;
/** Posts in flight at once; the others wait their turn. */
const MAX_SENDING = 8;

export interface WebhookPayload {
	/** The delivery's id: the same on every attempt, so a receiver can tell a retry. */
	deliveryId: string;
	event: string;
	eventId: number;
	webhookSettingId: number;
	debtorId: number;
	companyId: number;
	/** The world clock when it happened (Dutch local time). */
	occurredAt: string;
	/** What it is about: runId / loonaangifteId / pensionExportId, year, period. */
	subject: Record<string, number | string>;
}

export interface WebhookAttempt {
	/** ISO moment (real time). */
	at: string;
	/** The HTTP status, when one came back. */
	status?: number;
	error?: string;
}

export interface WebhookDelivery {
	payload: WebhookPayload;
	endpoint: string;
	state: 'pending' | 'delivered' | 'failed';
	attempts: WebhookAttempt[];
}

export interface WebhookSenderOptions {
	retryDelaysMs?: number[];
	timeoutMs?: number;
	log?: (line: string) => void;
}

export class WebhookSender {
	private readonly log: WebhookDelivery[] = [];
	/** Events that found the log full of pending deliveries (nothing was sent for them). */
	dropped = 0;
	private sending = 0;
	private readonly waiting: Array<() => void> = [];
	private readonly timers = new Set<ReturnType<typeof setTimeout>>();
	private readonly aborts = new Set<AbortController>();
	private closed = false;
	private readonly retryDelaysMs: number[];
	private readonly timeoutMs: number;

	constructor(private readonly options: WebhookSenderOptions = {}) {
		this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
		this.timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
	}

	/** Listens to a world (again after each reset: a reset makes a new world). */
	attach(world: World): void {
		listenToWorld(world, (event) => this.happened(world, event));
	}

	list(): { count: number; dropped: number; items: WebhookDelivery[] } {
		return { count: this.log.length, dropped: this.dropped, items: this.log };
	}

	/** Forgets the finished deliveries (pending ones keep being tried). */
	clear(): void {
		const pending = this.log.filter((d) => d.state === 'pending');
		this.log.length = 0;
		this.log.push(...pending);
		this.dropped = 0;
	}

	/** Stops every retry and post in flight (the emulator is closing). */
	close(): void {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		for (const abort of this.aborts) abort.abort();
		for (const wake of this.waiting.splice(0)) wake();
	}

	private happened(world: World, event: WorldEvent): void {
		const company = findCompany(world, event.companyId);
		if (!company) return;
		const eventId = WEBHOOK_EVENTS.find((e) => e.EventName === event.event)?.EventId ?? 0;
		for (const setting of world.webhookSettings?.[String(company.debtorId)] ?? []) {
			if (!setting.active || !setting.events.some((e) => e.eventId === eventId && e.active))
				continue;
			const delivery: WebhookDelivery = {
				payload: {
					deliveryId: randomUUID(),
					event: event.event,
					eventId,
					webhookSettingId: setting.id,
					debtorId: company.debtorId,
					companyId: company.id,
					occurredAt: world.clock.now(),
					subject: event.subject,
				},
				endpoint: setting.endpoint,
				state: 'pending',
				attempts: [],
			};
			if (!this.keep(delivery)) continue;
			void this.deliver(delivery);
		}
	}

	/** Into the log, making room by dropping the oldest finished delivery; false when full. */
	private keep(delivery: WebhookDelivery): boolean {
		if (this.log.length >= MAX_WEBHOOK_LOG) {
			const finished = this.log.findIndex((d) => d.state !== 'pending');
			if (finished < 0) {
				this.dropped++;
				this.options.log?.(
					`emulator: webhook ${delivery.payload.event} for ${delivery.endpoint} not sent: ${MAX_WEBHOOK_LOG} deliveries are pending`,
				);
				return false;
			}
			this.log.splice(finished, 1);
		}
		this.log.push(delivery);
		return true;
	}

	private async deliver(delivery: WebhookDelivery): Promise<void> {
		for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
			if (attempt > 0) await this.pause(this.retryDelaysMs[attempt - 1]);
			if (this.closed) break;
			const result = await this.post(delivery, attempt + 1);
			delivery.attempts.push(result);
			if (result.status !== undefined && result.status >= 200 && result.status < 300) {
				delivery.state = 'delivered';
				return;
			}
		}
		delivery.state = 'failed';
	}

	private async post(delivery: WebhookDelivery, attempt: number): Promise<WebhookAttempt> {
		await this.turn();
		const at = new Date().toISOString();
		if (this.closed) {
			this.release();
			return { at, error: 'the emulator closed' };
		}
		const abort = new AbortController();
		this.aborts.add(abort);
		const timer = setTimeout(() => abort.abort(), this.timeoutMs);
		try {
			const response = await fetch(delivery.endpoint, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'User-Agent': 'nmbrs-emulator-webhooks',
					'X-Nmbrs-Emulator-Attempt': String(attempt),
				},
				body: JSON.stringify(delivery.payload),
				signal: abort.signal,
			});
			// The answer is not read beyond its status; drop the body.
			await response.body?.cancel().catch(() => undefined);
			return { at, status: response.status };
		} catch (error) {
			return { at, error: error instanceof Error ? error.message : String(error) };
		} finally {
			clearTimeout(timer);
			this.aborts.delete(abort);
			this.release();
		}
	}

	private release(): void {
		this.sending--;
		this.waiting.shift()?.();
	}

	/** Waits for one of the MAX_SENDING places. */
	private async turn(): Promise<void> {
		if (this.sending >= MAX_SENDING && !this.closed)
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.sending++;
	}

	private pause(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			// A retry waiting must not keep the process alive.
			timer.unref();
			this.timers.add(timer);
		});
	}
}
