// What the two servers of one sandbox share.
import type { Roster } from './data/roster.js';
import type { Faults } from './faults.js';
import type { JobStore } from './jobs.js';
import type { ResolvedOptions } from './options.js';
import type { RecordedRequest } from './requests.js';
import type { UrlSigner } from './signing.js';

export interface SandboxState {
  readonly options: ResolvedOptions;
  readonly jobs: JobStore;
  readonly faults: Faults;
  readonly signer: UrlSigner;
  readonly roster: Roster;
  readonly requests: RecordedRequest[];
  /** Aborted by close(): ends stalls and background work. */
  readonly signal: AbortSignal;
  apiOrigin: string;
  storageOrigin: string;
}
