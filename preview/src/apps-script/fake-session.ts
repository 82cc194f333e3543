import { countCalls, type CallLog } from '../call-log';
import { requireScope, type AppsScriptManifest } from './scopes';
import { FakeClock } from './fake-clock';

/** The person using the add-on, as Session reports them; the user's email needs its scope granted. */
export class FakeSession {
  constructor(
    /** Who is signed in; a test or the preview may switch person. '' is what a consumer account often gives. */
    public activeUserEmail: string,
    private readonly timeZone: string,
    readonly calls: CallLog,
    private readonly manifest: AppsScriptManifest,
  ) {}

  getActiveUser() {
    requireScope(this.manifest, 'Session', 'getActiveUser');
    return { getEmail: () => this.activeUserEmail };
  }

  getEffectiveUser() {
    requireScope(this.manifest, 'Session', 'getEffectiveUser');
    return { getEmail: () => this.activeUserEmail };
  }

  /**
   * Who uses the add-on from now on, as a test or the preview sets it (not counted). '' is a user
   * whose email Apps Script withholds (another domain, or a consumer account).
   */
  setActiveUser(email: string): void {
    this.activeUserEmail = email;
  }

  getScriptTimeZone(): string {
    return this.timeZone;
  }
}

countCalls(FakeSession, 'Session', ['getActiveUser', 'getEffectiveUser']);

/** Utilities: sleep blocks in Apps Script; the fake adds up the wait and moves the simulated clock on. */
export class FakeUtilities {
  sleptMs = 0;
  private nextUuid = 1;

  constructor(
    readonly calls: CallLog,
    readonly clock = new FakeClock(),
  ) {}

  sleep(milliseconds: number): void {
    this.sleptMs += milliseconds;
    this.clock.advance(milliseconds);
  }

  getUuid(): string {
    return `00000000-0000-4000-8000-${String(this.nextUuid++).padStart(12, '0')}`;
  }
}

countCalls(FakeUtilities, 'Utilities', ['sleep']);
