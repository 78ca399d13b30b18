import { ref } from 'vue';
import { coverFileProblem, coverUploadProblem, type CoverUploadProblem } from '../event-admin-cover';

/**
 * Uploads an event's cover image: the raw bytes with the file's own type, on the same-origin
 * session cookie (a REST endpoint, as GraphQL carries no files here).
 */
export function useEventAdminCover() {
  const uploading = ref(false);

  async function uploadCover(eventId: string, file: File): Promise<CoverUploadProblem | null> {
    const early = coverFileProblem(file);
    if (early) return early;
    uploading.value = true;
    try {
      const response = await fetch(`/api/events/${encodeURIComponent(eventId)}/cover`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': file.type },
        body: file,
      });
      return coverUploadProblem(response.status);
    } catch {
      return 'network';
    } finally {
      uploading.value = false;
    }
  }

  return { uploadCover, uploading };
}
