import { videoProviderContract } from '@telemed/plugin-sdk/testing'
import { peerToPeerProvider } from './provider.ts'

videoProviderContract('The built-in peer-to-peer video', () => peerToPeerProvider)
