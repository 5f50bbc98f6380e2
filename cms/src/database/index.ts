/**
 * The platform's database layer: the one door the rest of the core goes
 * through. It picks the adapter from DATABASE_URL (SQLite embedded, PostgreSQL
 * in production, MongoDB wired), tunes SQLite (one queued writer with group
 * commit, kept prepared statements), reads for the platform's own checks
 * (`lookup`, prepared reads by id) and runs work after a transaction commits.
 * The files behind it import each other directly; everyone else imports here.
 */
export { databaseAdapter, sqliteFileOf, pushedAtConnect } from './adapter.ts'
export { afterCommit, enableAfterCommit } from './afterCommit.ts'
export { lookup } from './lookup.ts'
export { findByIdPrepared } from './preparedRead.ts'
export { queueSqliteWrites, writeQueueOf, type WriteQueue } from './sqliteWriteQueue.ts'
export { DatabaseKeyError, findSqliteKey, sqliteKeyOf } from './sqliteEncryption.ts'
export { rekeySqlite } from './sqliteRekey.ts'
export { drizzleTable, type DrizzleSelect } from './drizzleTable.ts'
