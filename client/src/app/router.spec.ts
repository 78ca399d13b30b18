import { describe, expect, it } from 'vitest';
import { routes } from './router';

describe('routes', () => {
  it('put only the projector screen on its own, without the app header', () => {
    // The host's phone and the report keep the header: they are ordinary pages.
    expect(routes.filter((r) => r.meta?.bare).map((r) => r.name)).toEqual(['live-game-host']);
  });
});
