/**
 * Exchange with an electronic health record system over FHIR R4.
 * Resources are plain FHIR JSON; the core maps its own documents to and from them.
 */
export interface EhrConnector {
  readonly name: string
  /** Sends (create or update) one FHIR resource and returns the server's id for it. */
  push(resource: { resourceType: string; id?: string; [key: string]: unknown }): Promise<{ id: string }>
  /** Reads a patient's resources of one type, e.g. `Observation`, by the external patient id. */
  pull(resourceType: string, patientId: string): Promise<Array<{ resourceType: string; [key: string]: unknown }>>
}
