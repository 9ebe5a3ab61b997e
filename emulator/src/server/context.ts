/** What the HTTP layer, the SOAP handler and the admin API share about one running emulator. */
import type { ResolvedOperation } from '../../../nodes/Nmbrs/catalogue';
import type { ServiceName } from '../../../nodes/Nmbrs/catalogue/types';
import type { OperationHandler } from '../operations';
import type { World } from '../world';
import type { FaultInjector } from './faultInjection';
import type { RequestLog } from './requestLog';
import type { FairUseThrottle } from './throttle';
import type { WebhookSender } from './webhooks';

export interface EmulatorOptionsResolved {
	/** A SOAP 1.1 request without a known SOAPAction gets ASMX's client fault. */
	strictSoapAction: boolean;
	/** AuthHeaderWithDomain without Domain -> 1001 (Nmbrs' behaviour as far as known). */
	requireDomain: boolean;
	/** Fair use: past 150 calls per second per user, each call is delayed by 500 ms. */
	throttle: boolean;
	/** Webhook settings may post to plain http on loopback (not only https://). */
	allowHttpWebhooks: boolean;
}

export interface EmulatorContext {
	world(): World;
	handlers: Record<string, OperationHandler>;
	options: EmulatorOptionsResolved;
	throttle: FairUseThrottle;
	faults: FaultInjector;
	requestLog: RequestLog;
	/** Posts the world's events to its webhook settings and logs the deliveries. */
	webhooks: WebhookSender;
	/** ms since the epoch; injectable so tests can drive the throttle window and the log's times. */
	clockMs(): number;
	/** Waits (the fair-use delay, injected latency); injectable so tests can see a delay on their clock. */
	sleep(ms: number): Promise<void>;
	logLine(line: string): void;
	/** Every operation the catalogue knows for a service (curated first, then generated). */
	operationsOf(service: ServiceName): ResolvedOperation[];
	findOperation(service: ServiceName, name: string): ResolvedOperation | undefined;
}
