import { describe, expect, it } from 'vitest';
import * as z from '../../../shared/src/zod';
import { createChannelClient, createChannelServer, createClient, createDispatcher, createSyncDispatcher, defineContract, RpcCallError, RpcFailure } from '../../../shared/src/rpc';

const contract = defineContract({
  greet: { input: z.object({ name: z.string() }), output: z.object({ greeting: z.string() }) },
  fail: { input: z.object({}), output: z.object({}) },
  lie: { input: z.object({}), output: z.object({ count: z.number() }) },
});

const handlers = {
  greet: ({ name }: { name: string }) => ({ greeting: `Hello, ${name}` }),
  fail: () => {
    throw new RpcFailure('no_selection', 'Select a frame first.');
  },
  lie: () => ({ count: 'many' }) as unknown as { count: number },
};

describe('the RPC dispatcher', () => {
  const dispatch = createDispatcher(contract, handlers);

  it('validates input and answers with the handler value', async () => {
    expect(await dispatch('greet', { name: 'Ada' })).toEqual({ ok: true, value: { greeting: 'Hello, Ada' } });
  });

  it('names the endpoint and the bad field when input is wrong', async () => {
    const result = await dispatch('greet', { name: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(!result.ok && result.error.message).toMatch(/^greet: name: Invalid input: expected string, received number/);
  });

  it('refuses endpoints outside the contract, including inherited object keys', async () => {
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_endpoint' } });
  });

  it('passes a failure the user can act on through with its code', async () => {
    expect(await dispatch('fail', {})).toEqual({ ok: false, error: { code: 'no_selection', message: 'Select a frame first.' } });
  });

  it('catches answers outside the contract instead of sending them on', async () => {
    expect(await dispatch('lie', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('works synchronously for Apps Script, where there is no event loop', () => {
    const syncDispatch = createSyncDispatcher(contract, handlers);
    expect(syncDispatch('greet', { name: 'Grace' })).toEqual({ ok: true, value: { greeting: 'Hello, Grace' } });
  });
});

describe('RPC over a message channel', () => {
  function connect() {
    const dispatch = createDispatcher(contract, handlers);
    const toUi: unknown[] = [];
    const events: Array<[string, unknown]> = [];
    let server: ReturnType<typeof createChannelServer>;
    const client = createChannelClient(
      (message) => queueMicrotask(() => void server.receive(structuredClone(message))),
      (name, payload) => events.push([name, payload]),
    );
    server = createChannelServer(dispatch, (message) => {
      toUi.push(message);
      queueMicrotask(() => client.receive(structuredClone(message)));
    });
    return { call: createClient(contract, client.send), server, events, toUi };
  }

  it('matches concurrent answers to their requests by id', async () => {
    const { call } = connect();
    const [a, b] = await Promise.all([call('greet', { name: 'A' }), call('greet', { name: 'B' })]);
    expect([a.greeting, b.greeting]).toEqual(['Hello, A', 'Hello, B']);
  });

  it('rejects with the host error code and message', async () => {
    const { call } = connect();
    const failure = await call('fail', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RpcCallError);
    expect(failure).toMatchObject({ code: 'no_selection', message: 'Select a frame first.' });
  });

  it('delivers host events to the UI by name', async () => {
    const { server, events } = connect();
    server.emit('selectionChanged', { count: 2 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual([['selectionChanged', { count: 2 }]]);
  });

  it('ignores messages that are not part of the protocol', async () => {
    const { server, toUi } = connect();
    await server.receive({ type: 'something-else' });
    await server.receive(null);
    expect(toUi).toEqual([]);
  });
});
