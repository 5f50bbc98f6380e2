/** The token check reads only who the caller is; what they may see of their own account is unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld())
})
afterAll(() => server?.close())

describe('the signed-in user', () => {
  it("gets their whole account, health profile included, and nobody's token works after signing out", async () => {
    const patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
    const saved = await patient.request('PATCH', `/api/users/${world.alpha.patient.id}`, {
      patientProfile: { conditions: [{ name: 'Asthma' }], allergies: [{ substance: 'Penicillin', reaction: 'Rash' }] },
    })
    expect(saved.status).toBe(200)

    const me = await patient.request('GET', '/api/users/me')
    expect(me.body.user).toMatchObject({
      id: world.alpha.patient.id,
      role: 'patient',
      tenants: [expect.objectContaining({ tenant: world.alpha.id })],
      patientProfile: {
        conditions: [expect.objectContaining({ name: 'Asthma' })],
        allergies: [expect.objectContaining({ substance: 'Penicillin' })],
      },
    })
    // Access rules still see the role and clinics: the patient's own visits, not another clinic's.
    expect((await patient.request('GET', `/api/appointments/${world.alpha.appointment}`)).status).toBe(200)
    expect((await patient.request('GET', `/api/appointments/${world.beta.appointment}`)).status).toBe(404)

    expect((await patient.request('POST', '/api/users/logout')).status).toBe(200)
    expect((await patient.request('GET', '/api/users/me')).body.user).toBeNull()
    expect((await patient.request('GET', `/api/appointments/${world.alpha.appointment}`)).status).toBe(403)
  })
})
