import { describe, expect, it } from 'vitest';
import { coverFileProblem, coverUploadProblem } from './event-admin-cover';

describe('cover image checks', () => {
  it('accepts PNG, JPEG and WebP up to 2 MB', () => {
    expect(coverFileProblem({ type: 'image/png', size: 1024 })).toBeNull();
    expect(coverFileProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 })).toBeNull();
    expect(coverFileProblem({ type: 'image/webp', size: 10 })).toBeNull();
  });

  it('refuses other types, larger files and empty ones before uploading', () => {
    expect(coverFileProblem({ type: 'image/gif', size: 1024 })).toBe('type');
    expect(coverFileProblem({ type: 'image/png', size: 2 * 1024 * 1024 + 1 })).toBe('size');
    expect(coverFileProblem({ type: 'image/png', size: 0 })).toBe('empty');
  });

  it('explains the server’s answers', () => {
    expect(coverUploadProblem(204)).toBeNull();
    expect(coverUploadProblem(415)).toBe('type');
    expect(coverUploadProblem(413)).toBe('size');
    expect(coverUploadProblem(403)).toBe('forbidden');
    expect(coverUploadProblem(404)).toBe('notFound');
    expect(coverUploadProblem(500)).toBe('failed');
  });
});
