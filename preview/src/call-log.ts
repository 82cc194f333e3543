/**
 * Counts calls into a simulated host, by API name, so tests can assert how many round trips an
 * operation makes (each one costs tens of milliseconds on the real host).
 */
export class CallLog {
  private readonly counts = new Map<string, number>();
  /** Runs before each counted call and may refuse it by throwing, as a host refuses calls in some contexts. */
  guard: ((name: string) => void) | null = null;

  record(name: string): void {
    this.guard?.(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const value of this.counts.values()) sum += value;
    return sum;
  }

  byName(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** A simulated host object: it holds the log its calls are counted in. */
interface HostFake {
  readonly calls: CallLog;
}

type Member<T> = Extract<keyof T, string>;
/** A method by its name, or a property's read or write as `name.get` / `name.set`. */
type CountedMember<T> = Member<T> | `${Member<T>}.get` | `${Member<T>}.set`;

const counters = new WeakSet<object>();

/**
 * Makes the named members of a fake's class count as host calls: each records `host.member`
 * (just `member` when host is '') before it runs. A host given as a function names the API class
 * from the instance, for subclasses counted under their own name. Members not named stay free:
 * snapshots and other helpers for tests and the preview.
 */
export function countCalls<T extends HostFake>(type: abstract new (...args: never[]) => T, host: string | ((fake: T) => string), members: readonly CountedMember<T>[]): void {
  const prototype = type.prototype as object;
  for (const member of members) {
    const [property, accessor] = member.split('.') as [string, 'get' | 'set' | undefined];
    const descriptor = Object.getOwnPropertyDescriptor(prototype, property);
    const run = accessor ? descriptor?.[accessor] : descriptor?.value;
    if (typeof run !== 'function') throw new Error(`${type.name} has no ${member} of its own to count.`);
    const name = host === '' ? member : typeof host === 'string' ? `${host}.${member}` : undefined;
    const counter = function (this: T, ...args: unknown[]): unknown {
      this.calls.record(name ?? `${(host as (fake: T) => string)(this)}.${member}`);
      return run.apply(this, args);
    };
    counters.add(counter);
    Object.defineProperty(prototype, property, { ...descriptor, [accessor ?? 'value']: counter });
  }
}

/** Whether a method (or a getter or setter) is one countCalls made; for tests of the fakes. */
export function isCounted(method: unknown): boolean {
  return typeof method === 'function' && counters.has(method);
}
