import { RpcFailure } from '@onbrand/shared/rpc';

/**
 * Runs a read-modify-write of the shared file under the document lock, so two people pressing a
 * button at once cannot interleave their writes. Keep the locked part short.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    // Locked work is a short read-modify-write, so ten seconds is ample for someone else's to finish.
    lock.waitLock(10_000);
  } catch {
    throw new RpcFailure('busy', 'Another Onbrand action is still running in this file. Try again in a moment.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
