/** Every event of the trigger, in the order the editor lists them. Adding an event is one file and one line here. */
import type { TriggerEvent } from '../event';
import { payrollRunLocked } from './payrollRunLocked';
import { wageTaxDeclarationReachedStatus } from './wageTaxDeclarationReachedStatus';

export const events: readonly TriggerEvent[] = [wageTaxDeclarationReachedStatus, payrollRunLocked];
