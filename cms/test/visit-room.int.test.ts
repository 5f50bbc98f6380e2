/**
 * The visit room in Chromium (fake camera and microphone), at Doxy.me's level: a
 * branded waiting room with the doctor's portrait and the doctor's "running late"
 * notice (on load and live), a camera and microphone test before the call opens,
 * the call's controls over the video (big enough for a phone, named, toggles
 * pressed or not), initials instead of a black tile when a camera is off (on
 * both sides), and a screen that says what comes next after the call.
 * Screenshots at 390 and 1280 px in both demo clinics.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible } from './support/pageChecks.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

type Clinic = 'northwind' | 'sunrise'
let product: SeededProduct
const contexts: BrowserContext[] = []

beforeAll(async () => {
  product = await startSeededProduct(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'])
}, 240_000)
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await product?.stop()
})

async function tokenOf(email: string): Promise<string> {
  const login = await fetch(`${product.server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  })
  return ((await login.json()) as { token: string }).token
}

/** A confirmed video visit booked by the clinic's admin, `minutes` from now; its id and the doctor's id. */
async function bookVisit(clinic: Clinic, patientEmail: string, doctorName: string, minutes: number) {
  const token = await tokenOf(`admin@${clinic}.demo.test`)
  const find = async (path: string) =>
    ((await (await fetch(`${product.server.url}${path}`, { headers: { Authorization: `JWT ${token}` } })).json()) as any).docs[0]
  const patient = await find(`/api/users?where[email][equals]=${patientEmail}`)
  const doctor = await find(`/api/doctors?where[displayName][equals]=${encodeURIComponent(doctorName)}`)
  const start = Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000
  const created = await fetch(`${product.server.url}/api/appointments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({
      tenant: doctor.tenant,
      patient: patient.id,
      doctor: doctor.id,
      start: new Date(start).toISOString(),
      end: new Date(start + 30 * 60_000).toISOString(),
      status: 'confirmed',
      visitType: 'video',
    }),
  })
  const body = (await created.json()) as any
  if (created.status !== 201) throw new Error(JSON.stringify(body))
  return { id: String(body.doc.id), doctorId: String(doctor.id) }
}

/** A window of its own, signed in on the clinic's site, camera and microphone allowed. */
async function signedIn(clinic: Clinic, email: string): Promise<Page> {
  const context = await product.browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera', 'microphone'] })
  contexts.push(context)
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  await page.goto(`${product.site(clinic)}/signin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('demo-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
  return page
}

/** Our own camera shows moving pictures, and the microphone level meter moves. */
async function expectDevicesWorking(page: Page) {
  await page.waitForFunction(() => {
    const video = document.querySelector<HTMLVideoElement>('video[aria-label="Your camera"]')
    return Boolean(video && video.videoWidth > 0 && !video.paused)
  })
  // The fake microphone beeps: the meter rises above silence.
  await page.waitForFunction(() => Number(document.querySelector('[role="meter"]')?.getAttribute('data-level')) > 5)
}

const setLate = async (visit: string, email: string, minutes: number) =>
  fetch(`${product.server.url}/api/appointments/${visit}/running-late`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${await tokenOf(email)}` },
    body: JSON.stringify({ minutes }),
  })

describe('before the call opens (Northwind)', () => {
  it('shows the waiting room with the doctor’s portrait, lets the patient test camera and microphone, and shows the doctor’s running-late notice', async () => {
    const visit = await bookVisit('northwind', 'alice@demo.test', 'Dr. Ben Chen', 90)
    const patient = await signedIn('northwind', 'alice@demo.test')
    await patient.goto(`${product.site('northwind')}/visits/${visit.id}`)
    await patient.getByText(/Too early to join: the call opens at/).first().waitFor()
    expect(await patient.getByRole('button', { name: 'Join the visit' }).count()).toBe(0)
    const room = patient.getByTestId('waiting-room')
    await room.getByRole('img', { name: /Ben Chen/ }).waitFor()
    await room.getByText('Dr. Ben Chen', { exact: true }).waitFor()

    // The camera and microphone test works before the window opens, without joining.
    await patient.getByRole('button', { name: /Check camera and microphone|Test again/ }).click()
    await expectDevicesWorking(patient)
    expect(await patient.locator('[data-call-state]').getAttribute('data-call-state')).toBe('not-joined')

    // The doctor says they run late from their own visit page; the waiting patient sees it at once, and on a later load.
    const doctor = await signedIn('northwind', 'ben.chen@northwind.demo.test')
    await doctor.goto(`${product.site('northwind')}/doctor/visits/${visit.id}`)
    await doctor.getByRole('button', { name: '10 min' }).click()
    await doctor.getByText('The patient sees that you are running late.').waitFor()
    expect(await doctor.getByRole('button', { name: '10 min' }).getAttribute('aria-pressed')).toBe('true')
    await room.getByText(/Dr\. Ben Chen is running about 10 minutes late/).waitFor()
    await patient.reload()
    await room.getByText(/Dr\. Ben Chen is running about 10 minutes late \(said at/).waitFor()
    await patient.getByRole('button', { name: /Check camera and microphone|Test again/ }).click()
    await expectDevicesWorking(patient)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'visit-room-waiting-northwind')
    await screenshotBoth(doctor, 'visit-room-doctor-late-northwind')
    await expectAccessible(doctor)
  }, 90_000)

  it('shows a completed visit’s page as ended, with what comes next instead of the device test', async () => {
    const token = await tokenOf('alice@demo.test')
    const { docs } = (await (
      await fetch(`${product.server.url}/api/appointments?where[status][equals]=completed&limit=1&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    ).json()) as { docs: { id: string; tenant: string }[] }
    const patient = await signedIn('northwind', 'alice@demo.test')
    await patient.goto(`${product.site('northwind')}/visits/${docs[0]!.id}`)
    const end = patient.getByTestId('end-of-visit')
    await end.getByRole('heading', { name: 'This visit has ended' }).waitFor()
    await end.getByRole('link', { name: /^Book again with Dr\./ }).waitFor()
    expect(await end.getByRole('link', { name: 'Rejoin the call' }).count()).toBe(0)
    expect(await patient.getByRole('button', { name: 'Check camera and microphone' }).count()).toBe(0)
    await screenshotBoth(patient, 'visit-room-ended-northwind')
  }, 60_000)
})

