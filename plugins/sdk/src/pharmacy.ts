export type PharmacyOrderStatus = 'sent' | 'received' | 'filled' | 'rejected' | 'cancelled'

/** A signed prescription as a pharmacy receives it: no more than the pharmacy needs. */
export interface PrescriptionOrder {
  prescriptionId: string
  pharmacy: string
  patient: { name: string; dateOfBirth?: string }
  prescriber: { name: string; licence?: string }
  medication: { name: string; code?: string; strength?: string; form?: string }
  directions: string
  quantity: number
  refills: number
}

export interface PharmacyConnector {
  readonly name: string
  send(order: PrescriptionOrder): Promise<{ externalId: string; status: PharmacyOrderStatus }>
  status(externalId: string): Promise<PharmacyOrderStatus>
  cancel(externalId: string): Promise<PharmacyOrderStatus>
}
