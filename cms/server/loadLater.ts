import type { NextFunction, Request, RequestHandler, Response } from 'express'

export type LoadedLater = {
  handler: RequestHandler
  /** Starts loading (once); resolves when loaded. A request starts it too. */
  start: () => Promise<RequestHandler | undefined>
}

/**
 * A request handler loaded later: the server listens (and answers /healthz
 * and the API) first, then loads the admin panel and the clinic sites; requests
 * that arrive meanwhile wait for them. When `load` resolves with no handler,
 * `missing` answers. When it fails, `failed` is called once (the server stops:
 * a half-started server must not stay in rotation) and waiting requests get a 503.
 */
export function loadLater(
  load: () => Promise<RequestHandler | undefined>,
  { missing, failed }: { missing: RequestHandler; failed: (error: unknown) => void },
): LoadedLater {
  let ready: Promise<RequestHandler | undefined> | undefined
  let loaded: RequestHandler | undefined
  let broken = false
  const start = () => {
    if (ready) return ready
    ready = load()
    ready.then(
      (handler) => void (loaded = handler ?? missing),
      (error: unknown) => {
        broken = true
        failed(error)
      },
    )
    return ready
  }
  const unavailable = (res: Response) => void res.status(503).type('text').send('Starting up failed. Try again in a moment.')
  const handler: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (loaded) return loaded(req, res, next)
    if (broken) return unavailable(res)
    start().then(
      (h) => (h ?? missing)(req, res, next),
      () => unavailable(res),
    )
  }
  return { handler, start }
}
