import { describe, expect, it } from 'vitest';
import { embedProvider, embedSource, listenMessages, readPlayerMessage } from './embed-playback';

describe('embedded players', () => {
  it('recognises the embed addresses the server gives', () => {
    expect(embedProvider('https://www.youtube-nocookie.com/embed/abcdef12345?enablejsapi=1')).toBe('youtube');
    expect(embedProvider('https://player.vimeo.com/video/76979871')).toBe('vimeo');
    expect(embedProvider('https://example.org/video.mp4')).toBeNull();
    expect(embedProvider('not a url')).toBeNull();
  });

  it('names this page as the origin and resumes where the learner was', () => {
    const yt = new URL(
      embedSource('https://www.youtube-nocookie.com/embed/abc?enablejsapi=1', 'https://palma.example', 95.7),
    );
    expect(yt.searchParams.get('origin')).toBe('https://palma.example');
    expect(yt.searchParams.get('enablejsapi')).toBe('1');
    expect(yt.searchParams.get('start')).toBe('95');
    expect(embedSource('https://player.vimeo.com/video/1', 'https://p.example', 30)).toBe(
      'https://player.vimeo.com/video/1?playsinline=1#t=30s',
    );
  });

  it('asks YouTube to start reporting with the widget handshake', () => {
    expect(JSON.parse(listenMessages('youtube', 'w1')[0])).toEqual({
      event: 'listening',
      id: 'w1',
      channel: 'widget',
    });
  });

  it('reads YouTube position reports and play states', () => {
    const info = (i: object) =>
      JSON.stringify({ event: 'infoDelivery', info: i, id: 'w1', channel: 'widget' });
    expect(readPlayerMessage('youtube', info({ currentTime: 12.5, duration: 300, playerState: 1 }))).toEqual({
      position: 12.5,
      duration: 300,
      playing: true,
    });
    expect(readPlayerMessage('youtube', info({ playerState: 2 }))).toMatchObject({ playing: false });
    expect(readPlayerMessage('youtube', JSON.stringify({ event: 'onReady', id: 'w1' }))).toEqual({});
    expect(readPlayerMessage('youtube', 'garbage')).toBeNull();
    expect(readPlayerMessage('youtube', JSON.stringify({ event: 'somethingElse' }))).toBeNull();
  });

  it('reads Vimeo time updates and pauses', () => {
    expect(
      readPlayerMessage('vimeo', { event: 'timeupdate', data: { seconds: 4.2, percent: 0.1, duration: 42 } }),
    ).toEqual({ position: 4.2, duration: 42, playing: true });
    expect(readPlayerMessage('vimeo', JSON.stringify({ event: 'pause', data: { seconds: 5 } }))).toEqual({
      playing: false,
      position: 5,
    });
    expect(readPlayerMessage('vimeo', JSON.stringify({ event: 'ready' }))).toEqual({});
  });
});
