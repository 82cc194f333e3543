// Providers never touch the network. They describe requests as effects; a driver carries them out
// with the host's transport: fetch in Node, Figma and the browser, UrlFetchApp in Apps Script.
// Apps Script has no setTimeout and its handlers must answer synchronously, so there is a synchronous
// driver too, and waiting is an effect the host performs (Utilities.sleep there).

export interface HttpRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body: string;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Sends one request. It rejects (or throws) on a network failure or its own timeout. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
export type SyncTransport = (request: HttpRequest) => HttpResponse;
export type Sleep = (ms: number) => Promise<void>;
export type SyncSleep = (ms: number) => void;

export type Effect = { type: 'http'; request: HttpRequest } | { type: 'sleep'; ms: number };
/** A failed delivery; `refused` when the host will never send it, so retrying cannot help. */
export type Delivery = { ok: true; response: HttpResponse } | { ok: false; error: string; refused?: true };

/**
 * What a transport throws when its host refuses a request outright rather than failing to deliver
 * it: Apps Script's fetch allowlist or a permission the script lacks. It is never retried.
 */
export class RequestRefused extends Error {
  readonly refused = true;
}

/** A computation that performs effects and returns T. */
export type Flow<T> = Generator<Effect, T, Delivery | undefined>;

/** Asks the driver to send a request; a transport failure comes back as a value. */
export function* send(request: HttpRequest): Flow<Delivery> {
  return (yield { type: 'http', request }) as Delivery;
}

/** Asks the driver to wait. */
export function* pause(ms: number): Flow<void> {
  yield { type: 'sleep', ms };
}

function failure(error: unknown): Delivery {
  const message = error instanceof Error ? error.message : String(error);
  // Checked by its mark rather than instanceof, in case a bundle holds two copies of the class.
  return (error as { refused?: unknown } | null)?.refused === true ? { ok: false, error: message, refused: true } : { ok: false, error: message };
}

const noTransport: Delivery = { ok: false, error: 'no transport was given' };

async function perform(effect: Effect, transport: Transport | undefined, sleep: Sleep | undefined): Promise<Delivery | undefined> {
  if (effect.type === 'sleep') return void (await sleep?.(effect.ms));
  if (!transport) return noTransport;
  try {
    return { ok: true, response: await transport(effect.request) };
  } catch (error) {
    return failure(error);
  }
}

function performSync(effect: Effect, transport: SyncTransport | undefined, sleep: SyncSleep | undefined): Delivery | undefined {
  if (effect.type === 'sleep') return void sleep?.(effect.ms);
  if (!transport) return noTransport;
  try {
    return { ok: true, response: transport(effect.request) };
  } catch (error) {
    return failure(error);
  }
}

/** Runs a flow with an asynchronous transport. Without `sleep`, waits are skipped. */
export async function runFlow<T>(flow: Flow<T>, transport: Transport | undefined, sleep?: Sleep): Promise<T> {
  let step = flow.next();
  while (!step.done) step = flow.next(await perform(step.value, transport, sleep));
  return step.value;
}

/** Runs a flow with a synchronous transport (Apps Script's UrlFetchApp). */
export function runFlowSync<T>(flow: Flow<T>, transport: SyncTransport | undefined, sleep?: SyncSleep): T {
  let step = flow.next();
  while (!step.done) step = flow.next(performSync(step.value, transport, sleep));
  return step.value;
}
