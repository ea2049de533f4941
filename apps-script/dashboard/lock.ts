import { Locale } from '../../core/dashboard/i18n';
import { message } from './messages';

/** How long a generation waits for another one to finish before giving up. */
export const LOCK_WAIT_MS = 20000;

/**
 * Runs `work` holding the document lock, so two editors generating (or one generating while
 * another snapshots) cannot interleave their writes. Released even when `work` throws.
 * @throws Error (the "busy" message) when the lock cannot be had within LOCK_WAIT_MS
 */
export function withDocumentLock<T>(locale: Locale, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) throw new Error(message('busy', locale));
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
