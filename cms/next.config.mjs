import { withPayload } from '@payloadcms/next/withPayload'

/** Next serves only Payload's admin panel; the REST API is served by Express (server/api.ts). */
const nextConfig = {
  transpilePackages: ['@telemed/config', '@telemed/plugin-sdk'],
  typescript: { tsconfigPath: './tsconfig.json' },
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
