import { ref } from 'vue';
import {
  badgeImageFileProblem,
  badgeImageUploadProblem,
  type BadgeImageUploadProblem,
} from '../badge-admin-image';

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * A badge's own image: upload a PNG or SVG (the raw bytes with the file's type, on the session
 * cookie), or go back to the image drawn from the template.
 */
export function useBadgeAdminImage() {
  const busy = ref<'upload' | 'reset' | null>(null);

  async function send(badgeId: string, init: RequestInit): Promise<BadgeImageUploadProblem | null> {
    try {
      const response = await fetch(`/api/badges/${encodeURIComponent(badgeId)}/image`, {
        credentials: 'same-origin',
        ...init,
      });
      return badgeImageUploadProblem(response.status, response.ok ? null : await bodyOf(response));
    } catch {
      return 'network';
    } finally {
      busy.value = null;
    }
  }

  async function uploadImage(badgeId: string, file: File): Promise<BadgeImageUploadProblem | null> {
    const early = badgeImageFileProblem(file);
    if (early) return early;
    busy.value = 'upload';
    return send(badgeId, { method: 'PUT', headers: { 'Content-Type': file.type }, body: file });
  }

  async function resetToGenerated(badgeId: string): Promise<BadgeImageUploadProblem | null> {
    busy.value = 'reset';
    return send(badgeId, { method: 'DELETE' });
  }

  return { uploadImage, resetToGenerated, busy };
}
