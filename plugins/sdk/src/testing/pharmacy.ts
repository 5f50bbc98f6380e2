import { describe, expect, it } from 'vitest'
import type { PharmacyConnector, PrescriptionOrder } from '../pharmacy.ts'

/** What every pharmacy connector must do, against its service or a faithful double of it. */
export function pharmacyConnectorContract(label: string, make: () => PharmacyConnector | Promise<PharmacyConnector>): void {
  describe(`${label} keeps the pharmacy connector contract`, () => {
    const order = (): PrescriptionOrder => ({
      prescriptionId: `contract-${Math.random().toString(36).slice(2, 10)}`,
      pharmacy: 'main-street',
      patient: { name: 'Maya Lopez', dateOfBirth: '1990-04-01' },
      prescriber: { name: 'Dr. Ana Ruiz', licence: 'MD-1234' },
      medication: { name: 'Amoxicillin', strength: '500 mg', form: 'capsule' },
      directions: 'One capsule three times a day for 7 days',
      quantity: 21,
      refills: 0,
    })

    it('sends a prescription once: sending the same one again gives the same order', async () => {
      const pharmacy = await make()
      const rx = order()
      const first = await pharmacy.send(rx)
      expect(['sent', 'received']).toContain(first.status)
      expect((await pharmacy.send(rx)).externalId).toBe(first.externalId)
      expect((await pharmacy.send(order())).externalId).not.toBe(first.externalId)
    })

    it('reports an order’s status, and cancels it once and for all', async () => {
      const pharmacy = await make()
      const { externalId } = await pharmacy.send(order())
      expect(['sent', 'received', 'filled']).toContain(await pharmacy.status(externalId))
      expect(await pharmacy.cancel(externalId)).toBe('cancelled')
      expect(await pharmacy.cancel(externalId)).toBe('cancelled')
      expect(await pharmacy.status(externalId)).toBe('cancelled')
    })

    it('fails with an Error that says what is wrong for an order it does not know', async () => {
      const pharmacy = await make()
      await expect(pharmacy.status('unknown-order-0000')).rejects.toThrow(/\w{3,}/)
    })
  })
}
