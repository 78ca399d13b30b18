import { describe, expect, it, vi } from 'vitest';
import { frameSize, nativeQrDetector, type BarcodeDetectorConstructor } from './check-in-detector';

function fakeDetector(formats: string[] | Error) {
  const made = vi.fn();
  const ctor = class {
    constructor(options: { formats: string[] }) {
      made(options);
    }
    static async getSupportedFormats() {
      if (formats instanceof Error) throw formats;
      return formats;
    }
    async detect() {
      return [];
    }
  } as unknown as BarcodeDetectorConstructor;
  return { ctor, made };
}

describe('choosing the QR reader', () => {
  it('uses the browser’s detector when it reads QR codes', async () => {
    const { ctor, made } = fakeDetector(['ean_13', 'qr_code']);
    expect(await nativeQrDetector(ctor)).not.toBeNull();
    expect(made).toHaveBeenCalledWith({ formats: ['qr_code'] });
  });

  it('falls back (null) without a detector, without QR support, or when asking fails', async () => {
    expect(await nativeQrDetector(undefined)).toBeNull();
    expect(await nativeQrDetector(fakeDetector(['ean_13']).ctor)).toBeNull();
    expect(await nativeQrDetector(fakeDetector(new Error('not allowed')).ctor)).toBeNull();
  });

  it('copies frames no larger than needed, keeping their shape', () => {
    expect(frameSize(1920, 1080)).toEqual([720, 405]);
    expect(frameSize(640, 480)).toEqual([640, 480]);
    expect(frameSize(1080, 1920, 360)).toEqual([203, 360]);
  });
});
