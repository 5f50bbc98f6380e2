import type { NextFunction, Request, Response } from 'express'

/**
 * Refuses request bodies over `maxBytes` with 413 before Payload reads them:
 * by Content-Length when given, otherwise by counting the bytes as they stream.
 * Uploads (multipart) may be as large as the upload limit plus form overhead.
 */
export function bodyLimit({ jsonBytes, uploadBytes }: { jsonBytes: number; uploadBytes: number }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data')
    const max = multipart ? uploadBytes + 1024 * 1024 : jsonBytes
    const tooLarge = () =>
      res
        .status(413)
        .set('connection', 'close')
        .json({ errors: [{ message: `The request is larger than ${Math.round(max / 1024)} KB. Send a smaller body or file.` }] })
    const declared = Number(req.headers['content-length'] ?? NaN)
    if (declared > max) return void tooLarge()
    let seen = 0
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length
      if (seen > max && !res.headersSent) {
        tooLarge()
        req.destroy()
      }
    })
    next()
  }
}
