import type { GqlClient } from '../utils/gql.js';

const HOUR = 3_600_000;

export const SESSION_FIELDS = `id capacity confirmedCount waitlistCount checkedInCount seatsLeft registrationWindow`;

/** An event input: one session a week from now with `capacity` seats, open to everyone. */
export function eventInput(overrides: Record<string, unknown> = {}, capacity = 3) {
  const start = Date.now() + 7 * 24 * HOUR;
  return {
    titleKo: '청렴 콘서트',
    titleEn: 'Integrity concert',
    descriptionKo: '노래와 이야기로 만나는 청렴',
    descriptionEn: 'Integrity in songs and stories',
    kind: 'CONCERT',
    performers: '청렴 밴드',
    venue: '시청 대강당',
    creditMinutes: 60,
    sessions: [
      { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString(), capacity },
    ],
    ...overrides,
  };
}

/** Creates and publishes an event as an organiser; returns its id and session ids. */
export async function publishEvent(
  organiser: GqlClient,
  overrides: Record<string, unknown> = {},
  capacity = 3,
): Promise<{ id: string; sessionIds: string[] }> {
  const created = await organiser.ok(
    `mutation($i: EventInput!) { createEvent(input: $i) { id sessions { id } } }`,
    { i: eventInput(overrides, capacity) },
  );
  await organiser.ok(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: created.createEvent.id });
  return {
    id: created.createEvent.id,
    sessionIds: created.createEvent.sessions.map((s: { id: string }) => s.id),
  };
}
