import type { OutputOf as Out } from '@onbrand/shared/rpc';
import type { figmaContract } from '../contract';

export type { FigmaEvents } from '../contract';
/** What an endpoint answers. */
export type OutputOf<K extends keyof typeof figmaContract> = Out<typeof figmaContract, K>;
