import { commitTransaction, createLocalReq, getFieldsToSign, initTransaction, jwtSign, killTransaction, type Payload } from 'payload'
import { addSessionToUser } from 'payload/shared'
import { client, type Client } from './http.ts'
import type { User } from '../../src/payload-types.ts'

/**
 * A REST client signed in as an account, made the way Payload's sign-in makes
 * it once the password matched (a session on the account, in a transaction, and
 * a token naming it), without checking the password. Each check is PBKDF2 with
 * 600,000 rounds (~0.1 s of CPU): tests that need dozens of patients signed in at
 * once would spend seconds of CPU on their setup alone, and fail on a slower
 * machine for it. Tests of signing in itself use POST /api/users/login.
 */
export async function sessionFor(payload: Payload, baseUrl: string, userId: number | string): Promise<Client> {
  const collectionConfig = payload.collections.users!.config
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const user = await payload.db.findOne<User>({
      collection: 'users',
      where: { id: { equals: userId } },
      req,
    })
    if (!user) throw new Error(`no account ${userId} to sign in`)
    const { sid } = await addSessionToUser({ collectionConfig, payload, req, user })
    await commitTransaction(req)
    const fieldsToSign = getFieldsToSign({ collectionConfig, email: user.email, sid, user: { ...user, collection: 'users' as const } })
    const { token } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration: collectionConfig.auth.tokenExpiration })
    return client(baseUrl, token)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
