/** A REST client as a browser or integration would use it: JSON over fetch, JWT in the header. */
export type Client = {
  token?: string
  request: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: any; headers: Headers }>
}

export function client(baseUrl: string, token?: string): Client {
  return {
    token,
    async request(method, path, body, headers = {}) {
      const isForm = body instanceof FormData
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `JWT ${token}` } : {}),
          ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      })
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : null
      } catch {
        /* not JSON: keep the text */
      }
      return { status: response.status, body: parsed, headers: response.headers }
    },
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Client> {
  const res = await client(baseUrl).request('POST', '/api/users/login', { email, password })
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return client(baseUrl, res.body.token)
}
