import { open } from 'node:fs/promises'

/**
 * Group commit for the SQLite writer: its connection commits without waiting
 * for the disk (`synchronous = NORMAL` in WAL mode: the commit is written to the
 * WAL file, not yet flushed), and every write waits for one flush of the WAL
 * file, on libuv's thread pool, before its answer goes out. Commits that finish
 * while a flush is running share the next one. So an answered write is on disk,
 * as with `synchronous = FULL`, but the server's one thread no longer stops for
 * `fsync` at every commit, and the next transaction starts while the disk works.
 *
 * The WAL file is opened for each flush and closed again: SQLite takes no locks
 * on it (WAL mode locks the `-shm` file), so closing our descriptor cannot drop
 * one of SQLite's locks, and a WAL file that SQLite recreated is never missed.
 */
export function groupCommit(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined
  const durable = (): Promise<void> => {
    // A flush already running may have started before this commit was written: wait for the next one.
    if (queued) return queued
    if (!running) return (running = flush().finally(() => (running = undefined)))
    return (queued = running
      .catch(() => undefined)
      .then(() => {
        queued = undefined
        return durable()
      }))
  }
  return durable
}

/** Flushes a database's WAL file to disk (nothing to flush when there is none yet). */
export function flushWalFile(databaseFile: string): () => Promise<void> {
  return async () => {
    const wal = await open(`${databaseFile}-wal`, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    if (!wal) return
    try {
      await wal.datasync()
    } finally {
      await wal.close()
    }
  }
}
