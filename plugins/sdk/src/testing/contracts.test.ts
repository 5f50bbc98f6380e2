import {
  ehrConnectorContract,
  memoryEhr,
  memoryInbox,
  memoryPayments,
  memoryPharmacy,
  notificationChannelContract,
  paymentProviderContract,
  pharmacyConnectorContract,
} from './index.ts'

// The in-memory providers keep every contract: the suites ask nothing a provider cannot do.
paymentProviderContract('The in-memory payments provider', memoryPayments, async (provider, id) =>
  (provider as ReturnType<typeof memoryPayments>).pay(id),
)
ehrConnectorContract('The in-memory EHR', memoryEhr)
pharmacyConnectorContract('The in-memory pharmacy', memoryPharmacy)
const inbox = memoryInbox()
notificationChannelContract('The in-memory inbox', () => inbox, {
  to: 'maya@example.com',
  bad: 'not an address',
  delivered: async (to) => inbox.sent.filter((m) => m.to === to).map((m) => m.text),
})
