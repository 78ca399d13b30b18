/** Base64 of raw bytes, in chunks (String.fromCharCode with a whole file would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Reads a chosen file as its exact bytes, base64-encoded. The text is never decoded here: the
 * server detects UTF-8, UTF-8 with BOM or EUC-KR itself.
 */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
