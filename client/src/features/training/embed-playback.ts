/**
 * Following an embedded YouTube or Vimeo player from the page, through the players' own
 * postMessage protocols (the messages their JavaScript APIs exchange), without loading their
 * scripts. The page asks to listen; the player then reports its position while it plays.
 */

export type EmbedProvider = 'youtube' | 'vimeo';

/** What one message from a player says (any of it may be missing). */
export interface PlayerReport {
  position?: number;
  duration?: number;
  playing?: boolean;
}

export function embedProvider(embedUrl: string): EmbedProvider | null {
  try {
    const host = new URL(embedUrl).hostname;
    if (host.endsWith('youtube-nocookie.com') || host.endsWith('youtube.com')) return 'youtube';
    if (host === 'player.vimeo.com') return 'vimeo';
  } catch {
    /* not a URL: no provider */
  }
  return null;
}

/** The origin a provider's player frame posts from (messages from anywhere else are ignored). */
export function providerOrigins(provider: EmbedProvider): string[] {
  return provider === 'youtube'
    ? ['https://www.youtube-nocookie.com', 'https://www.youtube.com']
    : ['https://player.vimeo.com'];
}

/**
 * The frame address to load: the API switched on, this page named as the origin (YouTube
 * answers only pages it was told about), and where to start when resuming.
 */
export function embedSource(embedUrl: string, pageOrigin: string, startSeconds = 0): string {
  const provider = embedProvider(embedUrl);
  const url = new URL(embedUrl);
  const start = Math.max(0, Math.floor(startSeconds));
  if (provider === 'youtube') {
    url.searchParams.set('enablejsapi', '1');
    url.searchParams.set('origin', pageOrigin);
    url.searchParams.set('playsinline', '1');
    url.searchParams.set('rel', '0');
    if (start > 0) url.searchParams.set('start', String(start));
  } else if (provider === 'vimeo') {
    url.searchParams.set('playsinline', '1');
    if (start > 0) url.hash = `t=${start}s`;
  }
  return url.toString();
}

/** The messages that ask a player to start reporting. */
export function listenMessages(provider: EmbedProvider, id: string): string[] {
  if (provider === 'youtube') {
    return [
      JSON.stringify({ event: 'listening', id, channel: 'widget' }),
      JSON.stringify({
        event: 'command',
        func: 'addEventListener',
        args: ['onStateChange'],
        id,
        channel: 'widget',
      }),
    ];
  }
  return ['timeupdate', 'play', 'pause', 'ended', 'seeked'].map((value) =>
    JSON.stringify({ method: 'addEventListener', value }),
  );
}

function parse(data: unknown): Record<string, unknown> | null {
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** YouTube player states: 1 playing, 3 buffering (still playing as far as watching goes). */
const YT_PLAYING = new Set([1, 3]);

/**
 * Reads one message from a player frame: `null` when it is not a player report we understand,
 * `{}` for a sign of life (the player answered) without a position.
 */
export function readPlayerMessage(provider: EmbedProvider, data: unknown): PlayerReport | null {
  const message = parse(data);
  if (!message) return null;
  if (provider === 'youtube') {
    const event = message.event;
    if (event === 'onReady' || event === 'initialDelivery') {
      const info = parse(message.info);
      return info ? { duration: num(info.duration), position: num(info.currentTime) } : {};
    }
    if (event === 'infoDelivery') {
      const info = parse(message.info);
      if (!info) return null;
      const state = num(info.playerState);
      return {
        position: num(info.currentTime),
        duration: num(info.duration),
        playing: state === undefined ? undefined : YT_PLAYING.has(state),
      };
    }
    if (event === 'onStateChange') {
      const state = num(message.info);
      return state === undefined ? null : { playing: YT_PLAYING.has(state) };
    }
    return null;
  }
  const event = message.event;
  if (event === 'ready') return {};
  const d = parse(message.data) ?? {};
  if (event === 'timeupdate' || event === 'playProgress')
    return { position: num(d.seconds), duration: num(d.duration), playing: true };
  if (event === 'play') return { playing: true, position: num(d.seconds) };
  if (event === 'pause' || event === 'ended') return { playing: false, position: num(d.seconds) };
  if (event === 'seeked') return { position: num(d.seconds), playing: undefined };
  return null;
}
