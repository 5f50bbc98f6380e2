export type LocalMedia = { stream: MediaStream; cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] } | { problem: string }

/**
 * Opens the camera and microphone for a call (the chosen ones, or the
 * browser's defaults) and lists the devices to pick from; or says, in words a
 * patient can act on, why they could not be opened.
 */
export async function openLocalMedia(choice: { camera?: string; microphone?: string; audioOnly?: boolean }): Promise<LocalMedia> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: choice.microphone ? { deviceId: { exact: choice.microphone } } : true,
      video: choice.audioOnly ? false : choice.camera ? { deviceId: { exact: choice.camera } } : true,
    })
  } catch (error) {
    const name = (error as DOMException).name
    return {
      problem:
        name === 'NotAllowedError'
          ? 'Your browser blocked the camera and microphone. Allow them for this site in the browser’s settings, then try again.'
          : name === 'NotFoundError'
            ? 'No camera or microphone was found. Connect one, or use the chat below.'
            : 'The camera or microphone could not start. Close other apps that use them, then try again.',
    }
  }
  const devices = await navigator.mediaDevices.enumerateDevices()
  return {
    stream,
    cameras: devices.filter((d) => d.kind === 'videoinput'),
    microphones: devices.filter((d) => d.kind === 'audioinput'),
  }
}

/** A Svelte action that shows a stream in a video element (a participant's tile). */
export function showStream(video: HTMLVideoElement, stream: MediaStream) {
  video.srcObject = stream
  return { update: (next: MediaStream) => void (video.srcObject = next) }
}