/** The whole call in one clinic: waiting, running late live, in the call, camera off both ways, the end screen. */
async function callIn(clinic: Clinic, people: { patient: string; doctor: string; doctorName: string; patientName: string }) {
  const visit = await bookVisit(clinic, people.patient, people.doctorName, 5)
  const site = product.site(clinic)
  const patient = await signedIn(clinic, people.patient)
  await patient.goto(`${site}/visits/${visit.id}`)
  await patient.getByRole('button', { name: 'Join the visit' }).click()
  await patient.getByText(`Waiting for ${people.doctorName} to join`).first().waitFor()

  // Said while the patient waits in the room: it appears at once, without a reload.
  expect((await setLate(visit.id, people.doctor, 5)).status).toBe(200)
  await patient.getByText(new RegExp(`${people.doctorName.replace('.', '\\.')} is running about 5 minutes late`)).waitFor()
  await screenshotBoth(patient, `visit-room-in-call-waiting-${clinic}`)

  const doctor = await signedIn(clinic, people.doctor)
  await doctor.goto(`${site}/visits/${visit.id}`)
  await doctor.getByRole('button', { name: 'Join the visit' }).click()
  for (const page of [patient, doctor]) await page.locator('[data-call-state="connected"]').waitFor()
  await patient.getByText(`You are with ${people.doctorName}.`).waitFor()
  await expectAccessible(patient)
  await screenshotBoth(patient, `visit-room-in-call-${clinic}`)

  // The controls sit over the video and are big enough to tap on a phone.
  await patient.setViewportSize({ width: 390, height: 844 })
  const controls = patient.getByRole('group', { name: 'Call controls' })
  const stage = await patient.locator('.stage').boundingBox()
  for (const name of ['Mute', 'Stop video', 'Chat', 'End call']) {
    const box = (await controls.getByRole('button', { name, exact: true }).boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(44)
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(box.y + box.height).toBeLessThanOrEqual(stage!.y + stage!.height + 1)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
  }
  await patient.setViewportSize({ width: 1280, height: 800 })

  // Mute: pressed, and the microphone's track stops sending sound.
  const mute = controls.getByRole('button', { name: 'Mute', exact: true })
  expect(await mute.getAttribute('aria-pressed')).toBe('false')
  await mute.click()
  expect(await mute.getAttribute('aria-pressed')).toBe('true')
  expect(
    await patient.evaluate(() => {
      const pc = (window as unknown as { telemedCall?: { pc: RTCPeerConnection | null } }).telemedCall?.pc
      return pc?.getSenders().find((s) => s.track?.kind === 'audio')?.track?.enabled
    }),
  ).toBe(false)
  await mute.click()

  // Camera off: the patient's own tile and the doctor's view of the patient show initials, not a black picture.
  const camera = controls.getByRole('button', { name: 'Stop video', exact: true })
  await camera.click()
  expect(await camera.getAttribute('aria-pressed')).toBe('true')
  await patient.getByRole('img', { name: 'Your camera is off' }).waitFor()
  await doctor.getByRole('img', { name: `${people.patientName}'s camera is off` }).waitFor()
  await screenshotBoth(patient, `visit-room-camera-off-${clinic}`)
  await screenshotBoth(doctor, `visit-room-doctor-sees-camera-off-${clinic}`)
  await camera.click()
  await doctor.getByRole('img', { name: `${people.patientName}'s camera is off` }).waitFor({ state: 'detached' })

  // The chat can be hidden for a larger picture, and comes back.
  const chat = controls.getByRole('button', { name: 'Chat', exact: true })
  await chat.click()
  expect(await patient.locator('#chat').isHidden()).toBe(true)
  await chat.click()
  await patient.getByLabel(`Message to ${people.doctorName}`).waitFor()

  // Ending the call: what comes next, and a way back in for someone who only left.
  await controls.getByRole('button', { name: 'End call' }).click()
  const end = patient.getByTestId('end-of-visit')
  await end.getByRole('heading', { name: 'You left the call' }).waitFor()
  expect(await end.getByRole('link', { name: `Book again with ${people.doctorName}` }).getAttribute('href')).toMatch(
    new RegExp(`/doctors/${visit.doctorId}$`),
  )
  expect(await end.getByRole('link', { name: 'Back to my visits' }).getAttribute('href')).toMatch(/\/appointments$/)
  expect(await end.getByRole('link', { name: 'prescriptions page' }).getAttribute('href')).toMatch(/\/prescriptions$/)
  await end.getByRole('link', { name: 'Rejoin the call' }).waitFor()
  await doctor.getByText(`Waiting for ${people.patientName} to join`).first().waitFor()
  await expectAccessible(patient)
  await screenshotBoth(patient, `visit-room-end-${clinic}`)

  await doctor.getByRole('group', { name: 'Call controls' }).getByRole('button', { name: 'End call' }).click()
  const doctorEnd = doctor.getByTestId('end-of-visit')
  expect(await doctorEnd.getByRole('link', { name: 'Write notes and prescriptions' }).getAttribute('href')).toMatch(
    new RegExp(`/doctor/visits/${visit.id}$`),
  )
  await screenshotBoth(doctor, `visit-room-doctor-end-${clinic}`)
}

describe('in the call', () => {
  it('at Northwind: waiting with the running-late notice live, controls over the video, initials when a camera is off, the end screen', async () => {
    await callIn('northwind', { patient: 'alice@demo.test', doctor: 'ben.chen@northwind.demo.test', doctorName: 'Dr. Ben Chen', patientName: 'Alice Walker' })
  }, 120_000)

  it('at Sunrise, in its own theme', async () => {
    await callIn('sunrise', { patient: 'dev@demo.test', doctor: 'priya.patel@sunrise.demo.test', doctorName: 'Dr. Priya Patel', patientName: 'Dev Sharma' })
  }, 120_000)
})
