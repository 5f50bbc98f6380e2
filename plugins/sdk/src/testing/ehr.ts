import { describe, expect, it } from 'vitest'
import type { EhrConnector } from '../ehr.ts'

/** What every EHR connector must do, against its FHIR server or a faithful double of it. */
export function ehrConnectorContract(label: string, make: () => EhrConnector | Promise<EhrConnector>): void {
  describe(`${label} keeps the EHR connector contract`, () => {
    const patientId = () => `contract-${Math.random().toString(36).slice(2, 10)}`
    const observation = (patient: string, value: number, id?: string) => ({
      resourceType: 'Observation',
      ...(id ? { id } : {}),
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
      subject: { reference: `Patient/${patient}` },
      // An instant with its offset: the server keeps the moment, whatever its own zone.
      effectiveDateTime: '2026-03-08T02:30:00-05:00',
      valueQuantity: { value, unit: 'beats/minute' },
    })

    it('creates a resource and reads it back among the patient’s resources of that type, at the same instant', async () => {
      const ehr = await make()
      const patient = patientId()
      const { id } = await ehr.push(observation(patient, 72))
      expect(id).toMatch(/\S/)
      const pulled = await ehr.pull('Observation', patient)
      const found = pulled.find((r) => r.id === id) as { effectiveDateTime?: string } | undefined
      expect(found).toBeDefined()
      expect(Date.parse(found!.effectiveDateTime!)).toBe(Date.parse('2026-03-08T07:30:00Z'))
    })

    it('updates in place when the resource has its id: pushing it twice keeps one resource', async () => {
      const ehr = await make()
      const patient = patientId()
      const { id } = await ehr.push(observation(patient, 72))
      expect((await ehr.push(observation(patient, 80, id))).id).toBe(id)
      expect((await ehr.push(observation(patient, 80, id))).id).toBe(id)
      const mine = (await ehr.pull('Observation', patient)).filter((r) => r.id === id)
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({ valueQuantity: { value: 80 } })
    })

    it('returns nothing of another patient', async () => {
      const ehr = await make()
      await ehr.push(observation(patientId(), 72))
      expect(await ehr.pull('Observation', patientId())).toEqual([])
    })
  })
}
