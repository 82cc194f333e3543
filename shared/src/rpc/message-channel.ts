import type { RpcResult } from './contract';
import type { Send } from './client';

// The envelopes that carry RPC over a postMessage-like pipe (Figma's UI ⇄ main thread).
// Only plain, structured-cloneable data travels: ids, names and JSON values.
export interface RequestMessage {
  kind: 'rpc-request';
  id: number;
  endpoint: string;
  input: unknown;
}
export interface ResponseMessage {
  kind: 'rpc-response';
  id: number;
  result: RpcResult;
}
/** A push from host to UI, such as progress; typed per surface by an events map. */
export interface EventMessage {
  kind: 'event';
  name: string;
  payload: unknown;
}
export type ChannelMessage = RequestMessage | ResponseMessage | EventMessage;

export function isChannelMessage(value: unknown): value is ChannelMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'rpc-request' || kind === 'rpc-response' || kind === 'event';
}

/** The UI end: `send` for createClient, and `receive` to feed every incoming message. */
export function createChannelClient(post: (message: RequestMessage) => void, onEvent: (name: string, payload: unknown) => void = () => {}) {
  let nextId = 1;
  const pending = new Map<number, (result: RpcResult) => void>();
  const send: Send = (endpoint, input) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      post({ kind: 'rpc-request', id, endpoint, input });
    });
  function receive(message: unknown): void {
    if (!isChannelMessage(message)) return;
    if (message.kind === 'event') onEvent(message.name, message.payload);
    if (message.kind !== 'rpc-response') return;
    const resolve = pending.get(message.id);
    pending.delete(message.id);
    resolve?.(message.result);
  }
  return { send, receive };
}

/** The host end: answers each request with its dispatcher's result, echoing the id. */
export function createChannelServer(dispatch: (endpoint: string, input: unknown) => Promise<RpcResult>, post: (message: ResponseMessage | EventMessage) => void) {
  async function receive(message: unknown): Promise<void> {
    if (!isChannelMessage(message) || message.kind !== 'rpc-request') return;
    post({ kind: 'rpc-response', id: message.id, result: await dispatch(message.endpoint, message.input) });
  }
  function emit(name: string, payload: unknown): void {
    post({ kind: 'event', name, payload });
  }
  return { receive, emit };
}
