import { gasSend } from '@onbrand/apps-script/client';
import { createClient } from '@onbrand/shared/rpc';
import { docsContract } from '../contract';

/** Calls a server endpoint through google.script.run, typed by the contract. */
export const call = createClient(docsContract, gasSend);
