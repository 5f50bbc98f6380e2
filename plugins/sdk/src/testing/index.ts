/**
 * Contract suites: one per provider interface. Every provider runs the suite of
 * its slot in its own tests (the embedded defaults included), so a new provider
 * is known to behave like the others: idempotent creation, harmless repeats,
 * errors that say what is wrong, instants kept whatever the zone.
 *
 *   import { videoProviderContract } from '@telemed/plugin-sdk/testing'
 *   videoProviderContract('OpenVidu', () => new OpenViduProvider(double.url, secret))
 */
export { videoProviderContract } from './video.ts'
export { paymentProviderContract } from './payments.ts'
export { ehrConnectorContract } from './ehr.ts'
export { pharmacyConnectorContract } from './pharmacy.ts'
export { notificationChannelContract } from './notifications.ts'
export { memoryPayments, memoryEhr, memoryPharmacy, memoryInbox } from './memory.ts'
export { testContext } from './context.ts'
