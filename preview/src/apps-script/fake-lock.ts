import { countCalls, type CallLog } from '../call-log';
import type { Mirror } from './mirror';

type Lock = GoogleAppsScript.Lock.Lock;

/** One lock; `contended` makes the next waits time out, as when another execution holds it. */
export class FakeLock implements Mirror<Lock, 'waitLock' | 'tryLock' | 'releaseLock' | 'hasLock'> {
  held = false;
  contended = false;

  constructor(readonly calls: CallLog) {}

  waitLock(_timeoutInMillis: number): void {
    if (this.contended) throw new Error('Lock timeout: another process was holding the lock for too long.');
    this.held = true;
  }

  tryLock(_timeoutInMillis: number): boolean {
    if (this.contended) return false;
    this.held = true;
    return true;
  }

  releaseLock(): void {
    this.held = false;
  }

  hasLock(): boolean {
    return this.held;
  }
}

countCalls(FakeLock, 'Lock', ['waitLock', 'tryLock', 'releaseLock']);

export class FakeLockService {
  readonly documentLock: FakeLock;
  readonly scriptLock: FakeLock;
  readonly userLock: FakeLock;

  constructor(calls: CallLog) {
    this.documentLock = new FakeLock(calls);
    this.scriptLock = new FakeLock(calls);
    this.userLock = new FakeLock(calls);
  }

  getDocumentLock(): FakeLock {
    return this.documentLock;
  }
  getScriptLock(): FakeLock {
    return this.scriptLock;
  }
  getUserLock(): FakeLock {
    return this.userLock;
  }
}
