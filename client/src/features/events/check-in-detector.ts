/**
 * Finding QR codes in camera frames: the browser's own BarcodeDetector where it exists and reads
 * QR codes (Chrome on Android, Safari 17+), otherwise jsQR on a downscaled canvas copy of the
 * frame (loaded only then, it is not small).
 */

/** The part of the BarcodeDetector API used here (not in TypeScript's DOM library yet). */
export interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
export interface BarcodeDetectorConstructor {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** Reads one frame: the text of a QR code in it, or null. */
export type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

/** Frames are read at most this wide or high: enough for a ticket held up to the camera. */
export const FRAME_MAX_SIZE = 720;

/** The native detector when this browser has one that reads QR codes, else null. */
export async function nativeQrDetector(
  ctor: BarcodeDetectorConstructor | undefined,
): Promise<BarcodeDetectorLike | null> {
  if (typeof ctor !== 'function') return null;
  try {
    const formats = await ctor.getSupportedFormats();
    return formats.includes('qr_code') ? new ctor({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** The size to copy a frame at: the frame's own, scaled down to fit `max` on its longer side. */
export function frameSize(width: number, height: number, max: number = FRAME_MAX_SIZE): [number, number] {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/** The frame reader to use: native if possible, jsQR otherwise. */
export async function createFrameReader(
  ctor: BarcodeDetectorConstructor | undefined = (
    globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }
  ).BarcodeDetector,
): Promise<{ kind: 'native' | 'jsqr'; read: FrameReader }> {
  const native = await nativeQrDetector(ctor);
  if (native) {
    return {
      kind: 'native',
      read: async (video) => (await native.detect(video))[0]?.rawValue ?? null,
    };
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    kind: 'jsqr',
    read: async (video) => {
      if (!context || video.videoWidth === 0 || video.videoHeight === 0) return null;
      const [width, height] = frameSize(video.videoWidth, video.videoHeight);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      const image = context.getImageData(0, 0, width, height);
      return jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
    },
  };
}
